import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/neo4j/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { param } from '../../src/neo4j/values';
import type { PathRow } from '../../src/paths/path-row';
import { expectSamePaths, referenceAsSeen } from '../support/reference';
import { startTestServer } from '../support/test-server';
import { hubGraph } from './hub-graph';

/**
 * When its database starts, the path procedure reads the neighbourhoods of the best-connected
 * nodes into its shared cache, in the background. These tests restart a Neo4j on a store that
 * holds a hub graph and ask what the cache holds once the warm-up has ended, then check that the
 * warmed entries give the brute force's answers, also after writes that touch the hub.
 */
const CACHE = `CALL xrm.adjacencyCache() YIELD enabled, nodes, edges, warmedNodes, warmedEdges
RETURN enabled, nodes, edges, warmedNodes, warmedEdges`;
const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, {}) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;
const TYPES = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];
const SET_STRENGTH = 'MATCH (:Entity {id: $from})-[r:KNOWS]-(:Entity {id: $to}) SET r.strength = $strength';
const DELETE_KNOWS = 'MATCH (:Entity {id: $from})-[r:KNOWS]-(:Entity {id: $to}) DELETE r';

type CacheRow = { enabled: boolean; nodes: number; edges: number; warmedNodes: number | null; warmedEdges: number | null };

describe("the path cache's warm-up at start", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-warm-up-'));
  let neo4j: EmbeddedNeo4j | undefined;
  let db: Database | undefined;

  const start = async () => {
    neo4j = await startEmbeddedNeo4j({ dataDir, heapMb: 512, pageCacheMb: 32 });
    db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j' });
    await db.waitUntilReachable(60_000);
    return db;
  };
  const stop = async () => {
    await db?.close();
    await neo4j?.stop();
    db = undefined;
    neo4j = undefined;
  };
  /** The cache's row once the warm-up has ended; it runs beside the database, which answers meanwhile. */
  const warmedCache = async (database: Database) => {
    for (let attempt = 0; attempt < 600; attempt++) {
      const [row] = await database.read<CacheRow>(CACHE);
      if (row.warmedNodes !== null) return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the warm-up did not end within a minute');
  };

  afterAll(async () => {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the hub and its surroundings after a restart, and answers as the brute force does before and after writes to the hub', async () => {
    const doc = hubGraph(4242);
    let database = await start();
    const server = await startTestServer({ uri: neo4j!.uri });
    const ids = await server.importGraph(doc);
    await server.stop();
    await stop();

    database = await start();
    const warmed = await warmedCache(database);
    expect(warmed.enabled).toBe(true);
    // The hub, its neighbours and the nodes beyond them: every node of this small graph has relationships to read.
    expect(warmed.warmedNodes).toBeGreaterThan(0);
    expect(warmed.warmedEdges).toBeGreaterThan(0);
    expect(warmed.nodes).toBeGreaterThan(1);
    expect(warmed.edges).toBeGreaterThan(0);

    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    const all = doc.nodes.map((n) => ids[n.key]);
    const expectReference = async () => {
      let compared = 0;
      for (const { fromIds, maxHops, first } of [
        { fromIds: [ids.hub], maxHops: 4, first: 3 },
        { fromIds: users, maxHops: 6, first: 5 },
      ]) {
        const rows = await database.read<PathRow & { toId: string }>(PROCEDURE_TO_EACH, {
          fromIds, toIds: all, maxHops: param.integer(maxHops), first: param.integer(first), types: TYPES,
        });
        for (const toId of all) {
          const expected = referenceAsSeen(doc, ids, { fromIds, toId, maxHops, first, visible: all });
          compared += expected.length;
          expectSamePaths(rows.filter((row) => row.toId === toId), expected);
        }
      }
      expect(compared).toBeGreaterThan(0);
    };
    await expectReference();

    // Writes to the hub's relationships drop its warmed entries: the next answers read the new weights.
    const hubKnows = doc.relationships.filter((r) => r.type === 'KNOWS' && (r.from === 'hub' || r.to === 'hub'));
    const [changed, removed] = hubKnows;
    await database.write(SET_STRENGTH, { from: ids[changed.from], to: ids[changed.to], strength: 0.05 });
    changed.properties = { strength: 0.05 };
    await database.write(DELETE_KNOWS, { from: ids[removed.from], to: ids[removed.to] });
    doc.relationships.splice(doc.relationships.indexOf(removed), 1);
    await expectReference();
    // Two starts of a JVM and an import: more than the suite's 120 s on a loaded machine.
  }, 300_000);
});
