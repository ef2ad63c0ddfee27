import { badUserInput } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { linkEntities, type LinkResult } from '../nodes/entity-writes';
import { lockNodes } from '../nodes/lock-nodes';

const CHAIN_FROM = `
OPTIONAL MATCH (manager:Person {id: $managerId})-[:REPORTS_TO]->*(above:Person)
RETURN collect(DISTINCT above.id) AS ids`;

/**
 * Links a person to their manager unless the person is already in the manager's chain (a
 * cycle: BAD_USER_INPUT). Why this cannot race: the person and everyone in the manager's chain
 * are locked, and the chain is read again until it holds nobody unlocked. Any concurrent link
 * that could lead from the chain back to the person starts at someone in the chain, and every
 * link locks its own person first, so it waits for this transaction (or this one for it, and
 * then sees its link).
 */
export async function linkReportsTo(tx: Tx, personId: string, managerId: string): Promise<LinkResult> {
  if (personId !== managerId) {
    const chain = await lockChain(tx, personId, managerId);
    if (chain.has(personId)) {
      throw badUserInput(`${managerId} already reports (directly or through others) to ${personId}; REPORTS_TO would make a cycle.`);
    }
  }
  return linkEntities(tx, 'REPORTS_TO', personId, managerId);
}

/** Locks the person and the manager's chain (the manager and everyone above); returns the chain. */
async function lockChain(tx: Tx, personId: string, managerId: string): Promise<Set<string>> {
  const locked = new Set<string>();
  for (;;) {
    const [{ ids }] = await tx.run<{ ids: string[] }>(CHAIN_FROM, { managerId });
    const unlocked = [personId, ...ids].filter((id) => !locked.has(id));
    if (!unlocked.length) return new Set(ids);
    await lockNodes(tx, unlocked);
    for (const id of unlocked) locked.add(id);
  }
}
