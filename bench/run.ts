/**
 * `npm run bench`: are we fast? On the kept bench store of BENCH_NODES nodes (default 10^5; built
 * once, bench/bench-store.ts) it starts the API as production runs it (`npm run build` output,
 * NODE_ENV=production) and @neo4j/graphql on Apollo Server 5 over the same Neo4j, then
 *  0. loads every way for BENCH_WARMUP_SECONDS (60; 0 skips it) so that no figure measures the JIT;
 *  1. asks every graph question and the main reads through the API, by raw Cypher through
 *     neo4j-driver and (generic reads) through @neo4j/graphql, checks that the answers agree,
 *     and prints median and p95 of interleaved runs with the ratios; beside the reads, the floor:
 *     a request that reads nothing, each way (no target, what every read pays before its query);
 *  2. measures throughput of the generic reads at BENCH_CONNECTIONS (8) for all three, taking turns:
 *     BENCH_THROUGHPUT_ROUNDS (3) rounds of BENCH_THROUGHPUT_SECONDS (5; 0 skips it) each, after
 *     BENCH_THROUGHPUT_WARMUP_SECONDS (10) of the same load, and reports each way's median round;
 *  3. runs the mixed read workload with autocannon for BENCH_LOAD_SECONDS (60; 0 skips it, as a BENCH_ONLY without "mixed" does),
 *     after BENCH_LOAD_WARMUP_SECONDS (60) of the same load unmeasured;
 *  4. prints the targets of issue 12, met or missed.
 * Exits 1 when answers disagree. The API's requests sign in as an ADMIN added to the store (bench-sign-in.ts).
 * Figures land in bench/results/ (git-ignored) as JSON as well.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { openBenchStore } from './bench-store';
import { benchSignIn } from './bench-sign-in';
import { describeAnswer } from './answers';
import { benchCases, type Case } from './cases';
import { asLoadRequest, byKind, loadRun, mixCapacity, mixedWorkload, rawLoad, throughputInTurn, type LoadResult } from './load';
import { measureCase, type CaseResult, type Endpoint, type Timings } from './measure';
import { pickSubjects } from './picks';
import { buildApi, residentMb, startApi, startNeo4jGraphQL, type ServerProcess } from './processes';
import { checkTargets, type RunFigures } from './targets';
import { warmUp } from './warm-up';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SETTINGS = {
  nodes: env('BENCH_NODES', 100_000),
  seed: env('BENCH_SEED', 1),
  runs: env('BENCH_RUNS', 20),
  /** Load on every way before the first figure (bench/warm-up.ts); 0 measures a freshly started system. */
  warmupSeconds: env('BENCH_WARMUP_SECONDS', 60),
  warmups: env('BENCH_WARMUPS', 3),
  rawTimeoutMs: env('BENCH_RAW_TIMEOUT_MS', 10_000),
  throughput: {
    /** Rounds in which the API, raw Cypher and @neo4j/graphql each run this long in turn. */
    rounds: env('BENCH_THROUGHPUT_ROUNDS', 3),
    seconds: env('BENCH_THROUGHPUT_SECONDS', 5),
    /** Each way's unmeasured load before the rounds: the way measured first would otherwise run cold. */
    warmupSeconds: env('BENCH_THROUGHPUT_WARMUP_SECONDS', 10),
  },
  loadSeconds: env('BENCH_LOAD_SECONDS', 60),
  /**
   * The mix's own unmeasured load right before it. Its network and path statements are rare in
   * everything before it, and Neo4j compiles them for a minute or more of the mix: a fresh start
   * gave 127, 303, 378, 511, 544, 629 req/s in consecutive 15 s windows.
   */
  loadWarmupSeconds: env('BENCH_LOAD_WARMUP_SECONDS', 60),
  connections: env('BENCH_CONNECTIONS', 8),
  /**
   * Only the questions whose name contains one of these `|`-separated parts, or of that kind
   * ("read" or "graph"; "read" brings the floor beside the reads): e.g. BENCH_ONLY=read,
   * BENCH_ONLY="paths|buyingCenter"; "mixed" adds the mixed load.
   */
  only: process.env.BENCH_ONLY?.split('|'),
};

const log = (line: string) => console.log(line);
/** How long each kind of the mixed workload runs alone after the mix. */
const MIX_KIND_SECONDS = 10;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const fmt = (t?: Timings) => (t ? `${t.median.toFixed(1)} / ${t.p95.toFixed(1)}` : '—');
const ratio = (a: Timings, b?: Timings) => (b ? `${(a.median / b.median).toFixed(2)}×` : '');

async function main(): Promise<void> {
  log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${load()}`);
  log(`settings: ${JSON.stringify(SETTINGS)}`);
  buildApi(log);
  const store = await openBenchStore(SETTINGS.nodes, SETTINGS.seed, log);
  const driver = neo4j.driver(store.uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
  const servers: ServerProcess[] = [];
  let mismatched = false;
  try {
    const picks = await pickSubjects(driver);
    log(`picked: hubs of ${picks.hubDegrees.join(' and ')} KNOWS; biggest account ${picks.bigAccountStaff} people; biggest distributor ${picks.distributorCustomers} customers`);
    const signIn = await benchSignIn(driver);
    const apiServer = await startApi(store.uri, signIn.jwtSecret);
    servers.push(apiServer);
    const ngServer = await startNeo4jGraphQL(store.uri);
    servers.push(ngServer);
    const api: Endpoint = { url: apiServer.url, headers: signIn.headers };
    const neo4jGraphql: Endpoint = { url: ngServer.url, headers: {} };

    const chosen = (c: Case, part: string) => c.kind === part || (c.kind === 'floor' && part === 'read') || c.name.includes(part);
    const cases = benchCases(picks).filter((c) => !SETTINGS.only || SETTINGS.only.some((part) => chosen(c, part)));
    const workload = mixedWorkload(picks);
    if (SETTINGS.warmupSeconds > 0) {
      log(`\n== warm-up: ${SETTINGS.warmupSeconds} s of load at ${SETTINGS.connections} connections, a third each for the API, raw Cypher and @neo4j/graphql (load ${load()})`);
      const reads = benchCases(picks).filter((c) => c.kind === 'read');
      await warmUp({ api, neo4jGraphql, driver, reads, mix: workload, seconds: SETTINGS.warmupSeconds, connections: SETTINGS.connections });
    }
    log(`\n== latency: ${SETTINGS.runs} interleaved runs after ${SETTINGS.warmups} warm-ups; ms median / p95 (load ${load()})`);
    log(`${'question'.padEnd(56)} ${'API'.padStart(15)} ${'raw Cypher'.padStart(15)} ${'API/raw'.padStart(8)} ${'@neo4j/graphql'.padStart(15)} ${'API/ng'.padStart(7)}  answer`);
    const results: CaseResult[] = [];
    for (const c of cases) {
      const result = await measureCase(c, { api, neo4jGraphql, driver, runs: SETTINGS.runs, warmups: SETTINGS.warmups, rawTimeoutMs: SETTINGS.rawTimeoutMs });
      results.push(result);
      log(
        `${c.name.padEnd(56)} ${fmt(result.xrm).padStart(15)} ${fmt(result.raw).padStart(15)} ${ratio(result.xrm, result.raw).padStart(8)} ` +
          `${fmt(result.neo4jGraphql).padStart(15)} ${ratio(result.xrm, result.neo4jGraphql).padStart(7)}  ${describeAnswer(result.answer)}` +
          `${result.rawSkipped ? ` (${result.rawSkipped})` : ''}`,
      );
      for (const mismatch of result.mismatches) log(`  !! ANSWERS DIFFER — ${mismatch}`);
      if (result.mismatches.length) mismatched = true;
    }
    log(await adjacencyCacheLine(driver));

    const throughput: RunFigures['throughput'] = [];
    let mixed: LoadResult | undefined;
    const generic = cases.filter((x) => x.neo4jGraphql);
    if (generic.length && SETTINGS.throughput.seconds > 0 && SETTINGS.throughput.rounds > 0) {
      const { rounds, seconds, warmupSeconds } = SETTINGS.throughput;
      log(`\n== throughput of the generic reads: ${SETTINGS.connections} connections; each way ${warmupSeconds} s of warm-up, then ${rounds} rounds of ${seconds} s taking turns; median round's req/s (p99 ms)`);
      for (const c of generic) {
        const { xrm, raw, ng } = await throughputInTurn(
          {
            xrm: (seconds) => loadRun(api, [asLoadRequest(c.xrm)], seconds, SETTINGS.connections),
            raw: (seconds) => rawLoad(driver, c, seconds, SETTINGS.connections),
            ng: (seconds) => loadRun(neo4jGraphql, [asLoadRequest(c.neo4jGraphql!)], seconds, SETTINGS.connections),
          },
          SETTINGS.throughput,
        );
        throughput.push({ name: c.name, kind: c.kind, xrm: xrm.median, raw: raw.median, neo4jGraphql: ng.median });
        const show = (r: { median: LoadResult; rounds: number[] }) =>
          `${r.median.requestsPerSecond.toFixed(0)} (${r.median.p99.toFixed(0)})${r.median.errors ? ` ${r.median.errors} errors` : ''}`;
        const ratios = xrm.rounds.map((rate, i) => (rate / ng.rounds[i]).toFixed(2)).join(', ');
        log(`${c.name.padEnd(56)} API ${show(xrm)} · raw ${show(raw)} · @neo4j/graphql ${show(ng)} · API/ng ${(xrm.median.requestsPerSecond / ng.median.requestsPerSecond).toFixed(2)}× (rounds ${ratios})`);
      }
    }
    if (SETTINGS.loadSeconds > 0 && (!SETTINGS.only || SETTINGS.only.includes('mixed'))) {
      log(`\n== mixed read load: ${SETTINGS.connections} connections for ${SETTINGS.loadSeconds} s after ${SETTINGS.loadWarmupSeconds} s of it unmeasured (load before: ${load()})`);
      if (SETTINGS.loadWarmupSeconds > 0) {
        const warm = await loadRun(api, workload, SETTINGS.loadWarmupSeconds, SETTINGS.connections);
        log(`warm-up: ${warm.requestsPerSecond.toFixed(0)} req/s, p99 ${warm.p99} ms, ${warm.errors} errors`);
      }
      mixed = await loadRun(api, workload, SETTINGS.loadSeconds, SETTINGS.connections);
      log(`${mixed.requestsPerSecond.toFixed(0)} req/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, ${mixed.errors} errors of ${mixed.requests} requests (load after: ${load()})`);
      log(`each kind of the mix alone, ${SETTINGS.connections} connections, ${MIX_KIND_SECONDS} s each: req/s (p99 ms), share of the mix's time`);
      const kinds = [];
      for (const [kind, requests] of byKind(workload)) {
        const alone = await loadRun(api, requests, MIX_KIND_SECONDS, SETTINGS.connections);
        kinds.push({ kind, share: requests.length / workload.length, requestsPerSecond: alone.requestsPerSecond });
      }
      const capacity = mixCapacity(kinds);
      for (const k of kinds) {
        log(`  ${k.kind.padEnd(30)} ${k.requestsPerSecond.toFixed(0).padStart(5)} req/s, ${((100 * k.share) / k.requestsPerSecond * capacity).toFixed(0).padStart(3)} % of the time`);
      }
      log(`  the kinds alone add up to ${capacity.toFixed(0)} req/s for the mix; the API's resident memory now ${residentMb(apiServer.pid) ?? '?'} MB`);
    }

    const figures: RunFigures = { nodes: SETTINGS.nodes, cases: results, throughput, mixed, loadSeconds: SETTINGS.loadSeconds };
    log('\n== targets of issue 12');
    const checks = checkTargets(figures);
    for (const check of checks) log(`${check.met ? 'met   ' : 'MISSED'} ${check.target.padEnd(80)} ${check.measured}`);
    saveResults({ settings: SETTINGS, world: store.world, loadAverage: os.loadavg(), figures, checks });
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await driver.close();
    await store.stop();
  }
  if (mismatched) {
    process.stderr.write('bench failed: the API, raw Cypher and @neo4j/graphql disagree on some answers (see !! above)\n');
    process.exit(1);
  }
}

function saveResults(results: object): void {
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${SETTINGS.nodes}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nfigures saved to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

/** What the path procedure's shared cache holds after the questions (a procedure without one says so). */
async function adjacencyCacheLine(driver: Driver): Promise<string> {
  try {
    const { records } = await driver.executeQuery('CALL xrm.adjacencyCache()', {}, { routing: neo4j.routing.READ });
    const row = records[0].toObject();
    if (!row.enabled) return 'path cache: off';
    // About 60 bytes an edge (the object and its slot) and 250 a node held (its entry and arrays).
    const mb = (row.edges * 60 + row.nodes * 250) / 1e6;
    // A procedure without the start-up warm-up has no warmedNodes; a running one has it null.
    const warm = !('warmedNodes' in row) ? '' : row.warmedNodes === null ? '; start-up warm-up off or still running' : `; start-up warm-up: ${row.warmedNodes} nodes, ${row.warmedEdges} edges in ${row.warmMillis} ms`;
    return `path cache: ${row.nodes} nodes, ${row.edges} edges (cap ${row.maxEdges}), ≈ ${mb.toFixed(0)} MB of heap; ${row.hits} hits, ${row.misses} misses, ${row.evicted} evicted${warm}`;
  } catch {
    return 'path cache: none in this procedure';
  }
}
