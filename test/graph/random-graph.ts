/**
 * Seeded random stakeholder graphs for the brute-force checks: a handful of users, people and
 * organizations, every stakeholder relationship type, equal strengths (ties), parallel
 * relationships of different types (and INFLUENCES both ways) between the same pair, cycles,
 * and one person nobody is linked to.
 */
export interface GraphDocument {
  nodes: { type: string; key: string; properties: Record<string, unknown> }[];
  relationships: { type: string; from: string; to: string; properties: Record<string, unknown> }[];
}

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRENGTHS = [0.2, 0.4, 0.5, 0.8, 1, undefined];

const ENDPOINTS: Record<string, [string[], string[]]> = {
  KNOWS: [['Person', 'User'], ['Person', 'User']],
  REPORTS_TO: [['Person'], ['Person']],
  WORKS_AT: [['Person'], ['Organization']],
  INFLUENCES: [['Person', 'Organization'], ['Person', 'Organization']],
  SERVES: [['Organization'], ['Organization']],
  SUBSIDIARY_OF: [['Organization'], ['Organization']],
  MANAGES: [['User'], ['Organization']],
};

export function randomGraph(seed: number): GraphDocument {
  const rnd = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const size = 8 + Math.floor(rnd() * 7);
  const nodes: GraphDocument['nodes'] = [];
  for (let i = 0; i < size; i++) {
    const type = i < 2 ? 'User' : i < 4 ? 'Organization' : pick(['User', 'Person', 'Person', 'Person', 'Organization']);
    nodes.push({ type, key: `n${i}`, properties: { name: `${type} ${i}` } });
  }
  nodes.push({ type: 'Person', key: 'island', properties: { name: 'Nobody knows me' } });
  const relationships: GraphDocument['relationships'] = [];
  const taken = new Set<string>();
  const wanted = Math.floor(size * (1.6 + rnd()));
  for (let attempt = 0; relationships.length < wanted && attempt < 2000; attempt++) {
    const type = pick(Object.keys(ENDPOINTS));
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
