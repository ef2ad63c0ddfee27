import type { ChangeReport } from '../graphql/mutate';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { recordConsentDecision } from '../consent';

export interface ConfirmedConsents {
  personId: string;
  consents: { channel: string; purpose: string }[];
}

// Lock the request first: a second click waits for the first and then finds it used.
const LOCK_REQUEST = 'MATCH (r:ConsentRequest {tokenHash: $tokenHash}) SET r._lock = true REMOVE r._lock';
const OPEN_REQUEST = `
MATCH (p:Person)-[:REQUESTED]->(r:ConsentRequest {tokenHash: $tokenHash})
WHERE r.usedAt IS NULL AND r.expiresAt > $now
RETURN p.id AS personId, r.channels AS channels, r.purposes AS purposes, r.textVersion AS textVersion, r.source AS source`;
const MARK_USED = 'MATCH (r:ConsentRequest {tokenHash: $tokenHash}) SET r.usedAt = $now';

/** The person a usable (unused, unexpired) request belongs to; null for a used, expired or unknown token. */
export async function openRequestOwner(tx: Tx, tokenHash: string): Promise<string | null> {
  const [row] = await tx.run<{ personId: string }>(OPEN_REQUEST, { tokenHash, now: param.now() });
  return row?.personId ?? null;
}

/**
 * Grants each consent of a usable request once (source `double-opt-in:<source>`, the request's
 * text version, at = now) and marks the request used; null, writing nothing, when the token is
 * used, expired or unknown.
 */
export async function confirmConsentRequest(tx: Tx, report: ChangeReport, tokenHash: string): Promise<ConfirmedConsents | null> {
  await tx.run(LOCK_REQUEST, { tokenHash });
  const now = new Date().toISOString();
  const [request] = await tx.run<{ personId: string; channels: string[]; purposes: string[]; textVersion: string; source: string }>(
    OPEN_REQUEST, { tokenHash, now: param.dateTime(now) },
  );
  if (!request) return null;
  const consents = request.channels.map((channel, i) => ({ channel, purpose: request.purposes[i] }));
  for (const consent of consents) {
    const granted = await recordConsentDecision(tx, {
      personId: request.personId, ...consent, granted: true, source: `double-opt-in:${request.source}`, textVersion: request.textVersion, at: now,
    });
    report.touched(granted.id);
  }
  await tx.run(MARK_USED, { tokenHash, now: param.dateTime(now) });
  report.touched(request.personId);
  return { personId: request.personId, consents };
}
