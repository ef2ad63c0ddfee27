import DataLoader from 'dataloader';
import type { Database } from '../neo4j/database';
import { audience, type AudienceFilter, type AudienceResult } from './audience';

/** Who is selected and for what: the arguments of Query.audience without the page. */
export interface AudienceSelection {
  filter: AudienceFilter;
  channel: string;
  purpose: string;
  asOf: string;
}

/** A slice of the audience, or 'counts' when only included/excludedWithoutConsent are asked. */
export type AudiencePageKey = { offset: number; first: number } | 'counts';

/**
 * What Query.audience hands to the Audience fields: the page its deprecated first/after ask for
 * (the fallback of Audience.people's own arguments) and one loader per audience, so people and the
 * counts share one query per distinct page (every page query also answers the counts).
 */
export interface AudienceRow {
  fallback: { first: number | null | undefined; after: string | null | undefined };
  pages: DataLoader<AudiencePageKey, AudienceResult, string>;
}

export function audienceRow(db: Database, selection: AudienceSelection, fallback: AudienceRow['fallback']): AudienceRow {
  const pages = new DataLoader<AudiencePageKey, AudienceResult, string>(
    async (keys) => {
      const slices = keys.filter((key) => key !== 'counts');
      const asked = slices.length ? slices : [{ offset: 0, first: 0 }];
      const results = await Promise.all(asked.map((slice) => audience(db, { ...selection, ...slice })));
      return keys.map((key) => (key === 'counts' ? results[0] : results[slices.indexOf(key)]));
    },
    { cacheKeyFn: (key) => (key === 'counts' ? key : `${key.offset}:${key.first}`) },
  );
  return { fallback, pages };
}
