/**
 * `npm run bench:profile`: where the API's own time goes on the cheapest requests. On the kept
 * bench store it starts the compiled API (as `npm run bench` does) and loads it, at
 * BENCH_CONNECTIONS (8) for PROFILE_SECONDS (10) each, PROFILE_RUNS (2) times in a row (the first
 * run also warms up), with the kinds of the mixed workload and the bench's generic reads whose
 * names contain one of PROFILE_ONLY's `|`-separated parts (default "node by id"); each generic
 * read also by raw Cypher from the bench's driver, for the limit. BENCH_API_NODE_ARGS passes
 * flags to the API's node, e.g. `--cpu-prof --cpu-prof-dir=<dir>` for a CPU profile.
 */
import os from 'node:os';
import neo4j from 'neo4j-driver';
import { openBenchStore } from './bench-store';
import { benchSignIn } from './bench-sign-in';
import { asLoadRequest, byKind, loadRun, mixedWorkload, rawLoad, type LoadResult } from './load';
import { pickSubjects } from './picks';
import { benchCases } from './cases';
import { buildApi, residentMb, startApi } from './processes';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const seconds = env('PROFILE_SECONDS', 10);
const runs = env('PROFILE_RUNS', 2);
const connections = env('BENCH_CONNECTIONS', 8);
const parts = (process.env.PROFILE_ONLY ?? 'node by id').split('|');
const log = (line: string) => console.log(line);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const show = (r: LoadResult) => `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`;

async function main(): Promise<void> {
  buildApi(log);
  const store = await openBenchStore(env('BENCH_NODES', 100_000), 1, log);
  const driver = neo4j.driver(store.uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
  try {
    const picks = await pickSubjects(driver);
    const signIn = await benchSignIn(driver);
    const api = await startApi(store.uri, signIn.jwtSecret);
    const endpoint = { url: api.url, headers: signIn.headers };
    const wanted = (name: string) => parts.some((part) => name.includes(part));
    try {
      for (const [kind, requests] of byKind(mixedWorkload(picks))) {
        if (!wanted(kind)) continue;
        for (let run = 1; run <= runs; run++) {
          const started = Date.now();
          const result = await loadRun(endpoint, requests, seconds, connections);
          log(`${kind} (run ${run}, ${started}–${Date.now()}): API ${show(result)}, API RSS ${residentMb(api.pid)} MB (load ${load()})`);
        }
      }
      for (const c of benchCases(picks).filter((x) => x.neo4jGraphql && wanted(x.name))) {
        for (let run = 1; run <= runs; run++) {
          const started = Date.now();
          const result = await loadRun(endpoint, [asLoadRequest(c.xrm)], seconds, connections);
          log(`${c.name} (run ${run}, ${started}–${Date.now()}): API ${show(result)}, API RSS ${residentMb(api.pid)} MB (load ${load()})`);
          const raw = await rawLoad(driver, c, seconds, connections);
          log(`${c.name} (run ${run}): raw ${show(raw)} (load ${load()})`);
        }
      }
    } finally {
      await api.stop();
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
