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
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STAKEHOLDER_TYPES } from '../src/paths/hop-weight';
import { openBenchStore } from './bench-store';

const HUBS = `
MATCH (p:Person) WITH p, COUNT { (p)-[:KNOWS]-() } AS degree ORDER BY degree DESC, p.id LIMIT 10
RETURN collect(p.id) AS hubs`;

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
    // The scan of every person outlasts a query's timeout at 10⁶; PATH_READS_HUBS (the printed ids) skips it.
    const hubs = process.env.PATH_READS_HUBS?.split(',') ?? (await store.db.forImport().read<{ hubs: string[] }>(HUBS))[0].hubs;
    console.log(`PATH_READS_HUBS=${hubs.join(',')}`);
    // The bench's hub pair (bench/picks.ts).
    const questions = [
      { name: 'hub pair, maxHops 6, first 5', from: hubs[5], to: hubs[9], maxHops: 6, first: 5 },
      { name: 'hub pair, maxHops 6, first 50', from: hubs[5], to: hubs[9], maxHops: 6, first: 50 },
    ];
    for (const knobs of settings) for (const question of questions) {
      const times: number[] = [];
      let paths = 0;
      for (let run = 0; run <= runs; run++) {
        fs.rmSync(countsFile, { force: true });
        const started = process.hrtime.bigint();
        const [row] = await store.db.read<{ paths: number }>(SEARCH, {
          from: question.from, to: question.to, maxHops: question.maxHops, first: question.first, types: [...STAKEHOLDER_TYPES], options: knobs,
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
