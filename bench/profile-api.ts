/**
 * `npm run bench:profile`: where the API's own time goes on the cheapest requests. On the kept
 * bench store it starts the compiled API (as `npm run bench` does) and loads it, at
 * BENCH_CONNECTIONS (8) for PROFILE_SECONDS (10) each, PROFILE_RUNS (2) times in a row (the first
 * run also warms up), with the kinds of the mixed workload and the bench's generic reads whose
 * names contain one of PROFILE_ONLY's `|`-separated parts (default "node by id"); each generic
 * read also through @neo4j/graphql (its own process, its CPU per request beside the API's) and by
 * raw Cypher from the bench's driver, for the limit. This process's own CPU is the load generator's
 * (autocannon), or the raw client's. Each run prints req/s and the
 * CPU time the API and Neo4j spent per request: on a shared machine the CPU per request varies
 * far less than the req/s, so compare builds by it. A fresh JVM keeps compiling for minutes: the
 * first kind measured pays for it (the person page's third run still cost Neo4j 2 ms, its fifth
 * 1.3, the account page's 1.2), so PROFILE_WARMUP (0) seconds of all the chosen mixed kinds, in
 * turn, come first (on each API) when kinds are to be compared with each other. BENCH_API_NODE_ARGS passes
 * flags to the API's node, e.g. `--cpu-prof --cpu-prof-dir=<dir>` for a CPU profile.
 * PROFILE_AGAINST names another checkout whose `dist/` is already built (e.g. a worktree of main
 * after `npm run build`): its API then runs beside this one on the same Neo4j, both warm, and each
 * run loads this build, then that one ("other", with PROFILE_AGAINST_NODE_ARGS), so that two
 * builds (or two sets of node flags, with PROFILE_AGAINST=.) are compared in one sitting.
 */
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { openBenchStore } from './bench-store';
import { benchSignIn } from './bench-sign-in';
import { asLoadRequest, byKind, loadRun, mixedWorkload, rawLoad, type LoadResult } from './load';
import { pickSubjects } from './picks';
import { benchCases } from './cases';
import { buildApi, cpuSeconds, residentMb, startApi, startNeo4jGraphQL, type ServerProcess } from './processes';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const seconds = env('PROFILE_SECONDS', 10);
const runs = env('PROFILE_RUNS', 2);
const connections = env('BENCH_CONNECTIONS', 8);
const parts = (process.env.PROFILE_ONLY ?? 'node by id').split('|');
const warmUp = env('PROFILE_WARMUP', 0);
const log = (line: string) => console.log(line);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
/** Runs `work` and adds the CPU time it cost each process, in ms per request answered. */
async function withCpu(pids: Record<string, number>, work: () => Promise<LoadResult>): Promise<[LoadResult, string]> {
  const before = Object.values(pids).map(cpuSeconds);
  const result = await work();
  const spent = Object.entries(pids).map(([name, pid], i) => {
    const [start, end] = [before[i], cpuSeconds(pid)];
    const perRequest = start === undefined || end === undefined ? 'n/a' : (((end - start) * 1000) / result.requests).toFixed(2);
    return `${name} ${perRequest}`;
  });
  return [result, `CPU ms/request: ${spent.join(', ')}`];
}
const against = process.env.PROFILE_AGAINST;
/** Loads `server` with `requests` for `duration` seconds, with the CPU it, Neo4j and the load generator spent. */
const loadOn = (server: ServerProcess, neo4jPid: number, headers: Record<string, string>, requests: Parameters<typeof loadRun>[1], duration: number) =>
  withCpu({ API: server.pid, Neo4j: neo4jPid, autocannon: process.pid }, () => loadRun({ url: server.url, headers }, requests, duration, connections));
const show = (r: LoadResult) => `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`;

async function main(): Promise<void> {
  buildApi(log);
  const store = await openBenchStore(env('BENCH_NODES', 100_000), 1, log);
  const driver = neo4j.driver(store.uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
  try {
    const picks = await pickSubjects(driver);
    const signIn = await benchSignIn(driver);
    const api = await startApi(store.uri, signIn.jwtSecret);
    const apis: [string, ServerProcess][] = [['API', api]];
    let neo4jGraphql: ServerProcess | undefined;
    const wanted = (name: string) => parts.some((part) => name.includes(part));
    try {
      if (against) {
        const nodeArgs = process.env.PROFILE_AGAINST_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
        apis.push(['other', await startApi(store.uri, signIn.jwtSecret, { root: path.resolve(against), nodeArgs })]);
      }
      const chosen = mixedWorkload(picks).filter((request) => wanted(request.kind));
      for (const [name, server] of warmUp > 0 && chosen.length ? apis : []) {
        const [result, cpu] = await loadOn(server, store.neo4jPid, signIn.headers, chosen, warmUp);
        log(`warm-up, the chosen mixed kinds in turn: ${name} ${show(result)}, ${cpu} (load ${load()})`);
      }
      for (const [kind, requests] of byKind(mixedWorkload(picks))) {
        if (!wanted(kind)) continue;
        for (let run = 1; run <= runs; run++) {
          for (const [name, server] of apis) {
            const started = Date.now();
            const [result, cpu] = await loadOn(server, store.neo4jPid, signIn.headers, requests, seconds);
            log(`${kind} (run ${run}, ${started}–${Date.now()}): ${name} ${show(result)}, ${cpu}, API RSS ${residentMb(server.pid)} MB (load ${load()})`);
          }
        }
      }
      const generic = benchCases(picks).filter((x) => x.neo4jGraphql && wanted(x.name));
      if (generic.length) neo4jGraphql = await startNeo4jGraphQL(store.uri);
      for (const c of generic) {
        for (let run = 1; run <= runs; run++) {
          for (const [name, server] of apis) {
            const started = Date.now();
            const [result, cpu] = await loadOn(server, store.neo4jPid, signIn.headers, [asLoadRequest(c.xrm)], seconds);
            log(`${c.name} (run ${run}, ${started}–${Date.now()}): ${name} ${show(result)}, ${cpu}, API RSS ${residentMb(server.pid)} MB (load ${load()})`);
          }
          const [peer, peerCpu] = await withCpu({ '@neo4j/graphql': neo4jGraphql!.pid, Neo4j: store.neo4jPid, autocannon: process.pid }, () =>
            loadRun({ url: neo4jGraphql!.url, headers: {} }, [asLoadRequest(c.neo4jGraphql!)], seconds, connections),
          );
          log(`${c.name} (run ${run}): @neo4j/graphql ${show(peer)}, ${peerCpu} (load ${load()})`);
          const [raw, rawCpu] = await withCpu({ Neo4j: store.neo4jPid, 'raw client': process.pid }, () => rawLoad(driver, c, seconds, connections));
          log(`${c.name} (run ${run}): raw ${show(raw)}, ${rawCpu} (load ${load()})`);
        }
      }
    } finally {
      for (const [, server] of apis) await server.stop();
      await neo4jGraphql?.stop();
    }
  } finally {
    await driver.close();
    await store.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`profile failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
