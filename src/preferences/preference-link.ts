import { badUserInput } from '../graphql/errors';
import { publicUrl } from '../public-links';
import { signPreferenceToken } from './preference-token';

export const PREFERENCES_PATH = '/preferences/';
export const MAX_TTL_DAYS = 365;

/** `<PUBLIC_URL>/preferences/<token>`: the person's own page, for `ttlDays` (1…365). */
export async function preferenceLink(personId: string, ttlDays: number): Promise<string> {
  if (!Number.isInteger(ttlDays) || ttlDays < 1 || ttlDays > MAX_TTL_DAYS) {
    throw badUserInput(`ttlDays must be a whole number of days from 1 to ${MAX_TTL_DAYS}, got ${ttlDays}.`);
  }
  return `${publicUrl()}${PREFERENCES_PATH}${await signPreferenceToken(personId, ttlDays)}`;
}
