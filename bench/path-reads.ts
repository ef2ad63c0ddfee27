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
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { STAKEHOLDER_TYPES } from '../src/paths/hop-weight';
import { openBenchStore } from './bench-store';
import { pickSubjects } from './picks';

/** The bench's pairs (bench/picks.ts). */
interface PairPicks {
  hubs: [string, string];
  pair3: [string, string];
  pair4: [string, string];
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

/** The bench's own picks, on a driver without the database's query timeout. */
async function pick(uri: string): Promise<PairPicks> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  try {
    const { hubs, pair3, pair4 } = await pickSubjects(driver);
    return { hubs, pair3, pair4 };
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
