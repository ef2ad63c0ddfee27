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

/**
 * The account (a visible Organization) and its network (DESIGN §4) in one statement: `depth` rings
 * (ringCypher), then every chosen relationship among the nodes, each once, in its stored
 * direction, with its properties only when asked for (decoding their timestamps was most of the
 * API's work on a big network). The nodes come as `row` projects them, with what their label
 * needs, nearest first. No row when the account is not a visible Organization.
 */
const networkCypher = (types: string, depth: number, row: string, withProperties: boolean) => `
MATCH (account:Entity {id: $accountId}) WHERE ${VISIBLE('account')} AND account:Organization
WITH [[account]] AS rings, [account] AS nodes, [account] AS frontier, false AS truncated
${ringCypher(types).repeat(depth)}
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${types}]->(b)
  WHERE b IN nodes
  WITH a, r, b ORDER BY a.id, b.id, type(r)
  RETURN collect({type: type(r), fromId: a.id, toId: b.id${withProperties ? ', properties: properties(r)' : ''}}) AS edges
}
UNWIND range(0, size(rings) - 1) AS depth
UNWIND rings[depth] AS b
RETURN collect({node: ${row}, labelOf: ${LABEL_OF('b')}, depth: depth}) AS nodes, edges, truncated`;

/**
 * One ring further out: the not yet chosen visible neighbours of the frontier in id order, as
 * many as there is room for (a hidden node is no stepping stone either). One more than fits tells
 * that the ring was cut; then the walk stops. LIMIT cannot read `room`, so it keeps $nodeLimit
 * (never less than room + 1) and Neo4j still sorts only those, never a hub's whole neighbourhood.
 */
const ringCypher = (types: string) => `
CALL (nodes, frontier) {
  UNWIND frontier AS f
  MATCH (f)-[:${types}]-(b:Entity)
  WHERE NOT b IN nodes AND ${VISIBLE('b')}
  WITH DISTINCT b ORDER BY b.id LIMIT $nodeLimit
  RETURN collect(b) AS found
}
WITH rings, nodes, truncated, found, $nodeLimit - size(nodes) AS room
WITH rings + [found[..room]] AS rings, nodes + found[..room] AS nodes, truncated OR size(found) > room AS truncated,
  CASE WHEN size(found) > room THEN [] ELSE found END AS frontier`;

/**
 * The account and every node within `depth` hops along the chosen types (DESIGN §4), nearest
 * first (then by id), at most `nodeLimit` nodes, with every chosen relationship among them: one
 * statement (each further statement was a round trip that cost more than its query). The nodes are
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
  const cypher = networkCypher(types, depth, projection.row('b'), options.edgeProperties);
  const [found] = await db.read<{ nodes: FoundNode[]; edges: NetworkEdgeRow[]; truncated: boolean }>(cypher, {
    ...projection.params,
    accountId,
    nodeLimit: param.integer(nodeLimit),
  });
  if (!found) throw notFound('Organization', accountId);
  return { nodes: found.nodes.map(networkNode), edges: found.edges, truncated: found.truncated };
}

interface FoundNode {
  node: EntityRow;
  labelOf: Record<string, unknown>;
  depth: number;
}

function networkNode({ node, labelOf, depth }: FoundNode): NetworkNodeRow {
  const label = [...LABEL_PROPERTIES.map((p) => labelOf[p]), node.id].find((v) => typeof v === 'string' && v);
  return { node, type: node.__typename, label: label as string, depth };
}
