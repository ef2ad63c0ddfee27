import { randomBytes } from 'node:crypto';
import { mintToken, type AuthSettings } from '../src/access';
import type { Database } from '../src/neo4j/database';

const ENSURE_BENCH_ADMIN = `
MERGE (u:Entity:User {key: 'u-bench-admin'})
ON CREATE SET u.id = randomUUID(), u.name = 'Bench Admin', u.roles = ['ADMIN'], u.createdAt = datetime(), u.updatedAt = datetime()`;

/**
 * Every request of a benchmark signs in like a client's would: a token of an ADMIN user (an
 * isolated User node added to the bench world), so the figures include the sign-in's lookup.
 */
export async function benchSignIn(db: Database): Promise<{ auth: AuthSettings; headers: Record<string, string> }> {
  const auth: AuthSettings = { jwtSecret: randomBytes(32).toString('base64url') };
  await db.write(ENSURE_BENCH_ADMIN);
  const token = await mintToken(auth, 'u-bench-admin', '12h');
  return { auth, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
}
