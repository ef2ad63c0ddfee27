import pino from 'pino';
import { seedFiles, seedIfEmpty } from '../../src/import/seed';
import { useTestServer } from '../support/test-server';

const silent = pino({ level: 'silent' });
const COUNTS = 'MATCH (n:Entity) WITH count(n) AS nodes RETURN nodes, COUNT { ()-[]->() } AS relationships';

describe('loading the sample world on start', () => {
  const { server } = useTestServer();

  // Seeds load only into an empty database, so these tests run without the signed-in Test Admin.
  it('loads every seed file into an empty database, and nothing on the next start', () =>
    server.onEmptyDatabase(async () => {
      expect(seedFiles().length).toBeGreaterThan(0);
      expect(await seedIfEmpty(server.db, silent)).toBe(true);
      const [loaded] = await server.db.read(COUNTS);
      expect(loaded.nodes).toBeGreaterThan(300);
      expect(await seedIfEmpty(server.db, silent)).toBe(false);
      expect((await server.db.read(COUNTS))[0]).toEqual(loaded);
    }));

  it('leaves a database with data of its own alone', async () => {
    await server.reset();
    await server.importGraph({ nodes: [{ type: 'Organization', key: 'mine', properties: { name: 'Mine' } }] });
    expect(await seedIfEmpty(server.db, silent)).toBe(false);
    const [{ nodes }] = await server.db.read(COUNTS);
    expect(nodes).toBe(1 + 1); // Mine and the signed-in Test Admin
  });

  it('finishes a load that was cut off on the next start', () =>
    server.onEmptyDatabase(async () => {
      expect(await seedIfEmpty(server.db, silent)).toBe(true);
      const [complete] = await server.db.read(COUNTS);
      // Simulate a crash part-way: the marker says incomplete and part of the world is missing.
      await server.db.write("MATCH (s:SeedState) SET s.complete = false");
      await server.db.write('MATCH (n:Entity) WITH n ORDER BY n.key SKIP 100 DETACH DELETE n');
      expect(await seedIfEmpty(server.db, silent)).toBe(true);
      expect((await server.db.read(COUNTS))[0]).toEqual(complete);
      expect(await seedIfEmpty(server.db, silent)).toBe(false);
    }));
});
