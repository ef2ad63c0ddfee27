/**
 * Timing: the ways of one question take turns (API, raw, @neo4j/graphql, API, …), so that a busy
 * moment of the machine hits all of them alike; median and p95 per way.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { firstDifference } from './answers';
import type { Case, GraphQLWay } from './cases';

export interface Timings {
  median: number;
  p95: number;
}

export interface CaseResult {
  name: string;
  kind: Case['kind'];
  xrm: Timings;
  /** Undefined when raw Cypher did not finish within BENCH_RAW_TIMEOUT_MS (the reason says so). */
  raw?: Timings;
  rawSkipped?: string;
  neo4jGraphql?: Timings;
  answer: unknown;
  /** Where the answers differ, if they do. */
  mismatches: string[];
}

export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

export async function askGraphQL(endpoint: Endpoint, way: GraphQLWay): Promise<unknown> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...endpoint.headers },
    body: JSON.stringify({ query: way.query, variables: way.variables }),
    signal: AbortSignal.timeout(Number(process.env.BENCH_REQUEST_TIMEOUT_MS ?? 300_000)),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors || !response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return way.answer(body.data!);
}

export async function askRaw(driver: Driver, c: Case, timeoutMs?: number): Promise<unknown> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => c.raw(tx), timeoutMs ? { timeout: timeoutMs } : undefined);
  } finally {
    await session.close();
  }
}

async function timed<T>(work: () => Promise<T>, into: number[]): Promise<T> {
  const started = performance.now();
  const result = await work();
  into.push(performance.now() - started);
  return result;
}

export function timings(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
  };
}

export interface MeasureOptions {
  api: Endpoint;
  neo4jGraphql: Endpoint;
  driver: Driver;
  runs: number;
  warmups: number;
  rawTimeoutMs: number;
}

/** Checks that the ways agree, warms up, then times `runs` interleaved rounds. */
export async function measureCase(c: Case, options: MeasureOptions): Promise<CaseResult> {
  const { api, neo4jGraphql, driver } = options;
  const mismatches: string[] = [];
  const answer = await askGraphQL(api, c.xrm);
  let rawSkipped: string | undefined;
  try {
    const started = performance.now();
    const rawAnswer = await askRaw(driver, c, options.rawTimeoutMs);
    const difference = firstDifference(answer, rawAnswer);
    if (difference) mismatches.push(`API vs raw Cypher: ${difference}`);
    // A raw query that needs most of the limit once would take the bench hours to repeat.
    if (performance.now() - started > options.rawTimeoutMs / 2) rawSkipped = `raw Cypher ${((performance.now() - started) / 1000).toFixed(1)} s once, not repeated`;
  } catch (error) {
    rawSkipped = /timed out|terminated/i.test(String(error)) ? `raw Cypher over ${options.rawTimeoutMs / 1000} s` : `raw Cypher failed: ${String(error).slice(0, 200)}`;
  }
  if (c.neo4jGraphql) {
    const difference = firstDifference(answer, await askGraphQL(neo4jGraphql, c.neo4jGraphql));
    if (difference) mismatches.push(`API vs @neo4j/graphql: ${difference}`);
  }

  const samples = { xrm: [] as number[], raw: [] as number[], neo4jGraphql: [] as number[] };
  for (let round = 0; round < options.warmups + options.runs; round++) {
    const keep = round >= options.warmups;
    const into = (list: number[]) => (keep ? list : []);
    const rotation = c.xrm.rotation;
    const asked = rotation ? { ...c.xrm, variables: rotation[round % rotation.length] } : c.xrm;
    await timed(() => askGraphQL(api, asked), into(samples.xrm));
    if (!rawSkipped) await timed(() => askRaw(driver, c), into(samples.raw));
    if (c.neo4jGraphql) await timed(() => askGraphQL(neo4jGraphql, c.neo4jGraphql!), into(samples.neo4jGraphql));
  }
  return {
    name: c.name,
    kind: c.kind,
    xrm: timings(samples.xrm),
    raw: rawSkipped ? undefined : timings(samples.raw),
    rawSkipped,
    neo4jGraphql: c.neo4jGraphql ? timings(samples.neo4jGraphql) : undefined,
    answer,
    mismatches,
  };
}
