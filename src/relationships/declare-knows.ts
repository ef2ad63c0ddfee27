import type { Tx } from '../neo4j/database';
import { linkEntities, type LinkResult } from '../nodes/entity-writes';
import { KNOWS_STRENGTH } from './knows-strength';

export interface DeclaredKnows {
  strength: number;
  since?: string | null;
  source?: string | null;
}

const WITH_HISTORY = `SET r.strength = ${KNOWS_STRENGTH('r.declaredStrength', 'coalesce(r.interactionCount, 0)')}`;

/**
 * Sets KNOWS by hand: `declaredStrength` is what the person said, and the stored `strength`
 * also counts the pair's contact history (KNOWS_STRENGTH), in one write. The pair is stored
 * once whatever the direction.
 */
export function declareKnows(tx: Tx, fromId: string, toId: string, { strength, ...rest }: DeclaredKnows): Promise<LinkResult> {
  return linkEntities(tx, 'KNOWS', fromId, toId, { ...rest, strength, declaredStrength: strength }, WITH_HISTORY);
}
