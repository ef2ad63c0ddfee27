import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import type { PageWindow } from '../graphql/pagination';
import { audienceWindow, type AudienceSelection, type AudienceWindow } from './audience';

/** A window of the audience, or 'counts' when only included/excludedWithoutConsent are asked. */
export type AudiencePageKey = PageWindow | 'counts';

/**
 * What Query.audience hands to the Audience fields: the page its deprecated first/after ask for
 * (the fallback of Audience.people's own arguments) and one loader per audience, so people and the
 * counts share one query per distinct page (every page query also answers the counts).
 */
export interface AudienceRow {
  fallback: { first: number | null | undefined; after: string | null | undefined };
  pages: DataLoader<AudiencePageKey, AudienceWindow, string>;
}

export function audienceRow(db: Reader, selection: AudienceSelection, fallback: AudienceRow['fallback']): AudienceRow {
  const pages = new DataLoader<AudiencePageKey, AudienceWindow, string>(
    async (keys) => {
      const windows = keys.filter((key): key is PageWindow => key !== 'counts');
      const asked = windows.length ? windows : [{ offset: 0, first: 0 }];
      const results = await Promise.all(asked.map((window) => audienceWindow(db, selection, window)));
      return keys.map((key) => (key === 'counts' ? results[0] : results[windows.indexOf(key)]));
    },
    { cacheKeyFn: (key) => (key === 'counts' ? key : `${key.offset}:${key.first}`) },
  );
  return { fallback, pages };
}
