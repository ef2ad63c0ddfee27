/**
 * Cypher macros that decide which nodes a read may use; every read that walks or returns people
 * for analysis applies them (ACCESS: restricted people, DESIGN §9).
 */

/**
 * Cypher: node `n` may be processed: it is not a person whose processing is restricted
 * (GDPR Art. 18/21). Paths never start, end or pass there, influence never counts it, audiences
 * leave it out; the record itself stays readable.
 */
export const USABLE = (n: string) => `coalesce(${n}.restricted, false) = false`;
