import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { chosenTypes, typeAlternation } from '../paths';

export const NETWORK_LIMITS = { maxDepth: 3, maxNodeLimit: 2000 } as const;

export interface NetworkNodeRow {
  node: EntityRow;
  type: string;
  label: string;
  depth: number;
}
export interface NetworkEdgeRow {
  type: string;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
}
export interface NetworkRow {
  nodes: NetworkNodeRow[];
  edges: NetworkEdgeRow[];
  truncated: boolean;
}

/**
 * One ring further out: the not yet seen visible neighbours of the frontier, in id order, at most
 * `room` of them (a hidden node is no stepping stone either: the walk goes through visible ones only). Neo4j keeps only the first `room` while it sorts, so a hub's neighbourhood
 * never travels just to be cut.
 */
const nextRingCypher = (types: string) => `
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[:${types}]-(b:Entity)
WHERE NOT b.id IN $seen AND ${VISIBLE('b')}
WITH DISTINCT b
ORDER BY b.id
LIMIT $room
RETURN ${ENTITY_ROW('b')} AS node`;

/** Each relationship once: matched in its stored direction between two chosen nodes. */
const edgesBetweenCypher = (types: string) => `
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:${types}]->(b:Entity)
WHERE b.id IN $ids AND ${VISIBLE('a')} AND ${VISIBLE('b')}
RETURN type(r) AS type, a.id AS fromId, b.id AS toId, properties(r) AS properties
ORDER BY fromId, toId, type`;

/**
 * The account and every node within `depth` hops along the chosen types (DESIGN §4), nearest
 * first (then by id), at most `nodeLimit` nodes, with every chosen relationship among them.
 */
export async function accountNetwork(
  db: Reader,
  account: EntityRow,
  options: { depth: number; nodeLimit: number; relationshipTypes?: readonly string[] | null },
): Promise<NetworkRow> {
  const { depth, nodeLimit } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > NETWORK_LIMITS.maxDepth) {
    throw badUserInput(`"depth" must be between 1 and ${NETWORK_LIMITS.maxDepth}, got ${depth}.`);
  }
  if (!Number.isInteger(nodeLimit) || nodeLimit < 1 || nodeLimit > NETWORK_LIMITS.maxNodeLimit) {
    throw badUserInput(`"nodeLimit" must be between 1 and ${NETWORK_LIMITS.maxNodeLimit}, got ${nodeLimit}.`);
  }
  const types = typeAlternation(chosenTypes(options.relationshipTypes));

  const nodes: NetworkNodeRow[] = [networkNode(account, 0)];
  const seen = new Set([account.id]);
  let frontier = [account.id];
  let truncated = false;
  for (let ring = 1; ring <= depth && frontier.length > 0 && !truncated; ring++) {
    const room = nodeLimit - nodes.length;
    // One more than there is room for tells whether the ring was cut.
    const rows = await db.read<{ node: EntityRow }>(nextRingCypher(types), { frontier, seen: [...seen], room: param.integer(room + 1) });
    truncated = rows.length > room;
    frontier = [];
    for (const { node } of rows.slice(0, room)) {
      nodes.push(networkNode(node, ring));
      seen.add(node.id);
      frontier.push(node.id);
    }
  }
  const edges = await db.read<NetworkEdgeRow>(edgesBetweenCypher(types), { ids: [...seen] });
  return { nodes, edges, truncated };
}

function networkNode(node: EntityRow, depth: number): NetworkNodeRow {
  const label = [node.name, node.subject, node.sku, node.number, node.key, node.id].find((v) => typeof v === 'string' && v);
  return { node, type: node.__typename, label: label as string, depth };
}
