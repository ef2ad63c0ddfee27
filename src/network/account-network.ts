import { badUserInput, notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { EntityRow, NodeProjection } from '../nodes/entity-row';
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
  /** Absent when the selection does not ask for them. */
  properties?: Record<string, unknown>;
}
export interface NetworkRow {
  nodes: NetworkNodeRow[];
  edges: NetworkEdgeRow[];
  truncated: boolean;
}

/** What a network node's label is taken from, in this order (then the id). */
const LABEL_PROPERTIES = ['name', 'subject', 'sku', 'number', 'key'] as const;
/** Those properties of node `n`, as a map. */
const LABEL_OF = (n: string) => `${n} {${LABEL_PROPERTIES.map((p) => `.${p}`).join(', ')}}`;

/** The account at the centre, if it is a visible Organization, as `row` projects it. */
const accountCypher = (row: string) => `
MATCH (b:Entity {id: $accountId}) WHERE ${VISIBLE('b')}
RETURN ${row} AS node, ${LABEL_OF('b')} AS labelOf`;

/**
 * One ring further out: the not yet seen visible neighbours of the frontier, in id order, at most
 * `room` of them (a hidden node is no stepping stone either: the walk goes through visible ones only). Neo4j keeps only the first `room` while it sorts, so a hub's neighbourhood
 * never travels just to be cut. Each node comes as `row` projects it, with what its label needs.
 */
const nextRingCypher = (types: string, row: string) => `
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[:${types}]-(b:Entity)
WHERE NOT b.id IN $seen AND ${VISIBLE('b')}
WITH DISTINCT b
ORDER BY b.id
LIMIT $room
RETURN ${row} AS node, ${LABEL_OF('b')} AS labelOf`;

/**
 * Each relationship once: matched in its stored direction between two chosen nodes; its properties
 * only when asked for (decoding their timestamps was most of the API's work on a big network).
 */
const edgesBetweenCypher = (types: string, withProperties: boolean) => `
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:${types}]->(b:Entity)
WHERE b.id IN $ids AND ${VISIBLE('a')} AND ${VISIBLE('b')}
RETURN type(r) AS type, a.id AS fromId, b.id AS toId${withProperties ? ', properties(r) AS properties' : ''}
ORDER BY fromId, toId, type`;

/**
 * The account and every node within `depth` hops along the chosen types (DESIGN §4), nearest
 * first (then by id), at most `nodeLimit` nodes, with every chosen relationship among them: one
 * read transaction, a statement for the account, one per ring and one for the edges. The nodes are
 * rows as `projection` makes them. NOT_FOUND unless the id is a visible Organization.
 */
export async function accountNetwork(
  db: Reader,
  accountId: string,
  options: { depth: number; nodeLimit: number; relationshipTypes?: readonly string[] | null; edgeProperties: boolean },
  projection: NodeProjection,
): Promise<NetworkRow> {
  const { depth, nodeLimit } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > NETWORK_LIMITS.maxDepth) {
    throw badUserInput(`"depth" must be between 1 and ${NETWORK_LIMITS.maxDepth}, got ${depth}.`);
  }
  if (!Number.isInteger(nodeLimit) || nodeLimit < 1 || nodeLimit > NETWORK_LIMITS.maxNodeLimit) {
    throw badUserInput(`"nodeLimit" must be between 1 and ${NETWORK_LIMITS.maxNodeLimit}, got ${nodeLimit}.`);
  }
  const types = typeAlternation(chosenTypes(options.relationshipTypes));
  const row = projection.row('b');
  const nextRing = nextRingCypher(types, row);

  return db.readTransaction(async (tx) => {
    const [account] = await tx.run<{ node: EntityRow; labelOf: Record<string, unknown> }>(accountCypher(row), { ...projection.params, accountId });
    if (account?.node.__typename !== 'Organization') throw notFound('Organization', accountId);
    const nodes: NetworkNodeRow[] = [networkNode(account.node, account.labelOf, 0)];
    const seen = new Set([accountId]);
    let frontier = [accountId];
    let truncated = false;
    for (let ring = 1; ring <= depth && frontier.length > 0 && !truncated; ring++) {
      const room = nodeLimit - nodes.length;
      // One more than there is room for tells whether the ring was cut.
      const rows = await tx.run<{ node: EntityRow; labelOf: Record<string, unknown> }>(nextRing, {
        ...projection.params,
        frontier,
        seen: [...seen],
        room: param.integer(room + 1),
      });
      truncated = rows.length > room;
      frontier = [];
      for (const { node, labelOf } of rows.slice(0, room)) {
        nodes.push(networkNode(node, labelOf, ring));
        seen.add(node.id);
        frontier.push(node.id);
      }
    }
    const edges = await tx.run<NetworkEdgeRow>(edgesBetweenCypher(types, options.edgeProperties), { ids: [...seen] });
    return { nodes, edges, truncated };
  });
}

function networkNode(node: EntityRow, labelOf: Record<string, unknown>, depth: number): NetworkNodeRow {
  const label = [...LABEL_PROPERTIES.map((p) => labelOf[p]), node.id].find((v) => typeof v === 'string' && v);
  return { node, type: node.__typename, label: label as string, depth };
}
