import type { NodeSummary, RelationshipPath } from '../api/fragments';
import type { NeighboursAnswer, NetworkAnswer } from '../api/network';
import type { PartnerCoverage } from '../api/partners';

/** A node as the map draws it. */
export interface MapNode {
  id: string;
  /** Organization, Person, User, … */
  type: string;
  label: string;
  /** Organization kinds, person kinds or user roles: they choose colour and shape. */
  kinds: string[];
}

/** A relationship in its stored direction. */
export interface MapEdge {
  type: string;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
}

export interface MapGraph {
  /** The node the map is about (the account, the partner, …). */
  rootId: string;
  nodes: MapNode[];
  edges: MapEdge[];
  truncated: boolean;
}

/** KNOWS means the same in both directions, so it is keyed by the unordered pair. */
export function edgeKey(edge: Pick<MapEdge, 'type' | 'fromId' | 'toId'>): string {
  const ends = edge.type === 'KNOWS' ? [edge.fromId, edge.toId].sort() : [edge.fromId, edge.toId];
  return `${edge.type}:${ends[0]}>${ends[1]}`;
}

export function mapNodeOf(summary: NodeSummary, label?: string): MapNode {
  return {
    id: summary.id,
    type: summary.__typename,
    label: label ?? summary.name ?? summary.id,
    kinds: summary.orgKinds ?? summary.personKinds ?? summary.roles ?? [],
  };
}

export function graphFromNetwork(rootId: string, network: NetworkAnswer): MapGraph {
  return {
    rootId,
    nodes: network.nodes.map((entry) => mapNodeOf(entry.node, entry.label)),
    edges: network.edges.map((edge) => ({ type: edge.type, fromId: edge.fromId, toId: edge.toId, properties: edge.properties ?? {} })),
    truncated: network.truncated,
  };
}

/** The nodes and hops of a path; a step keeps its stored direction, which may point against the path. */
export function graphFromPath(path: RelationshipPath): MapGraph {
  return {
    rootId: path.nodes[path.nodes.length - 1].id,
    nodes: path.nodes.map((node) => mapNodeOf(node)),
    edges: path.steps.map((step) => ({ type: step.type, fromId: step.fromId, toId: step.toId, properties: { weight: step.weight } })),
    truncated: false,
  };
}

/** A person's or user's direct relationships, each in its stored direction. */
export function graphFromNeighbours(answer: NeighboursAnswer): MapGraph {
  const self = answer.id;
  const nodes: MapNode[] = [mapNodeOf(answer)];
  const edges: MapEdge[] = [];
  const link = (other: NodeSummary, type: string, outgoing: boolean, properties: Record<string, unknown> = {}) => {
    nodes.push(mapNodeOf(other));
    edges.push({ type, fromId: outgoing ? self : other.id, toId: outgoing ? other.id : self, properties });
  };
  for (const employer of answer.employers ?? []) link(employer.node, 'WORKS_AT', true, { title: employer.title });
  if (answer.manager) link(answer.manager, 'REPORTS_TO', true);
  for (const report of answer.reports ?? []) link(report, 'REPORTS_TO', false);
  for (const known of answer.knows ?? []) {
    link(known.node, 'KNOWS', true, { strength: known.strength, lastInteractionAt: known.lastInteractionAt, interactionCount: known.interactionCount });
  }
  for (const influenced of answer.influences ?? []) link(influenced.node, 'INFLUENCES', true, { weight: influenced.weight, topic: influenced.topic });
  for (const influencer of answer.influencedBy ?? []) link(influencer.node, 'INFLUENCES', false, { weight: influencer.weight, topic: influencer.topic });
  for (const account of answer.accounts ?? []) link(account.node, 'MANAGES', true, { as: account.as });
  return { rootId: self, nodes, edges, truncated: false };
}

/** A partner, the customers it SERVES, and the other partners that serve the same customers. */
export function graphFromCoverage(coverage: PartnerCoverage): MapGraph {
  const organization = (org: { id: string; name: string; orgKinds: string[] }): MapNode => ({ id: org.id, type: 'Organization', label: org.name, kinds: org.orgKinds });
  const nodes = [organization(coverage.partner), ...coverage.customers.map(organization)];
  const edges: MapEdge[] = coverage.customers.map((customer) => ({ type: 'SERVES', fromId: coverage.partner.id, toId: customer.id, properties: {} }));
  for (const conflict of coverage.conflicts) {
    for (const other of conflict.partners) {
      nodes.push(organization(other));
      edges.push({ type: 'SERVES', fromId: other.id, toId: conflict.customer.id, properties: {} });
    }
  }
  const unique = [...new Map(nodes.map((node) => [node.id, node])).values()];
  return { rootId: coverage.partner.id, nodes: unique, edges, truncated: false };
}
