import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import type { UserRole } from '../generated/graphql';
import { ErrorCode } from '../graphql/errors';
import type { Viewer } from '../graphql/viewer';
import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { hashOfSecret } from './api-key-secret';
import type { ApiKeyRow } from './api-keys';
import type { AuthSettings } from './auth-settings';
import { SignInRefused, unauthenticated } from './refusal';
import { SignInCache } from './sign-in-cache';
import { tokenVerifier } from './verify-token';

/** Decides who is asking from a request's headers; throws SignInRefused for any bad credential. */
export type Authenticate = (headers: IncomingHttpHeaders) => Promise<Viewer>;

const NO_CREDENTIAL =
  'Sign in: send "Authorization: Bearer <token>" (a user\'s JWT) or "x-api-key: <secret>" (a client app\'s key). ' +
  'In development, npm start prints a token and npm run token -- --user <key> mints one.';

/**
 * Checks every request's credential: a JWT (Authorization: Bearer) or an API key (x-api-key).
 * A token's expiry is checked on every request; its signature, and the database lookup of who it
 * names, are kept for as long as `cache` keeps sign-ins (none kept by default).
 */
export function authenticator(db: Database, settings: AuthSettings, cache = new SignInCache(0)): Authenticate {
  const verify = tokenVerifier(settings, cache.ttlSeconds);
  const authenticate: Authenticate = async (headers) => {
    const authorization = headers.authorization;
    const apiKey = headers['x-api-key'];
    if (authorization && apiKey) throw unauthenticated('Send one credential, "Authorization" or "x-api-key", not both.');
    if (typeof apiKey === 'string' && apiKey) {
      const hash = hashOfSecret(apiKey.trim());
      return cache.viewerOf(`key:${hash}`, () => signInWithApiKey(db, hash));
    }
    if (!authorization) throw unauthenticated(NO_CREDENTIAL);
    const bearer = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!bearer) throw unauthenticated('The Authorization header must read "Bearer <token>".');
    const sub = await verify(bearer[1]);
    return cache.viewerOf(`sub:${sub}`, () => signInUser(db, sub));
  };
  return async (headers) => {
    try {
      return await authenticate(headers);
    } catch (error) {
      // Neo4j down: the credential may be fine, so the answer is 503, not 401.
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) {
        throw new SignInRefused(error.message, 503, ErrorCode.SERVICE_UNAVAILABLE, error.extensions.reason as string | undefined);
      }
      throw error;
    }
  };
}

const USER_BY_SUB = `
CALL () {
  MATCH (u:Entity {key: $sub}) RETURN u
  UNION
  MATCH (u:Entity {id: $sub}) RETURN u
}
WITH u WHERE u:User
RETURN ${ENTITY_ROW('u')} AS user, coalesce(u.active, true) AS active,
       COLLECT { MATCH (u)-[:ACTS_FOR]->(o:Organization) RETURN o.id ORDER BY o.id LIMIT 1 }[0] AS actsForId`;

/** The viewer of a verified token: its `sub` is a User's key or id, and that user is active. */
async function signInUser(db: Database, sub: string): Promise<Viewer> {
  const [row] = await db.read<{ user: EntityRow; active: boolean; actsForId: string | null }>(USER_BY_SUB, { sub });
  if (!row) throw unauthenticated(`No user has the key or id "${sub}" that the token names (claim "sub").`);
  if (!row.active) throw unauthenticated(`The user "${sub}" is deactivated; an ADMIN can activate them again (updateUser with active: true).`);
  const { user, actsForId } = row;
  return { kind: 'user', id: user.id, userId: user.id, roles: rolesOf(user.roles), actsForId, user, apiKey: null };
}

const KEY_BY_HASH = `
MATCH (k:ApiKey {hash: $hash})
OPTIONAL MATCH (owner:Entity {id: k.ownerId}) WHERE owner:User
OPTIONAL MATCH (partner:Entity {id: k.actsForId}) WHERE partner:Organization
RETURN k {.id, .name, .prefix, .roles, .actsForId, .ownerId, .createdAt, .lastUsedAt, .revokedAt} AS key,
       CASE WHEN owner IS NULL THEN null ELSE ${ENTITY_ROW('owner')} END AS owner,
       coalesce(owner.active, true) AS ownerActive, partner.id AS actsForId`;

const RECORD_USE = `
MATCH (k:ApiKey {id: $id})
WHERE k.lastUsedAt IS NULL OR k.lastUsedAt < $staleBefore
SET k.lastUsedAt = $now`;

/** How often a key's last use is written at most: every request would be a write otherwise. */
export const LAST_USE_PRECISION_MS = 60_000;

/** Whether a use at `now` should be written, given the last recorded one. */
export function isLastUseStale(lastUsedAt: string | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - Date.parse(lastUsedAt) >= LAST_USE_PRECISION_MS;
}

/** The viewer of an API key, known by the hash of its secret: not revoked, its owner still there and active. */
async function signInWithApiKey(db: Database, hash: string): Promise<Viewer> {
  const [row] = await db.read<{ key: ApiKeyRow; owner: EntityRow | null; ownerActive: boolean; actsForId: string | null }>(KEY_BY_HASH, { hash });
  if (!row) throw unauthenticated('This API key is not known: check the x-api-key header, or ask an ADMIN for a key (createApiKey).');
  const { key, owner } = row;
  if (key.revokedAt) throw unauthenticated(`This API key ("${key.name}") was revoked at ${key.revokedAt}.`);
  if (!owner) throw unauthenticated(`The user who owned this API key ("${key.name}") is deleted, so the key no longer works; ask an ADMIN for a new one.`);
  if (!row.ownerActive) throw unauthenticated(`The user who owns this API key ("${key.name}") is deactivated, so the key does not work.`);
  const now = new Date();
  if (isLastUseStale(key.lastUsedAt, now)) {
    const staleBefore = new Date(now.getTime() - LAST_USE_PRECISION_MS);
    await db.write(RECORD_USE, { id: key.id, now: param.dateTime(now.toISOString()), staleBefore: param.dateTime(staleBefore.toISOString()) });
  }
  return { kind: 'apiKey', id: key.id, userId: null, roles: rolesOf(key.roles), actsForId: row.actsForId, user: owner, apiKey: key };
}

const rolesOf = (roles: unknown): UserRole[] => (Array.isArray(roles) ? (roles as UserRole[]) : []);
