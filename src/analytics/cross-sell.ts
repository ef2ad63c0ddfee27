import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

export interface CrossSellRow {
  product: EntityRow;
  support: number;
  confidence: number;
}

// Every order, product and peer on the way is visible: hidden ones were never bought.
const CROSS_SELL = `
MATCH (a:Organization {id: $accountId}) WHERE ${VISIBLE('a')}
WITH a, COLLECT {
  MATCH (a)-[:PLACED]->(o:Order)-[:CONTAINS]->(p:Product) WHERE ${VISIBLE('o')} AND ${VISIBLE('p')} RETURN DISTINCT p
} AS owned
MATCH (a)-[:PLACED]->(o:Order)-[:CONTAINS]->(p:Product)<-[:CONTAINS]-(po:Order)<-[:PLACED]-(peer:Organization)
WHERE peer <> a AND ${VISIBLE('o')} AND ${VISIBLE('p')} AND ${VISIBLE('po')} AND ${VISIBLE('peer')}
WITH owned, collect(DISTINCT peer) AS peers
UNWIND peers AS peer
MATCH (peer)-[:PLACED]->(po:Order)-[:CONTAINS]->(q:Product)
WHERE NOT q IN owned AND ${VISIBLE('po')} AND ${VISIBLE('q')}
WITH q, size(peers) AS peerCount, count(DISTINCT peer) AS support
RETURN ${ENTITY_ROW('q')} AS product, support, toFloat(support) / peerCount AS confidence
ORDER BY support DESC, q.sku, q.id
LIMIT $first`;

/** Products the account's peers bought and it has not, by how many peers bought them. */
export function crossSellCandidates(db: Reader, accountId: string, first: number): Promise<CrossSellRow[]> {
  return db.read<CrossSellRow>(CROSS_SELL, { accountId, first: param.integer(first) });
}

export interface UpgradeCandidateRow {
  product: EntityRow;
  upgradeOf: EntityRow[];
}

const UPGRADE_CANDIDATES = `
MATCH (a:Organization {id: $accountId}) WHERE ${VISIBLE('a')}
WITH COLLECT {
  MATCH (a)-[:PLACED]->(o:Order)-[:CONTAINS]->(p:Product) WHERE ${VISIBLE('o')} AND ${VISIBLE('p')} RETURN DISTINCT p
} AS owned
UNWIND owned AS p
MATCH (u:Product)-[:UPGRADE_OF]->(p)
WHERE NOT u IN owned AND ${VISIBLE('u')}
WITH u, p ORDER BY p.sku, p.id
WITH u, collect(DISTINCT ${ENTITY_ROW('p')}) AS upgradeOf
RETURN ${ENTITY_ROW('u')} AS product, upgradeOf
ORDER BY u.sku, u.id`;

/** Upgrades (one UPGRADE_OF hop) of products the account ordered that it has not ordered yet. */
export function upgradeCandidates(db: Reader, accountId: string): Promise<UpgradeCandidateRow[]> {
  return db.read<UpgradeCandidateRow>(UPGRADE_CANDIDATES, { accountId });
}
