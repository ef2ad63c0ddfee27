/**
 * What the path procedure reads for the bench's hub and ordinary pair questions: relationship
 * records walked, weight properties read, partial paths grown and joins tried per call — counts
 * that the machine's load does not move — plus the procedure's wall time in the JVM (which it does).
 *
 *   BENCH_NODES=1000000 npm run -s bench:path-reads
 *
 * PATH_READS_OPTIONS (JSON: one object, or a list to compare several) passes the search's knobs
 * (finishBudget, ballBudget, ...) to the calls;
 * PATH_READS_RUNS (5) calls each question that often after one warm-up and prints the median time.
 * PATH_READS_PICKS (the printed JSON) names the hubs and ordinary pairs instead of picking them
 * again (the bench's picks scan every person, which takes minutes at 10⁶).
 * PATH_READS_IN_TURN=N asks instead, after the start-up warm-up has ended, the bench's 45 hub pairs
 * in turn for N rounds (bench/cases.ts: round i asks pair i mod 45), one line per call, and the
 * median / p95 of the JVM's time over the rounds after the bench's three warm-ups.
 * PATH_READS_WARM_CALLS asks first the bench's questions before that one, as the bench does (its
 * ordinary and hub pair at maxHops 6, first 5 and 50, in that order, a quarter each): the JIT then
 * has compiled what it has in the bench.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { STAKEHOLDER_TYPES } from '../src/paths/hop-weight';
import { openBenchStore, type BenchStore } from './bench-store';
import { timings } from './measure';
import { pickSubjects } from './picks';

/** The bench's pairs (bench/picks.ts). */
interface PairPicks {
  hubs: [string, string];
  pair3: [string, string];
  pair4: [string, string];
  /** Every pair of the ten best-connected people, in the bench's order. */
  hubPairs: [string, string][];
}

const SEARCH = `CALL xrm.strongestPathsToEach([$from], [$to], $maxHops, $first, $types, $options) YIELD strength RETURN count(*) AS paths`;

async function main(): Promise<void> {
  const nodes = Number(process.env.BENCH_NODES ?? 100_000);
  const runs = Number(process.env.PATH_READS_RUNS ?? 5);
  const given = JSON.parse(process.env.PATH_READS_OPTIONS ?? '{}') as Record<string, number> | Record<string, number>[];
  const settings = Array.isArray(given) ? given : [given];
  const countsFile = path.join(os.tmpdir(), `path-reads-${process.pid}.txt`);
  // The procedure appends one line per call to the file this system property names.
  process.env.JAVA_TOOL_OPTIONS = `${process.env.JAVA_TOOL_OPTIONS ?? ''} -Dxrm.paths.counts=${countsFile}`.trim();
  const store = await openBenchStore(nodes, 1, (line) => console.log(line));
  try {
    const picks = process.env.PATH_READS_PICKS ? (JSON.parse(process.env.PATH_READS_PICKS) as PairPicks) : await pick(store.uri);
    console.log(`PATH_READS_PICKS='${JSON.stringify(picks)}'`);
    const inTurn = Number(process.env.PATH_READS_IN_TURN ?? 0);
    if (inTurn > 0) {
      await askInTurn(store.db, picks, inTurn, settings[0], countsFile);
      return;
    }
    // The bench's path questions (bench/cases.ts).
    const questions = [
      { name: 'hub pair, maxHops 6, first 5', pair: picks.hubs, maxHops: 6, first: 5 },
      { name: 'hub pair, maxHops 6, first 50', pair: picks.hubs, maxHops: 6, first: 50 },
      { name: 'ordinary pair 4 apart, maxHops 6, first 5', pair: picks.pair4, maxHops: 6, first: 5 },
      { name: 'ordinary pair 4 apart, maxHops 6, first 50', pair: picks.pair4, maxHops: 6, first: 50 },
      { name: 'ordinary pair 3 apart, maxHops 4, first 5', pair: picks.pair3, maxHops: 4, first: 5 },
      { name: 'ordinary pair 4 apart, maxHops 4, first 5', pair: picks.pair4, maxHops: 4, first: 5 },
      { name: 'hub pair, maxHops 4, first 5', pair: picks.hubs, maxHops: 4, first: 5 },
    ].filter((question) => !process.env.PATH_READS_ONLY || process.env.PATH_READS_ONLY.split('|').some((part) => question.name.includes(part)));
    for (const knobs of settings) for (const question of questions) {
      const times: number[] = [];
      let paths = 0;
      for (let run = 0; run <= runs; run++) {
        fs.rmSync(countsFile, { force: true });
        const started = process.hrtime.bigint();
        const [row] = await store.db.read<{ paths: number }>(SEARCH, {
          from: question.pair[0], to: question.pair[1], maxHops: question.maxHops, first: question.first, types: [...STAKEHOLDER_TYPES], options: knobs,
        });
        if (run > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
        paths = row.paths;
      }
      times.sort((a, b) => a - b);
      // A procedure built before the counts existed writes none: then only its time is compared.
      const counts = fs.existsSync(countsFile) ? fs.readFileSync(countsFile, 'utf8').trim() : '(no counts from this procedure)';
      console.log(`${question.name} ${JSON.stringify(knobs)}: ${paths} paths, median ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${runs}\n  ${counts}`);
    }
  } finally {
    fs.rmSync(countsFile, { force: true });
    await store.stop();
  }
}

/**
 * The bench's rotating question at the procedure: round i asks hub pair i mod 45 (maxHops 6,
 * first 5), once the start-up warm-up has ended (the bench's minute of load outlasts it).
 */
async function askInTurn(db: BenchStore['db'], picks: PairPicks, rounds: number, knobs: Record<string, number>, countsFile: string): Promise<void> {
  const warmed = await waitForWarmUp(db);
  console.log(`start-up warm-up: ${warmed}`);
  const earlier = Number(process.env.PATH_READS_WARM_CALLS ?? 0);
  const before = [
    { pair: picks.pair4, first: 5 },
    { pair: picks.pair4, first: 50 },
    { pair: picks.hubs, first: 5 },
    { pair: picks.hubs, first: 50 },
  ];
  for (let call = 0; call < earlier; call++) {
    const { pair, first } = before[Math.floor((call * before.length) / earlier)];
    await db.read(SEARCH, { from: pair[0], to: pair[1], maxHops: 6, first, types: [...STAKEHOLDER_TYPES], options: knobs });
  }
  const jvm: number[] = [];
  const pairs = picks.hubPairs;
  for (let round = 0; round < rounds; round++) {
    const [from, to] = pairs[round % pairs.length];
    fs.rmSync(countsFile, { force: true });
    const started = process.hrtime.bigint();
    await db.read(SEARCH, { from, to, maxHops: 6, first: 5, types: [...STAKEHOLDER_TYPES], options: knobs });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const counts = fs.existsSync(countsFile) ? fs.readFileSync(countsFile, 'utf8').trim() : '';
    const ms = Number(/ ms (\d+)/.exec(counts)?.[1] ?? NaN);
    if (round >= BENCH_WARMUPS) jvm.push(ms);
    console.log(`round ${round} pair ${round % pairs.length} at ${new Date().toISOString()}: wall ${wall.toFixed(1)} ms\n  ${counts}`);
  }
  // The bench's own sample (its 20 rounds after the warm-ups), then every round after them.
  console.log(`hub pairs in turn, JVM ms, rounds ${BENCH_WARMUPS}..${BENCH_WARMUPS + 19}: ${summary(jvm.slice(0, 20))}; all ${jvm.length}: ${summary(jvm)}`);
  const [cache] = await db.read<Record<string, number>>('CALL xrm.adjacencyCache() YIELD nodes, edges, hits, misses, evicted RETURN nodes, edges, hits, misses, evicted');
  console.log(`path cache after: ${JSON.stringify(cache)}`);
}

function summary(samples: number[]): string {
  const { median, p95 } = timings(samples);
  return `median ${median}, p95 ${p95}, max ${Math.max(...samples)}`;
}

/** The bench's unmeasured rounds before its figures (bench/run.ts BENCH_WARMUPS). */
const BENCH_WARMUPS = 3;

/** Waits until the procedure's start-up warm-up has ended; what it held then. */
async function waitForWarmUp(db: BenchStore['db']): Promise<string> {
  for (;;) {
    const [row] = await db.read<{ warmedNodes: number | null; warmedEdges: number | null; warmMillis: number | null }>(
      'CALL xrm.adjacencyCache() YIELD warmedNodes, warmedEdges, warmMillis RETURN warmedNodes, warmedEdges, warmMillis',
    );
    if (row.warmedNodes !== null) return `${row.warmedNodes} nodes, ${row.warmedEdges} edges in ${row.warmMillis} ms`;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The bench's own picks, on a driver without the database's query timeout. */
async function pick(uri: string): Promise<PairPicks> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  try {
    const { hubs, pair3, pair4, hubPairs } = await pickSubjects(driver);
    return { hubs, pair3, pair4, hubPairs };
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
