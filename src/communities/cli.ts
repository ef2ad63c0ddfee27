/**
 * `npm run communities [-- --min-size N]`: recomputeCommunities from the command line, into
 * NEO4J_URI or the embedded store (like npm start), with progress lines as it reads, partitions
 * and stores. Same work, same transaction, same result as the mutation.
 */
import { ConfigError, loadConfig } from '../config';
import { withNeo4j } from '../neo4j/connect';
import { migrate } from '../neo4j/migrations';
import { recomputeCommunities, type RunProgress } from './recompute-communities';

const USAGE = 'usage: npm run communities [-- --min-size N]';

function parseCliArgs(argv: string[]): { minSize: number } {
  let minSize = 3;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--min-size') {
      minSize = Number(argv[(i += 1)]);
      if (!Number.isInteger(minSize) || minSize < 1) throw new Error(`--min-size must be a whole number ≥ 1. ${USAGE}`);
    } else {
      throw new Error(`unknown argument ${argv[i]}. ${USAGE}`);
    }
  }
  return { minSize };
}

/** Prints a line when a phase starts and then at most every 5 seconds, so a run on a big graph shows it is moving. */
function progressPrinter(started: number): (progress: RunProgress) => void {
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  let phase = '';
  let lastPrinted = 0;
  return (progress) => {
    if (progress.step === 'partitioned') {
      console.log(`  ${at()}: Louvain found ${progress.groups} groups in ${progress.seconds.toFixed(1)} s, modularity ${progress.modularity.toFixed(4)}`);
      return;
    }
    const current = `${progress.step}:${progress.phase}`;
    if (current === phase && Date.now() - lastPrinted < 5_000) return;
    phase = current;
    lastPrinted = Date.now();
    const what = progress.step === 'read'
      ? (progress.phase === 'nodes' ? `read ${progress.done} nodes` : `read the relationships of ${progress.done} nodes`)
      : progress.phase === 'removed' ? `removed ${progress.done} old memberships`
      : `stored ${progress.done}/${progress.total} memberships`;
    console.log(`  ${at()}: ${what}`);
  };
}

async function main(): Promise<number> {
  const { minSize } = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  return withNeo4j(config, async (neo4j) => {
    const started = Date.now();
    await migrate(neo4j.db);
    console.log(`detecting communities in ${neo4j.description} (groups of at least ${minSize} become communities)`);
    const run = await neo4j.db.writeTransaction((tx) => recomputeCommunities(tx, { minSize, onProgress: progressPrinter(started) }));
    console.log(
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s — ${run.communities} communities over ${run.nodes} nodes ` +
        `(${run.linkedPairs} linked pairs, ${run.unassigned} in smaller groups), modularity ${run.modularity.toFixed(4)}`,
    );
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `communities failed: ${(error as Error).message}`}\n`);
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
