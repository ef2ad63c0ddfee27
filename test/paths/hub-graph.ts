import { mulberry32 } from '../../src/random';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import type { GraphDocument } from '../support/random-graph';

/**
 * Seeded random graphs with hubs, still small enough for the brute force: a distributor that
 * SERVES most organizations, a well-connected person most people KNOW, people in REPORTS_TO
 * chains, users who know people and manage accounts, every weight from a few values (ties),
 * and one island. On these the path search cannot finish a side at once and must work down
 * its thresholds round by round, where the sparse graphs of random-graph.ts are finished at once.
 */
export function hubGraph(seed: number): GraphDocument {
  const rnd = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const strength = () => pick([0.1, 0.2, 0.3, 0.5, 0.6, 0.8, 0.9, 1, undefined]);
  const orgs = ['dist', ...Array.from({ length: 5 + Math.floor(rnd() * 3) }, (_, i) => `o${i}`)];
  const people = ['hub', ...Array.from({ length: 9 + Math.floor(rnd() * 5) }, (_, i) => `p${i}`)];
  const users = ['u0', 'u1', 'u2'];
  const doc: GraphDocument = {
    nodes: [
      ...orgs.map((key) => ({ type: 'Organization' as const, key, properties: { name: key } })),
      ...people.map((key) => ({ type: 'Person' as const, key, properties: { name: key } })),
      ...users.map((key) => ({ type: 'User' as const, key, properties: { name: key } })),
      { type: 'Person' as const, key: 'island', properties: { name: 'Nobody knows me' } },
    ],
    relationships: [],
  };
  const taken = new Set<string>();
  const link = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}) => {
    const id = type === 'KNOWS' ? `${type}:${[from, to].sort().join(':')}` : `${type}:${from}:${to}`;
    if (from === to || taken.has(id)) return;
    taken.add(id);
    doc.relationships.push({ type, from, to, properties });
  };
  const knows = (from: string, to: string) => {
    const value = strength();
    link('KNOWS', from, to, value === undefined ? {} : { strength: value });
  };

  for (const org of orgs.slice(1)) if (rnd() < 0.8) link('SERVES', 'dist', org);
  for (const person of people) link('WORKS_AT', person, person === 'hub' ? 'dist' : pick(orgs));
  for (let i = 1; i < people.length; i++) if (rnd() < 0.4) link('REPORTS_TO', people[i], people[Math.floor(rnd() * i)]);
  for (const person of people.slice(1)) if (rnd() < 0.7) knows('hub', person);
  for (let i = 0; i < people.length; i++) if (rnd() < 0.5) knows(people[i], pick(people));
  for (const user of users) {
    knows(user, pick(people));
    if (rnd() < 0.5) knows(user, 'hub');
    if (rnd() < 0.5) link('MANAGES', user, pick(orgs));
  }
  for (let i = 0; i < 3; i++) {
    const value = strength();
    link('INFLUENCES', pick(people), pick([...people, ...orgs]), value === undefined ? {} : { weight: value });
  }
  if (rnd() < 0.5) link('SUBSIDIARY_OF', orgs[orgs.length - 1], orgs[1]);
  return doc;
}
