/**
 * Seeded random stakeholder graphs for the brute-force checks: a handful of users, people and
 * organizations, every stakeholder relationship type, equal strengths (ties), parallel
 * relationships of different types (and INFLUENCES both ways) between the same pair, cycles,
 * and one person nobody is linked to.
 */
import fc from 'fast-check';
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

/** The relationship types of the small worlds below, with the labels their ends may have. */
const SMALL_WORLD_ENDPOINTS: Record<string, [NodeLabel[], NodeLabel[]]> = {
  KNOWS: [['Person', 'User'], ['Person', 'User']],
  REPORTS_TO: [['Person'], ['Person']],
  WORKS_AT: [['Person'], ['Organization']],
  INFLUENCES: [['Person', 'Organization'], ['Person', 'Organization']],
  SERVES: [['Organization'], ['Organization']],
  MANAGES: [['User'], ['Organization']],
  REFERRED: [['Person', 'Organization'], ['Person', 'Organization']],
};

/** A small world for property tests, and the keys a partner may see (null: an internal viewer). */
export interface SmallWorld {
  doc: GraphDocument;
  visibleKeys: string[] | null;
}

/**
 * fast-check: worlds of 3 to 12 nodes (the first a User, the others drawn from `nodeTypes`) and up
 * to 28 relationships of the stakeholder types between fitting ends (one per type and pair, KNOWS
 * one per pair either way), with random weights, seen by an internal viewer or by a partner who
 * sees a random part of it.
 */
export function arbitrarySmallWorld(nodeTypes: NodeLabel[]): fc.Arbitrary<SmallWorld> {
  const relationship = fc.record({
    type: fc.constantFrom(...Object.keys(SMALL_WORLD_ENDPOINTS)),
    from: fc.nat(),
    to: fc.nat(),
    weight: fc.constantFrom(0.1, 0.3, 0.5, 0.8, 1, undefined),
  });
  const world = fc.record({
    kinds: fc.array(fc.nat(nodeTypes.length - 1), { minLength: 3, maxLength: 12 }),
    relationships: fc.array(relationship, { maxLength: 28 }),
    hidden: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    partner: fc.boolean(),
  });
  return world.map(({ kinds, relationships, hidden, partner }) => {
    const nodes = kinds.map((kind, i) => ({ type: i === 0 ? 'User' as const : nodeTypes[kind], key: `n${i}`, properties: { name: `n${i}` } }));
    const doc: GraphDocument = { nodes, relationships: [] };
    const taken = new Set<string>();
    for (const { type, from, to, weight } of relationships) {
      const [fromTypes, toTypes] = SMALL_WORLD_ENDPOINTS[type];
      const starts = nodes.filter((n) => fromTypes.includes(n.type));
      const ends = nodes.filter((n) => toTypes.includes(n.type));
      if (!starts.length || !ends.length) continue;
      const a = starts[from % starts.length].key;
      const b = ends[to % ends.length].key;
      const name = type === 'KNOWS' ? `KNOWS:${[a, b].sort().join(':')}` : `${type}:${a}:${b}`;
      if (a === b || taken.has(name)) continue;
      taken.add(name);
      const properties = weight === undefined ? {} : type === 'KNOWS' ? { strength: weight } : type === 'INFLUENCES' ? { weight } : {};
      doc.relationships.push({ type: type as RelationshipTypeName, from: a, to: b, properties });
    }
    return { doc, visibleKeys: partner ? nodes.filter((_, i) => !hidden[i]).map((n) => n.key) : null };
  });
}
