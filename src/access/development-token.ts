import type { Logger } from '../logger';
import type { Reader } from '../neo4j/database';
import type { AuthSettings } from './auth-settings';
import { DEFAULT_TOKEN_LIFETIME, mintToken } from './mint-token';

/** The sample world's ADMIN (seeds/10-core.json). */
export const SAMPLE_ADMIN_KEY = 'u-paul-engel';

const ACTIVE_USER = 'MATCH (u:Entity {key: $key}) WHERE u:User AND coalesce(u.active, true) RETURN u.name AS name';

/**
 * On a development start: logs a ready token of the sample world's ADMIN, so the API can be
 * tried at once, and answers it (the explorer's sign-in form offers it); without such a user it
 * logs how to mint one and answers undefined.
 */
export async function announceDevelopmentToken(db: Reader, settings: AuthSettings, log: Logger): Promise<string | undefined> {
  if (!settings.jwtSecret) return undefined;
  const [admin] = await db.read<{ name: string }>(ACTIVE_USER, { key: SAMPLE_ADMIN_KEY });
  if (!admin) {
    log.info(`sign in: no active user ${SAMPLE_ADMIN_KEY} here; mint a token with npm run token -- --user <key>`);
    return undefined;
  }
  const token = await mintToken(settings, SAMPLE_ADMIN_KEY);
  log.info(
    { user: SAMPLE_ADMIN_KEY, validFor: DEFAULT_TOKEN_LIFETIME },
    `development token of ${admin.name} (${SAMPLE_ADMIN_KEY}, ADMIN), send it as "Authorization: Bearer <token>" (others: npm run token -- --user <key>): ${token}`,
  );
  return token;
}
