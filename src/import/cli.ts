/**
 * `npm run import -- <file.json> [--batch-size N]`: imports a graph document (DESIGN §6) with the
 * same importGraph as the mutation, into NEO4J_URI or the embedded Neo4j (like npm start).
 * Prints progress and the report; a rejected document prints every problem as `path: message`
 * and exits with 1, having written nothing.
 */
import fs from 'node:fs';
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig } from '../config';
import type { InputProblem } from '../graphql/errors';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { migrate } from '../neo4j/migrations';
import { importGraph, type ImportReport } from './import-graph';

const USAGE = 'usage: npm run import -- <file.json> [--batch-size N]';
const DEFAULT_BATCH_SIZE = 10_000;

function parseCliArgs(argv: string[]): { file: string; batchSize: number } {
  let file: string | undefined;
  let batchSize = DEFAULT_BATCH_SIZE;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--batch-size') {
      batchSize = Number(argv[(i += 1)]);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size must be a whole number ≥ 1. ${USAGE}`);
    } else if (argv[i].startsWith('--')) {
      throw new Error(`unknown option ${argv[i]}. ${USAGE}`);
    } else if (file === undefined) {
      file = argv[i];
    } else {
      throw new Error(`only one file, got "${file}" and "${argv[i]}". ${USAGE}`);
    }
  }
  if (!file) throw new Error(USAGE);
  return { file, batchSize };
}

const formatReport = (r: ImportReport) =>
  `nodes: ${r.nodesCreated} created, ${r.nodesUpdated} updated; relationships: ${r.relationshipsCreated} created, ${r.relationshipsUpdated} updated`;

async function main(): Promise<number> {
  const { file, batchSize } = parseCliArgs(process.argv.slice(2));
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`cannot read ${file} as JSON: ${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  const neo4j = await connectNeo4j(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  const started = Date.now();
  try {
    await migrate(neo4j.db);
    console.log(`importing ${file} into ${neo4j.description} in batches of ${batchSize}`);
    const report = await importGraph(neo4j.db, document, {
      batchSize,
      onProgress: (done, total) => console.log(`  ${done}/${total} rows (${Math.round((100 * done) / Math.max(total, 1))}%)`),
    });
    console.log(`imported in ${((Date.now() - started) / 1000).toFixed(1)} s — ${formatReport(report)}`);
    return 0;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT') {
      process.stderr.write(`${error.message}\n`);
      for (const problem of (error.extensions.problems as InputProblem[] | undefined) ?? []) {
        process.stderr.write(`  ${problem.path}: ${problem.message}\n`);
      }
      return 1;
    }
    throw error;
  } finally {
    await neo4j.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `import failed: ${(error as Error).message}`}\n`);
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
