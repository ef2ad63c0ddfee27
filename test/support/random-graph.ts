/**
 * Seeded random stakeholder graphs for the brute-force checks: a handful of users, people and
 * organizations, every stakeholder relationship type, equal strengths (ties), parallel
 * relationships of different types (and INFLUENCES both ways) between the same pair, cycles,
 * and one person nobody is linked to.
 */
import type { ImportDocument, ImportRelationship } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import { mulberry32 } from '../../src/random';

/** A random graph: both lists always there, every relationship with its (maybe empty) properties. */
export interface GraphDocument extends Required<ImportDocument> {
  relationships: (ImportRelationship & { properties: Record<string, unknown> })[];
}

const STRENGTHS = [0.2, 0.4, 0.5, 0.8, 1, undefined];

const ENDPOINTS: Record<string, [NodeLabel[], NodeLabel[]]> = {
  KNOWS: [['Person', 'User'], ['Person', 'User']],
  REPORTS_TO: [['Person'], ['Person']],
  WORKS_AT: [['Person'], ['Organization']],
  INFLUENCES: [['Person', 'Organization'], ['Person', 'Organization']],
  SERVES: [['Organization'], ['Organization']],
  SUBSIDIARY_OF: [['Organization'], ['Organization']],
  MANAGES: [['User'], ['Organization']],
  REFERRED: [['Person', 'Organization'], ['Person', 'Organization']],
};

export function randomGraph(seed: number): GraphDocument {
  const rnd = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const size = 8 + Math.floor(rnd() * 7);
  const nodes: GraphDocument['nodes'] = [];
  for (let i = 0; i < size; i++) {
    const type: NodeLabel = i < 2 ? 'User' : i < 4 ? 'Organization' : pick<NodeLabel>(['User', 'Person', 'Person', 'Person', 'Organization']);
    nodes.push({ type, key: `n${i}`, properties: { name: `${type} ${i}` } });
  }
  nodes.push({ type: 'Person', key: 'island', properties: { name: 'Nobody knows me' } });
  const relationships: GraphDocument['relationships'] = [];
  const taken = new Set<string>();
  const wanted = Math.floor(size * (1.6 + rnd()));
  for (let attempt = 0; relationships.length < wanted && attempt < 2000; attempt++) {
    const type = pick(Object.keys(ENDPOINTS)) as RelationshipTypeName;
    const [fromTypes, toTypes] = ENDPOINTS[type];
    const from = pick(nodes.filter((n) => n.key !== 'island' && fromTypes.includes(n.type)));
    const to = pick(nodes.filter((n) => n.key !== 'island' && toTypes.includes(n.type)));
    if (!from || !to || from === to) continue;
    const id = type === 'KNOWS' ? `${type}:${[from.key, to.key].sort().join(':')}` : `${type}:${from.key}:${to.key}`;
    if (taken.has(id)) continue;
    taken.add(id);
    const properties: Record<string, unknown> = {};
    const value = pick(STRENGTHS);
    if (type === 'KNOWS' && value !== undefined) properties.strength = value;
    if (type === 'INFLUENCES' && value !== undefined) properties.weight = value;
    relationships.push({ type, from: from.key, to: to.key, properties });
  }
  return { nodes, relationships };
}
