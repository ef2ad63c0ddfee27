import { badUserInput } from '../graphql/errors';
import type { RelationshipTypeName } from '../model/graph-model';

/** The relationships paths and networks walk unless the caller narrows them (DESIGN §4). */
export const STAKEHOLDER_TYPES = [
  'KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES',
] as const satisfies readonly RelationshipTypeName[];
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export function isStakeholderType(value: unknown): value is StakeholderType {
  return typeof value === 'string' && (STAKEHOLDER_TYPES as readonly string[]).includes(value);
}

/** Cypher for the hop weight of relationship `r` (DESIGN §4); every weight is in (0, 1]. */
export const HOP_WEIGHT = (r: string) => `
  CASE type(${r})
    WHEN 'KNOWS' THEN coalesce(${r}.strength, 0.5)
    WHEN 'INFLUENCES' THEN coalesce(${r}.weight, 0.5)
    WHEN 'REPORTS_TO' THEN 0.8
    ELSE 0.5
  END`;

/** `KNOWS|REPORTS_TO|…` for a relationship pattern; only allowlisted names reach Cypher. */
export function typeAlternation(types: readonly StakeholderType[]): string {
  const unique = [...new Set(types)].filter(isStakeholderType).sort();
  if (unique.length === 0) throw new Error('typeAlternation needs at least one stakeholder type');
  return unique.join('|');
}

/** The types a caller chose (BAD_USER_INPUT for an empty list or a non-stakeholder type), or all of them. */
export function chosenTypes(relationshipTypes: readonly string[] | null | undefined): StakeholderType[] {
  if (relationshipTypes === null || relationshipTypes === undefined) return [...STAKEHOLDER_TYPES];
  if (relationshipTypes.length === 0) {
    throw badUserInput('"relationshipTypes" is empty; name at least one type, or leave it out to walk all stakeholder relationships.');
  }
  const bad = relationshipTypes.filter((type) => !isStakeholderType(type));
  if (bad.length) throw badUserInput(`"relationshipTypes" may only hold ${STAKEHOLDER_TYPES.join(', ')}; got ${bad.join(', ')}.`);
  return relationshipTypes as StakeholderType[];
}
