import type { Reader, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { StageProperty } from '../model/graph-model';
import { loaderById } from '../graphql/loader-by-id';
import { ENTITY_ROW, type EntityRow } from './entity-row';
import { VISIBLE } from './visibility';

export interface StageChange {
  /** The stage before (null: none); recorded in the history. */
  from?: string | null;
  to: string;
  /** When it happened (ISO-8601); now when not given. Recorded in the history. */
  at?: string | null;
  reason?: string | null;
  /** Properties of the node that change with the stage; null removes one. */
  properties?: Record<string, unknown>;
}

const changeCypher = ({ label, property, history }: StageProperty) => `
MATCH (n:${label} {id: $id})
SET n += $properties, n.${property} = $to, n.updatedAt = $now
${history ? `CREATE (n)-[:${history.type} {createdAt: $now, updatedAt: $now}]->
       (c:Entity:${history.label} {id: randomUUID(), to: $to, at: $at, createdAt: $now, updatedAt: $now})
SET c.from = $from, c.reason = $reason` : ''}
RETURN ${ENTITY_ROW('n')} AS node`;

/**
 * Moves a node to another stage and, where the stage keeps a history, records the move as a
 * change node. The caller has locked the node (lockNode) and checked that the move is allowed,
 * in the same transaction.
 */
export async function changeStage(tx: Tx, stage: StageProperty, id: string, change: StageChange): Promise<EntityRow> {
  const [row] = await tx.run<{ node: EntityRow }>(changeCypher(stage), {
    id,
    to: change.to,
    from: change.from ?? null,
    at: change.at ? param.dateTime(change.at) : param.now(),
    reason: change.reason ?? null,
    properties: change.properties ?? {},
    now: param.now(),
  });
  return row.node;
}

const historyCypher = ({ label, history }: StageProperty) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN id, COLLECT {
  MATCH (n)-[:${history!.type}]->(c:${history!.label}) WHERE ${VISIBLE('c')}
  RETURN ${ENTITY_ROW('c')} ORDER BY c.at, c.createdAt, c.id
} AS changes`;

/** The recorded moves of each node, oldest first, one query per batch. */
export function stageHistoryLoader(db: Reader, stage: StageProperty & Required<Pick<StageProperty, 'history'>>) {
  return loaderById<EntityRow[]>(db, historyCypher(stage), 'changes', []);
}
