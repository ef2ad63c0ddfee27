/**
 * `npm run bench:driver`: what one read costs through neo4j-driver alone, the floor under every
 * request of the API. On a fresh embedded Neo4j holding one node it asks a lookup by id, in turn,
 * as a managed read transaction (`executeRead`: BEGIN, RUN+PULL, COMMIT; what the API does), as
 * `driver.executeQuery` (the same with BEGIN sent along with RUN) and as an auto-commit
 * `session.run` (one exchange), DRIVER_ROUNDS (4) times: each way's sequential latency over
 * DRIVER_CALLS (2,000) calls, then its throughput and the driver's CPU per call at 8 concurrent
 * loops for DRIVER_SECONDS (4). The first rounds measure the JIT warming up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { timings } from './measure';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = env('DRIVER_ROUNDS', 4);
const CALLS = env('DRIVER_CALLS', 2_000);
const SECONDS = env('DRIVER_SECONDS', 4);
const LOOPS = 8;
const LOOKUP = 'MATCH (n:Entity {id: $id}) RETURN n.name AS name';

type Way = (driver: Driver) => Promise<unknown>;

const WAYS: Record<string, Way> = {
  executeRead: async (driver) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => tx.run(LOOKUP, { id: 'n1' }));
    } finally {
      await session.close();
    }
  },
  executeQuery: (driver) => driver.executeQuery(LOOKUP, { id: 'n1' }, { routing: neo4j.routing.READ }),
  'auto-commit': async (driver) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.run(LOOKUP, { id: 'n1' });
    } finally {
      await session.close();
    }
  },
};

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-bench-driver-'));
  const neo4jServer = await startEmbeddedNeo4j({ dataDir });
  const driver = neo4j.driver(neo4jServer.uri, undefined, { disableLosslessIntegers: true });
  try {
    await driver.executeQuery('CREATE (:Entity {id: "n1", name: "one"})');
    console.log(`machine: ${os.cpus().length} cores; ${CALLS} sequential calls, then ${LOOPS} loops for ${SECONDS} s, per way and round`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, way] of Object.entries(WAYS)) {
        const latencies: number[] = [];
        for (let i = 0; i < CALLS; i++) {
          const started = performance.now();
          await way(driver);
          latencies.push(performance.now() - started);
        }
        const { median, p95 } = timings(latencies);
        const { calls, cpuMs } = await throughput(driver, way);
        console.log(
          `round ${round} ${name.padEnd(13)} ${median.toFixed(2)} / ${p95.toFixed(2)} ms; ` +
            `${(calls / SECONDS).toFixed(0)} calls/s, the driver's CPU ${(cpuMs / calls).toFixed(3)} ms a call`,
        );
      }
    }
  } finally {
    await driver.close();
    await neo4jServer.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** LOOPS concurrent loops of `way` for SECONDS: how many calls, and this process's CPU time for them. */
async function throughput(driver: Driver, way: Way): Promise<{ calls: number; cpuMs: number }> {
  const deadline = performance.now() + SECONDS * 1000;
  const before = process.cpuUsage();
  let calls = 0;
  await Promise.all(
    Array.from({ length: LOOPS }, async () => {
      for (; performance.now() < deadline; calls++) await way(driver);
    }),
  );
  const used = process.cpuUsage(before);
  return { calls, cpuMs: (used.user + used.system) / 1000 };
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
