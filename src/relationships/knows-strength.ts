/** Cypher: the strength contact history alone gives a pair after `n` logged interactions. */
const EARNED_STRENGTH = (n: string) => `(1 - 0.8 ^ ${n})`;

/**
 * Cypher: the stored strength of a KNOWS (DESIGN §4), max(declared, 1 − 0.8^n), from the
 * expressions `declared` (what a person said; may be null) and `n` (the pair's interaction
 * count): 1 contact gives 0.2, 3 give 0.488, 10 give 0.893, and a declaration never undoes what
 * contact history has shown.
 */
export const KNOWS_STRENGTH = (declared: string, n: string) =>
  `CASE WHEN ${declared} IS NOT NULL AND ${declared} > ${EARNED_STRENGTH(n)} THEN ${declared} ELSE ${EARNED_STRENGTH(n)} END`;
