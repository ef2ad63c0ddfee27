import type { Database } from '../neo4j/database';
import { linkEntities, type LinkResult } from '../nodes/entity-writes';

export interface DeclaredKnows {
  strength: number;
  since?: string | null;
  source?: string | null;
}

/** The strength contact history alone gives a pair after n interactions (DESIGN §4). */
export function historyStrength(interactionCount: number): number {
  return interactionCount > 0 ? 1 - 0.8 ** interactionCount : 0;
}

const RAISE_STRENGTH = `
MATCH (a:Entity {id: $fromId})-[r:KNOWS]-(b:Entity {id: $toId})
SET r.strength = $strength
RETURN properties(r) AS properties`;

/**
 * Sets KNOWS by hand: `declaredStrength` is what the person said, and the stored `strength` is
 * max(declared, 1 − 0.8^interactionCount), so a declaration never erases what contact history
 * has shown. The pair is stored once whatever the direction.
 */
export async function declareKnows(db: Database, fromId: string, toId: string, input: DeclaredKnows): Promise<LinkResult> {
  const { strength, ...rest } = input;
  const link = await linkEntities(db, 'KNOWS', fromId, toId, { ...rest, strength, declaredStrength: strength });
  const fromHistory = historyStrength(Number(link.properties.interactionCount ?? 0));
  if (fromHistory <= strength) return link;
  const [row] = await db.write<{ properties: Record<string, unknown> }>(RAISE_STRENGTH, { fromId, toId, strength: fromHistory });
  return { ...link, properties: row.properties };
}
