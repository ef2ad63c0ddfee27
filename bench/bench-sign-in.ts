import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { mintToken } from '../src/access';

const ENSURE_BENCH_ADMIN = `
MERGE (u:Entity:User {key: 'u-bench-admin'})
ON CREATE SET u.id = randomUUID(), u.name = 'Bench Admin', u.nameKey = 'bench admin', u.roles = ['ADMIN'], u.createdAt = datetime(), u.updatedAt = datetime()`;

/**
 * Every request of a benchmark signs in like a client's would: a token of an ADMIN user (an
 * isolated User node added to the bench world), signed with a fresh secret the API is started
 * with (AUTH_JWT_SECRET), so the figures include what the sign-in costs.
 */
export async function benchSignIn(driver: Driver): Promise<{ jwtSecret: string; headers: Record<string, string> }> {
  const jwtSecret = randomBytes(32).toString('base64url');
  await driver.executeQuery(ENSURE_BENCH_ADMIN);
  const token = await mintToken({ jwtSecret }, 'u-bench-admin', '12h');
  return { jwtSecret, headers: { authorization: `Bearer ${token}` } };
}
