import { badUserInput } from '../graphql/errors';
import type { RelationshipTypeName } from '../model/graph-model';

/** The relationships paths and networks walk unless the caller narrows them (DESIGN §4). */
export const STAKEHOLDER_TYPES = [
  'KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED',
] as const satisfies readonly RelationshipTypeName[];
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export function isStakeholderType(value: unknown): value is StakeholderType {
  return typeof value === 'string' && (STAKEHOLDER_TYPES as readonly string[]).includes(value);
}

/**
 * The hop weight rule (DESIGN §4): KNOWS weighs its strength and INFLUENCES its weight, this
 * much when not given; REPORTS_TO weighs REPORTS_TO_WEIGHT, REFERRED REFERRED_WEIGHT (DESIGN §11);
 * every other stakeholder relationship weighs this much too.
 */
export const DEFAULT_WEIGHT = 0.5;
export const REPORTS_TO_WEIGHT = 0.8;
export const REFERRED_WEIGHT = 0.7;

/** Cypher: the strength of KNOWS `r`. */
export const KNOWS_WEIGHT = (r: string) => `coalesce(${r}.strength, ${DEFAULT_WEIGHT})`;
/** Cypher: the weight of INFLUENCES `r`. */
export const INFLUENCES_WEIGHT = (r: string) => `coalesce(${r}.weight, ${DEFAULT_WEIGHT})`;

/** A KNOWS strength or INFLUENCES weight as read from a row, DEFAULT_WEIGHT when not given. */
export function storedWeight(value: unknown): number {
  return (value as number | null | undefined) ?? DEFAULT_WEIGHT;
}

/** Cypher for the hop weight of relationship `r`; every weight is in (0, 1]. */
export const HOP_WEIGHT = (r: string) => `
  CASE type(${r})
    WHEN 'KNOWS' THEN ${KNOWS_WEIGHT(r)}
    WHEN 'INFLUENCES' THEN ${INFLUENCES_WEIGHT(r)}
    WHEN 'REPORTS_TO' THEN ${REPORTS_TO_WEIGHT}
    WHEN 'REFERRED' THEN ${REFERRED_WEIGHT}
    ELSE ${DEFAULT_WEIGHT}
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
