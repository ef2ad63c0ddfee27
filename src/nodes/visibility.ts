/**
 * Cypher: true when node `n` is in the request's scope (DESIGN §9, a partner's view).
 *
 * Every query the API runs gets the parameter `$visible` from the request's reader
 * (src/neo4j/scoped-database.ts): null when the viewer may see everything (every internal role),
 * else the ids of the nodes the viewer may see (a PARTNER's scope, src/access/partner-scope.ts).
 * Put it on every entity node a query returns, counts, sums or walks through, so that a hidden
 * node behaves exactly like one that does not exist: left out of lists, counts, sums, paths and
 * networks, and NOT_FOUND (or null) where an unknown id would be. `n` is a Cypher variable
 * (a constant of the calling code, never user input).
 */
export const VISIBLE = (n: string) => `($visible IS NULL OR ${n}.id IN $visible)`;

/**
 * Cypher: node `n` may be processed: it is not a person whose processing is restricted
 * (GDPR Art. 18/21). Paths never start, end or pass there, influence never counts it, audiences
 * leave it out; the record itself stays readable.
 */
export const USABLE = (n: string) => `coalesce(${n}.restricted, false) = false`;
