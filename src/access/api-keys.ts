import type { UserRole } from '../generated/graphql';
import { badUserInput, notFound } from '../graphql/errors';
import type { Reader, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { hashOfSecret, newApiKeySecret, visiblePrefix } from './api-key-secret';

/**
 * API keys of client apps. An ApiKey node carries no :Entity label, so no entity query (lists,
 * search, paths, node lookups, imports) ever sees it; it names its owner and partner by id.
 */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  roles: UserRole[];
  actsForId: string | null;
  /** The user accountable for the key: who created it. */
  ownerId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiKey {
  name: string;
  roles: UserRole[];
  actsForId?: string | null;
}

const KEY_ROW = (k: string) => `${k} {.id, .name, .prefix, .roles, .actsForId, .ownerId, .createdAt, .lastUsedAt, .revokedAt}`;
const MAX_NAME_LENGTH = 200;

const PARTNER_EXISTS = 'MATCH (o:Entity {id: $id}) WHERE o:Organization RETURN o.id AS id';

const CREATE_API_KEY = `
CREATE (k:ApiKey {id: randomUUID(), name: $name, prefix: $prefix, hash: $hash, roles: $roles,
                  actsForId: $actsForId, ownerId: $ownerId, createdAt: $now})
RETURN ${KEY_ROW('k')} AS key`;

/** Creates a key owned by `ownerId` and answers it with its secret, which is stored only as a hash. */
export async function createApiKey(tx: Tx, input: NewApiKey, ownerId: string): Promise<{ apiKey: ApiKeyRow; secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > MAX_NAME_LENGTH) throw badUserInput(`input.name must be 1 to ${MAX_NAME_LENGTH} characters, e.g. "website back end".`);
  const roles = [...new Set(input.roles)];
  if (!roles.length) throw badUserInput('input.roles must name at least one role: a key without roles may do nothing.');
  const actsForId = input.actsForId ?? null;
  if (roles.includes('PARTNER') && !actsForId) {
    throw badUserInput('A PARTNER key acts for a partner: give input.actsForId, the id of the partner organization.');
  }
  if (actsForId && !roles.includes('PARTNER')) {
    throw badUserInput('input.actsForId is only for keys with the PARTNER role; leave it out or add PARTNER.');
  }
  if (actsForId && !(await tx.run(PARTNER_EXISTS, { id: actsForId })).length) throw notFound('Organization', actsForId);
  const secret = newApiKeySecret();
  const [row] = await tx.run<{ key: ApiKeyRow }>(CREATE_API_KEY, {
    name, roles, actsForId, ownerId, prefix: visiblePrefix(secret), hash: hashOfSecret(secret), now: param.now(),
  });
  return { apiKey: row.key, secret };
}

const REVOKE_API_KEY = `
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $now)
RETURN ${KEY_ROW('k')} AS key`;

/** Revokes a key (a second revocation keeps the first date); NOT_FOUND for an unknown id. */
export async function revokeApiKey(tx: Tx, id: string): Promise<ApiKeyRow> {
  const [row] = await tx.run<{ key: ApiKeyRow }>(REVOKE_API_KEY, { id, now: param.now() });
  if (!row) throw notFound('API key', id);
  return row.key;
}

const LIST_API_KEYS = `
MATCH (k:ApiKey)
RETURN ${KEY_ROW('k')} AS key
ORDER BY k.createdAt DESC, k.id`;

/** Every key, newest first. */
export async function listApiKeys(db: Reader): Promise<ApiKeyRow[]> {
  return (await db.read<{ key: ApiKeyRow }>(LIST_API_KEYS)).map((row) => row.key);
}
