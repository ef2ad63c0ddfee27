import type { StylesheetJson } from 'cytoscape';
import type { MapEdge, MapNode } from './graph-model';

/** The categories the map tells apart by colour and shape, in legend order. */
export const NODE_CATEGORIES = {
  customer: { label: 'Customer / prospect', color: '#2563eb', shape: 'round-rectangle' },
  channel: { label: 'Distributor, reseller, agent, broker', color: '#ea580c', shape: 'hexagon' },
  influencer: { label: 'Planner, consultancy, press', color: '#7c3aed', shape: 'diamond' },
  organization: { label: 'Other organization', color: '#64748b', shape: 'rectangle' },
  person: { label: 'Person', color: '#0d9488', shape: 'ellipse' },
  user: { label: 'Our team', color: '#dc2626', shape: 'star' },
} as const;
export type NodeCategory = keyof typeof NODE_CATEGORIES;

const CHANNEL_KINDS = ['DISTRIBUTOR', 'RESELLER', 'AGENT', 'BROKER', 'SERVICE_PARTNER'];
const INFLUENCER_KINDS = ['PLANNER', 'CONSULTANCY', 'PRESS'];
const CUSTOMER_KINDS = ['CUSTOMER', 'PROSPECT'];

export function categoryOf(node: Pick<MapNode, 'type' | 'kinds'>): NodeCategory {
  if (node.type === 'User') return 'user';
  if (node.type === 'Person') return 'person';
  if (node.kinds.some((kind) => CHANNEL_KINDS.includes(kind))) return 'channel';
  if (node.kinds.some((kind) => INFLUENCER_KINDS.includes(kind))) return 'influencer';
  if (node.kinds.some((kind) => CUSTOMER_KINDS.includes(kind))) return 'customer';
  return 'organization';
}

export const EDGE_COLORS: Record<string, string> = {
  KNOWS: '#334155',
  WORKS_AT: '#94a3b8',
  REPORTS_TO: '#475569',
  INFLUENCES: '#7c3aed',
  SERVES: '#ea580c',
  SUBSIDIARY_OF: '#78716c',
  MANAGES: '#dc2626',
};

export const STANCE_COLORS: Record<string, string> = {
  SUPPORTER: '#16a34a',
  NEUTRAL: '#64748b',
  SKEPTIC: '#f59e0b',
  OPPONENT: '#dc2626',
  UNKNOWN: '#cbd5e1',
};

/** The hop weight of DESIGN §4: KNOWS strength, INFLUENCES weight, fixed weights for the rest. */
export function edgeStrength(edge: MapEdge): number {
  const declared = edge.type === 'KNOWS' ? edge.properties.strength : edge.type === 'INFLUENCES' ? edge.properties.weight : undefined;
  if (typeof declared === 'number' && declared > 0) return Math.min(declared, 1);
  if (edge.type === 'KNOWS' || edge.type === 'INFLUENCES') return 0.5;
  return edge.type === 'REPORTS_TO' ? 0.8 : 0.5;
}

const DAY_MS = 24 * 3600 * 1000;
export const RECENT_CONTACT_DAYS = 90;

/** KNOWS: solid after contact in the last 90 days, dashed after older contact, dotted without any. */
export function knowsLineStyle(edge: MapEdge, now = Date.now()): 'solid' | 'dashed' | 'dotted' {
  if (edge.type !== 'KNOWS') return 'solid';
  const last = edge.properties.lastInteractionAt;
  if (typeof last !== 'string') return 'dotted';
  return now - Date.parse(last) <= RECENT_CONTACT_DAYS * DAY_MS ? 'solid' : 'dashed';
}

const PATH_COLOR = '#facc15';

export const MAP_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 30,
      height: 30,
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#0f172a',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.root', style: { width: 48, height: 48, 'font-size': 13, 'font-weight': 'bold', 'border-width': 4, 'border-color': '#0f172a' } },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#0ea5e9', 'overlay-opacity': 0 } },
  { selector: 'node[stance]', style: { 'border-width': 6, 'border-color': 'data(stanceColor)' } },
  { selector: 'node.conflict', style: { 'border-width': 6, 'border-color': '#dc2626', 'border-style': 'double' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'line-style': 'data(lineStyle)' as never,
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'data(arrow)' as never,
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      opacity: 0.85,
    },
  },
  { selector: 'edge.conflict', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'line-style': 'dashed' } },
  { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
  { selector: 'node.on-path', style: { 'border-width': 6, 'border-color': PATH_COLOR, opacity: 1, 'text-opacity': 1, 'font-weight': 'bold', 'z-index': 10 } },
  {
    selector: 'edge.on-path',
    style: { 'line-color': PATH_COLOR, 'target-arrow-color': PATH_COLOR, opacity: 1, width: 7, 'underlay-color': '#0f172a', 'underlay-opacity': 0.35, 'underlay-padding': 2, 'z-index': 10 },
  },
];

/** The data fields the style reads, computed once per element. */
export function nodeData(node: MapNode, rootId: string): Record<string, unknown> {
  const category = NODE_CATEGORIES[categoryOf(node)];
  return { ...node, color: category.color, shape: category.shape, isRoot: node.id === rootId };
}

export function edgeData(edge: MapEdge, id: string): Record<string, unknown> {
  return {
    id,
    source: edge.fromId,
    target: edge.toId,
    type: edge.type,
    properties: edge.properties,
    strength: edgeStrength(edge),
    width: 1 + 5 * edgeStrength(edge),
    color: EDGE_COLORS[edge.type] ?? '#94a3b8',
    lineStyle: knowsLineStyle(edge),
    arrow: edge.type === 'KNOWS' || edge.type === 'WORKS_AT' ? 'none' : 'triangle',
  };
}
