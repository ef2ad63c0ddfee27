import { createHash } from 'node:crypto';
import { badUserInput } from '../graphql/errors';
import type { Tx } from '../neo4j/database';

/** The SHA-256 (hex) an ErasedPerson keeps of the erased key: enough to recognise it, not to read it. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const ERASED_BY_HASH = `
UNWIND $hashes AS hash
MATCH (e:ErasedPerson {keyHash: hash})
RETURN hash, toString(date(min(e.erasedAt))) AS erasedOn`;

/**
 * Of the given keys, those that belonged to an erased person, each with the day of its erasure
 * (YYYY-MM-DD); one query in the caller's transaction.
 */
export async function erasedKeys(tx: Tx, keys: Iterable<string>): Promise<Map<string, string>> {
  const byHash = new Map([...new Set(keys)].map((key) => [keyHash(key), key]));
  if (byHash.size === 0) return new Map();
  const rows = await tx.run<{ hash: string; erasedOn: string }>(ERASED_BY_HASH, { hashes: [...byHash.keys()] });
  return new Map(rows.map((row) => [byHash.get(row.hash)!, row.erasedOn]));
}

/** The message of every refusal of an erased key, so the import and createPerson say the same. */
export function erasedKeyMessage(key: string, erasedOn: string): string {
  return `the key "${key}" belonged to a person erased on ${erasedOn} (GDPR Art. 17); it cannot be imported or created again`;
}

/** BAD_USER_INPUT when `key` belonged to an erased person: creating it would bring them back. */
export async function refuseErasedKey(tx: Tx, key: string, path: string): Promise<void> {
  const erasedOn = (await erasedKeys(tx, [key])).get(key);
  if (erasedOn) throw badUserInput(`The ${path} was refused: ${erasedKeyMessage(key, erasedOn)}.`, [{ path, message: erasedKeyMessage(key, erasedOn) }]);
}
