/**
 * Load before the first figure. Neo4j's JIT and the API's warm over about 40 s of load (node by id
 * at 8 connections, five 10 s runs in a row right after start: API 173, 398, 732, 912, 769 req/s;
 * raw Cypher 508, 928, 1356, 1613, 1461), so without it the first way and question measured pay
 * for compiling, not for what they ask.
 */
import type { Driver } from 'neo4j-driver';
import type { Case } from './cases';
import { asLoadRequest, loadRun, rawLoad, type MixedRequest } from './load';
import type { Endpoint } from './measure';

export interface WarmUpOptions {
  api: Endpoint;
  neo4jGraphql: Endpoint;
  driver: Driver;
  /** The generic reads: each way asks them. */
  reads: Case[];
  /** The mixed workload: the API asks it along with the reads (lookups, pages, networks, paths). */
  mix: MixedRequest[];
  seconds: number;
  connections: number;
}

/** A third of `seconds` each: the API (the mix and the reads), raw Cypher and @neo4j/graphql (the reads). */
export async function warmUp(options: WarmUpOptions): Promise<void> {
  const { api, neo4jGraphql, driver, reads, mix, connections } = options;
  const third = options.seconds / 3;
  await loadRun(api, [...mix, ...reads.map((c) => asLoadRequest(c.xrm))], third, connections);
  if (reads.length === 0) return;
  const perRead = third / reads.length;
  for (const c of reads) await rawLoad(driver, c, perRead, connections);
  const withPeer = reads.filter((c) => c.neo4jGraphql);
  for (const c of withPeer) await loadRun(neo4jGraphql, [asLoadRequest(c.neo4jGraphql!)], third / withPeer.length, connections);
}
