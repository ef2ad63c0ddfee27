import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_TIMEOUTS } from '../../src/config';
import { Database } from '../../src/neo4j/database';

/** A full garbage collection, without starting jest with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Reads `count` answers and keeps only weak references to them. */
async function readAndLetGo(db: Database, count: number): Promise<WeakRef<object>[]> {
  const answers: WeakRef<object>[] = [];
  for (let i = 0; i < count; i++) {
    const rows = await db.forRequest(10_000).read<{ xs: number[] }>('RETURN [x IN range(1, 100) | x * $i] AS xs', { i });
    answers.push(new WeakRef(rows));
  }
  return answers;
}

describe('what the database door keeps after a call', () => {
  let db: Database;
  beforeAll(async () => {
    db = Database.connect({
      uri: process.env.NEO4J_URI!,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || 'neo4j',
      timeouts: DEFAULT_TIMEOUTS,
    });
    await db.waitUntilReachable(30_000);
  });
  afterAll(() => db.close());

  it('keeps no answer once its caller has let go of it, while Neo4j stays up', async () => {
    const answers = await readAndLetGo(db, 20);
    // A WeakRef read in this job keeps its target until the job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(answers.filter((answer) => answer.deref() !== undefined)).toHaveLength(0);
  });
});
