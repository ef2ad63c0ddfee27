import type { RelationshipTypeName } from '../model/graph-model';
import type { EntityRow } from '../nodes/entity-row';
import { INFLUENCES_WEIGHT, KNOWS_WEIGHT } from '../paths';

/** The node at the other end of one relationship, with that relationship's properties beside it. */
export interface Neighbour {
  node: EntityRow;
  [property: string]: unknown;
}

export interface Walk {
  type: RelationshipTypeName;
  /** out: (n)-[r]->(m); in: (n)<-[r]-(m); both: either (KNOWS is stored once per pair). */
  direction: 'out' | 'in' | 'both';
  /** ORDER BY terms over relationship `r` and neighbour `m`; `m.id` is always appended so equal keys keep one order. */
  order: (r: string, m: string) => string;
}

const byName = (_r: string, m: string) => `toLower(${m}.name)`;

/** The relationship walks core fields use; types and orders are constants, never user input. */
export const WALKS = {
  employeesOf: { type: 'WORKS_AT', direction: 'in', order: byName },
  employersOf: { type: 'WORKS_AT', direction: 'out', order: (r, m) => `${r}.until IS NOT NULL, ${r}.until DESC, toLower(${m}.name)` },
  partnersOf: { type: 'SERVES', direction: 'in', order: byName },
  customersOf: { type: 'SERVES', direction: 'out', order: byName },
  parentOf: { type: 'SUBSIDIARY_OF', direction: 'out', order: byName },
  subsidiariesOf: { type: 'SUBSIDIARY_OF', direction: 'in', order: byName },
  managersOf: { type: 'MANAGES', direction: 'in', order: (r, m) => `${r}.as, toLower(${m}.name)` },
  accountsOf: { type: 'MANAGES', direction: 'out', order: byName },
  managerOf: { type: 'REPORTS_TO', direction: 'out', order: byName },
  reportsOf: { type: 'REPORTS_TO', direction: 'in', order: byName },
  knows: { type: 'KNOWS', direction: 'both', order: (r, m) => `${KNOWS_WEIGHT(r)} DESC, toLower(${m}.name)` },
  influences: { type: 'INFLUENCES', direction: 'out', order: (r, m) => `${INFLUENCES_WEIGHT(r)} DESC, toLower(${m}.name)` },
  influencedBy: { type: 'INFLUENCES', direction: 'in', order: (r, m) => `${INFLUENCES_WEIGHT(r)} DESC, toLower(${m}.name)` },
  actsFor: { type: 'ACTS_FOR', direction: 'out', order: byName },
} satisfies Record<string, Walk>;
export type WalkName = keyof typeof WALKS;

/** The pattern of `walk` from node `n` over relationship `r` to neighbour `m`. */
export function walkPattern(walk: Walk, n: string, r: string, m: string): string {
  const type = walk.type;
  if (walk.direction === 'out') return `(${n})-[${r}:${type}]->(${m})`;
  if (walk.direction === 'in') return `(${n})<-[${r}:${type}]-(${m})`;
  return `(${n})-[${r}:${type}]-(${m})`;
}
