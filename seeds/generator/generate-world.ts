/**
 * Deterministic synthetic worlds for benchmarks (DESIGN §6), in the hub-heavy shape of real
 * B2B networks: a few very connected distributors and journalists, organizations with a skewed
 * size distribution, people who WORK_AT them in REPORTS_TO chains, power-law KNOWS, INFLUENCES
 * from influencers, SERVES from distributors (some customers claimed by two), SUBSIDIARY_OF and
 * MANAGES from a few hundred users. Same `{ nodes, seed }` → the same document, byte for byte.
 *
 * `worldRows` yields rows one at a time (all nodes, then all relationships) so that 10^6 nodes
 * can be streamed to a file; `generateWorld` collects them into one import document.
 */
import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import { mulberry32 } from '../../src/random';

export interface WorldOptions {
  /** Total node count (organizations + people + users); at least 10. */
  nodes: number;
  /** PRNG seed; default 1. */
  seed?: number;
}

export type WorldRow = { section: 'nodes'; row: ImportNode } | { section: 'relationships'; row: ImportRelationship };

/** The whole world as one import document (fine up to a few 10^5 nodes; stream beyond). */
export function generateWorld(options: WorldOptions): Required<ImportDocument> {
  const doc: Required<ImportDocument> = { nodes: [], relationships: [] };
  for (const item of worldRows(options)) {
    if (item.section === 'nodes') doc.nodes.push(item.row);
    else doc.relationships.push(item.row);
  }
  return doc;
}

/** How a world of `nodes` nodes is divided. */
export function worldShape(nodes: number) {
  if (!Number.isInteger(nodes) || nodes < 10) throw new Error(`nodes must be a whole number ≥ 10, got ${nodes}`);
  const users = clamp(Math.round(nodes / 500), 3, 500);
  const organizations = Math.max(4, Math.round(nodes * 0.15));
  const people = nodes - users - organizations;
  const distributors = clamp(Math.round(organizations * 0.004), 1, 200);
  const pressOrgs = clamp(Math.round(organizations * 0.002), 1, 100);
  /** The first people are the hubs: journalists (at press orgs) and distributor field staff. */
  const hubs = Math.max(2, Math.round(people * 0.003));
  return { users, organizations, people, distributors, pressOrgs, hubs };
}

const CITIES: Array<[string, string]> = [
  ['Hamburg', 'Hamburg'], ['Kiel', 'Schleswig-Holstein'], ['Bremen', 'Bremen'], ['Hannover', 'Niedersachsen'],
  ['Berlin', 'Berlin'], ['Potsdam', 'Brandenburg'], ['Rostock', 'Mecklenburg-Vorpommern'], ['Leipzig', 'Sachsen'],
  ['Dresden', 'Sachsen'], ['Magdeburg', 'Sachsen-Anhalt'], ['Erfurt', 'Thüringen'], ['Kassel', 'Hessen'],
  ['Frankfurt am Main', 'Hessen'], ['Köln', 'Nordrhein-Westfalen'], ['Dortmund', 'Nordrhein-Westfalen'],
  ['Mainz', 'Rheinland-Pfalz'], ['Saarbrücken', 'Saarland'], ['Stuttgart', 'Baden-Württemberg'],
  ['München', 'Bayern'], ['Nürnberg', 'Bayern'],
];
const FIRST = ['Anna', 'Lukas', 'Sophie', 'Jonas', 'Marie', 'Felix', 'Laura', 'Paul', 'Hannah', 'Leon', 'Julia', 'Stefan', 'Sabine', 'Thomas', 'Petra', 'Jürgen', 'Monika', 'Uwe', 'Ralf', 'Nicole'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause'];
const TITLES = ['Geschäftsführer', 'Leiterin Einkauf', 'Technischer Leiter', 'Projektleiterin', 'Einkäufer', 'Bauleiter', 'Monteur', 'Kundendienst'];
const INDUSTRIES = ['Installer (SHK)', 'Property development', 'Housing cooperative', 'Utility (heat contracting)', 'Engineering (building services)', 'Energy consulting'];
const TOPICS = ['heat pumps', 'district heating', 'GEG compliance', 'subsidies (BEG)', 'hybrid systems'];

/** Streams the world row by row: all nodes first, then relationships grouped by type. */
export function* worldRows({ nodes, seed = 1 }: WorldOptions): Generator<WorldRow> {
  const shape = worldShape(nodes);
  const { users, organizations: O, people: P, distributors: D, pressOrgs, hubs } = shape;
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const pad = (n: number) => String(n).padStart(7, '0');
  const orgKey = (i: number) => `org-${pad(i)}`;
  const personKey = (i: number) => `p-${pad(i)}`;
  const userKey = (i: number) => `u-${pad(i)}`;
  const date = (lo: number, hi: number) =>
    `${lo + Math.floor(rng() * (hi - lo + 1))}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
  const strength = (base: number) => Math.max(0.01, Math.min(1, Math.round((base + rng() * (1 - base)) * 100) / 100));

  // Organizations: 0..D-1 distributors, then press, then everybody else.
  const firstOther = D + pressOrgs;
  for (let i = 0; i < O; i += 1) {
    const [city, region] = pick(CITIES);
    const kind = i < D ? 'DISTRIBUTOR' : i < firstOther ? 'PRESS' : rng() < 0.75 ? 'CUSTOMER' : pick(['PROSPECT', 'PLANNER', 'CONSULTANCY', 'RESELLER']);
    const employees = Math.max(1, Math.round(5 / Math.pow(1 - rng() * 0.999, 0.9)));
    yield {
      section: 'nodes',
      row: {
        type: 'Organization', key: orgKey(i),
        properties: {
          name: `${pick(LAST)} ${kind === 'DISTRIBUTOR' ? 'Großhandel' : kind === 'PRESS' ? 'Fachverlag' : 'Haustechnik'} ${i}`,
          kinds: [kind], lifecycleStage: kind === 'CUSTOMER' ? pick(['CUSTOMER', 'CUSTOMER', 'KEY_ACCOUNT', 'DORMANT']) : 'PROSPECT',
          industry: kind === 'DISTRIBUTOR' ? 'Wholesale (HVAC and plumbing)' : kind === 'PRESS' ? 'Trade press' : pick(INDUSTRIES),
          country: 'DE', city, region, employees, tier: employees > 200 ? 'A' : employees > 30 ? 'B' : 'C',
        },
      },
    };
  }

  // People: where each works. Hubs first (journalists at press orgs, field staff at distributors);
  // the rest go to organizations with a skewed (power-law) size distribution.
  const personOrg = new Int32Array(P);
  for (let i = 0; i < P; i += 1) {
    let org: number;
    if (i < hubs) org = i % 2 === 0 ? D + (i / 2) % pressOrgs : Math.floor(i / 2) % D;
    else org = firstOther + Math.floor(Math.pow(rng(), 1.6) * (O - firstOther));
    personOrg[i] = org;
    const first = pick(FIRST);
    const last = pick(LAST);
    const journalist = i < hubs && i % 2 === 0;
    yield {
      section: 'nodes',
      row: {
        type: 'Person', key: personKey(i),
        properties: {
          name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}.${i}@org-${org}.example`,
          title: journalist ? 'Redakteur' : pick(TITLES), kinds: journalist ? ['JOURNALIST', 'INFLUENCER'] : i % 37 === 0 ? ['CONSULTANT', 'INFLUENCER'] : ['CONTACT'],
        },
      },
    };
  }
  for (let i = 0; i < users; i += 1) {
    yield {
      section: 'nodes',
      row: {
        type: 'User', key: userKey(i),
        properties: { name: `${pick(FIRST)} ${pick(LAST)}`, email: `user.${i}@waermewerk.example`, roles: [i % 5 === 0 ? 'PARTNER_MANAGER' : i % 5 === 1 ? 'SALES' : 'KEY_ACCOUNT_MANAGER'] },
      },
    };
  }

  const rel = (type: RelationshipTypeName, from: string, to: string, properties?: Record<string, unknown>): WorldRow =>
    ({ section: 'relationships', row: properties ? { type, from, to, properties } : { type, from, to } });

  // WORKS_AT and REPORTS_TO: each person reports to the org's head or the previous colleague (chains).
  const headOf = new Int32Array(O).fill(-1);
  const lastOf = new Int32Array(O).fill(-1);
  for (let i = 0; i < P; i += 1) yield rel('WORKS_AT', personKey(i), orgKey(personOrg[i]), { title: 'Mitarbeiter', since: date(2000, 2025) });
  for (let i = 0; i < P; i += 1) {
    const org = personOrg[i];
    if (headOf[org] < 0) headOf[org] = i;
    else yield rel('REPORTS_TO', personKey(i), personKey(rng() < 0.5 ? headOf[org] : lastOf[org]));
    lastOf[org] = i;
  }

  // SUBSIDIARY_OF always points at a lower index: no cycles.
  for (let i = firstOther + 1; i < O; i += 1) {
    if (rng() < 0.04) yield rel('SUBSIDIARY_OF', orgKey(i), orgKey(firstOther + Math.floor(rng() * (i - firstOther))));
  }
  // SERVES: distributors are picked with a power law, so a few serve most customers.
  for (let i = firstOther; i < O; i += 1) {
    const a = Math.floor(Math.pow(rng(), 3) * D);
    yield rel('SERVES', orgKey(a), orgKey(i), { as: 'DISTRIBUTOR', territory: pick(CITIES)[1], since: date(2005, 2025) });
    if (D > 1 && rng() < 0.12) {
      const b = (a + 1 + Math.floor(rng() * (D - 1))) % D;
      yield rel('SERVES', orgKey(b), orgKey(i), { as: 'DISTRIBUTOR', territory: pick(CITIES)[1], since: date(2015, 2025) });
    }
  }
  // MANAGES: partner managers own the distributors; every fourth other organization has an owner.
  for (let i = 0; i < O; i += 1) {
    if (i < D) yield rel('MANAGES', userKey((i * 5) % users), orgKey(i), { as: 'PARTNER_MANAGER' });
    else if (rng() < 0.25) yield rel('MANAGES', userKey(Math.floor(rng() * users)), orgKey(i), { as: 'ACCOUNT_OWNER' });
  }

  // KNOWS: one end uniform, the other power-law over the person index, so the first people
  // (the hubs) collect most edges. Users know ~20 people each. Pairs are stored once.
  const seen = new Set<number>();
  const all = P + users;
  const endKey = (n: number) => (n < P ? personKey(n) : userKey(n - P));
  const knowsTarget = Math.round(P * 1.5);
  for (let made = 0, tries = 0; made < knowsTarget && tries < knowsTarget * 3; tries += 1) {
    const a = Math.floor(rng() * all);
    const b = Math.floor(Math.pow(rng(), 3) * P);
    if (a === b) continue;
    const code = Math.min(a, b) * all + Math.max(a, b);
    if (seen.has(code)) continue;
    seen.add(code);
    made += 1;
    const s = strength(0.05);
    yield rel('KNOWS', endKey(a), endKey(b), { strength: s, declaredStrength: s, source: 'generated' });
  }
  for (let u = 0; u < users; u += 1) {
    for (let k = 0; k < 20; k += 1) {
      const a = P + u;
      const b = Math.floor(Math.pow(rng(), 2) * P);
      const code = b * all + a;
      if (seen.has(code)) continue;
      seen.add(code);
      const s = strength(0.2);
      yield rel('KNOWS', userKey(u), personKey(b), { strength: s, declaredStrength: s, source: 'generated' });
    }
  }
  seen.clear();

  // INFLUENCES: journalists and consultants influence many; press organizations influence organizations.
  const influencesTarget = Math.round(P * 0.2);
  for (let made = 0, tries = 0; made < influencesTarget && tries < influencesTarget * 3; tries += 1) {
    const from = rng() < 0.6 ? Math.floor(rng() * hubs) : Math.floor(rng() * P / 37) * 37;
    const to = Math.floor(rng() * P);
    if (from === to) continue;
    const code = from * P + to;
    if (seen.has(code)) continue;
    seen.add(code);
    made += 1;
    yield rel('INFLUENCES', personKey(from), personKey(to), { weight: strength(0.05), topic: pick(TOPICS) });
  }
  for (let i = D; i < firstOther; i += 1) {
    for (let k = 0; k < 20; k += 1) {
      const to = firstOther + Math.floor(rng() * (O - firstOther));
      const code = -(i * O + to) - 1;
      if (seen.has(code)) continue;
      seen.add(code);
      yield rel('INFLUENCES', orgKey(i), orgKey(to), { weight: strength(0.05), topic: 'market opinion' });
    }
  }
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function ascii(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}
