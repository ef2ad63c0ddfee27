import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Tx } from '../neo4j/database';
import { conflict, ErrorCode } from './errors';

/** The `Idempotency-Key` of one request, with the fingerprint of the request it came with. */
export interface IdempotencyClaim {
  key: string;
  /** Whose key it is (the user or API key signed in): one client's keys never meet another's. */
  owner: string;
  /** SHA-256 of the request's operation, operation name and variables. */
  fingerprint: string;
  /** How long the key and its answer are kept (IDEMPOTENCY_KEY_TTL_HOURS). */
  ttlHours: number;
  /** Set when the answer came from the key's first request instead of a new write. */
  replayed: boolean;
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;
// The IETF draft's key is a structured-field string: printable ASCII, sent quoted; bare is accepted too.
const KEY_TEXT = /^[\x20-\x7e]+$/;

/**
 * Reads the Idempotency-Key header of a GraphQL request (undefined without one), or answers
 * why it cannot be used. The fingerprint covers what the request asks, so that the same key
 * with another request is told apart from a retry of the same one.
 */
export function idempotencyClaim(
  header: string | undefined,
  body: unknown,
  ttlHours: number,
  owner: string,
): IdempotencyClaim | GraphQLError | undefined {
  if (header === undefined) return undefined;
  const key = /^".*"$/.test(header) ? header.slice(1, -1) : header;
  if (!key || key.length > MAX_KEY_LENGTH || !KEY_TEXT.test(key)) {
    return new GraphQLError(
      `The Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters, e.g. a UUID: Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324".`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
    );
  }
  const request = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const asked = { query: request.query ?? null, operationName: request.operationName ?? null, variables: request.variables ?? null };
  return { key, owner, fingerprint: createHash('sha256').update(canonicalJson(asked)).digest('hex'), ttlHours, replayed: false };
}

/** JSON with the keys of every object sorted, so that the same request always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, inner]) => `${JSON.stringify(name)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// MERGE on the uniquely constrained key locks it: a concurrent request with the same key waits
// here until the first one commits (then finds its answer) or rolls back (then writes itself).
const CLAIM_KEY = `
MERGE (k:IdempotencyKey {owner: $owner, key: $key})
RETURN k.fingerprint AS fingerprint, k.answer AS answer, toString(k.createdAt) AS createdAt,
       coalesce(k.expiresAt < datetime(), false) AS expired`;

const KEEP_ANSWER = `
MATCH (k:IdempotencyKey {owner: $owner, key: $key})
SET k.fingerprint = $fingerprint, k.answer = $answer, k.createdAt = datetime(),
    k.expiresAt = datetime() + duration({hours: $ttlHours})`;

interface HeldKey {
  fingerprint: string | null;
  answer: string | null;
  createdAt: string | null;
  expired: boolean;
}

/**
 * Runs a mutation's work at most once per Idempotency-Key, inside the mutation's transaction
 * (`tx`): the key and the work's result are stored with its writes, so they commit together or
 * not at all. A retry with the same key and request answers the stored result and writes
 * nothing; the same key with another request is CONFLICT. An expired key counts as new.
 */
export async function answerOnce<T>(tx: Tx, claim: IdempotencyClaim, work: () => Promise<T>): Promise<T> {
  const [held] = await tx.run<HeldKey>(CLAIM_KEY, { owner: claim.owner, key: claim.key });
  if (held.answer !== null && !held.expired) {
    if (held.fingerprint !== claim.fingerprint) {
      throw conflict(
        `The Idempotency-Key "${claim.key}" was used at ${held.createdAt} for a different request; a retry must send the same operation and variables, and a new request needs a new key.`,
        { http: { status: 422 } },
      );
    }
    claim.replayed = true;
    return (JSON.parse(held.answer) as { result: T }).result;
  }
  claim.replayed = false; // a transient-error retry of the transaction starts over
  const result = await work();
  await tx.run(KEEP_ANSWER, {
    owner: claim.owner,
    key: claim.key,
    fingerprint: claim.fingerprint,
    answer: JSON.stringify({ result: result ?? null }),
    ttlHours: claim.ttlHours,
  });
  return result;
}

const FORGET_EXPIRED = `
MATCH (k:IdempotencyKey) WHERE k.expiresAt < datetime()
WITH k LIMIT 10000
DELETE k
RETURN count(*) AS forgotten`;

/** Deletes expired keys (up to 10,000 per call); the answer is how many. */
export async function forgetExpiredKeys(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ forgotten: number }>(FORGET_EXPIRED);
  return row.forgotten;
}
