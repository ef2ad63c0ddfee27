import { Writable } from 'node:stream';
import pino from 'pino';
import { ScopedDatabase, UnscopedQueryError } from '../../src/neo4j/scoped-database';
import { VISIBLE } from '../../src/nodes/visibility';
import { switchableScope } from '../support/switchable-scope';
import { useTestServer } from '../support/test-server';

/** A logger whose JSON lines the test can read. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: 'error' }, stream), lines };
}

const GRAPH = {
  nodes: [
    { type: 'Organization' as const, key: 'acme', properties: { name: 'Acme' } },
    { type: 'Organization' as const, key: 'globex', properties: { name: 'Globex' } },
  ],
  relationships: [],
};

describe("the request's scoped door to Neo4j", () => {
  const switchable = switchableScope();
  const { server, ids } = useTestServer({ graph: GRAPH, scope: switchable.scope });

  it('gives every query $visible: null when everything is visible, the ids under a scope', async () => {
    const everything = new ScopedDatabase(server.db, async () => null, capturedLog().log);
    expect(await everything.read('RETURN $visible AS visible')).toEqual([{ visible: null }]);
    const scoped = new ScopedDatabase(server.db, async () => [ids.acme], capturedLog().log);
    expect(await scoped.read(`MATCH (n:Organization) WHERE ${VISIBLE('n')} RETURN n.key AS key`)).toEqual([{ key: 'acme' }]);
    expect(await scoped.readTransaction((tx) => tx.run('RETURN $visible AS visible'))).toEqual([{ visible: [ids.acme] }]);
  });

  it('refuses, under a scope, a query that does not mention $visible, and logs its Cypher', async () => {
    const { log, lines } = capturedLog();
    const scoped = new ScopedDatabase(server.db, async () => [ids.acme], log);
    const unscoped = 'MATCH (n:Organization) RETURN n.key AS key';
    await expect(scoped.read(unscoped)).rejects.toBeInstanceOf(UnscopedQueryError);
    await expect(scoped.writeTransaction((tx) => tx.run('MATCH (n:Organization) SET n.touched = true'))).rejects.toBeInstanceOf(UnscopedQueryError);
    expect(lines.map((line) => line.cypher)).toEqual([unscoped, 'MATCH (n:Organization) SET n.touched = true']);
    expect(lines.every((line) => line.level === 50)).toBe(true);
    const [{ touched }] = await server.db.read<{ touched: number }>('MATCH (n:Organization) WHERE n.touched RETURN count(n) AS touched');
    expect(touched).toBe(0);
    // Without a scope the same query runs: the guard is for scoped requests.
    const everything = new ScopedDatabase(server.db, async () => null, log);
    expect(await everything.read(unscoped)).toHaveLength(2);
  });

  it('works out the scope once per request, and only when the request reads', async () => {
    const before = switchable.calls;
    await switchable.within([ids.acme], () =>
      server.data(/* GraphQL */ `query ($acme: ID!) {
        node(id: $acme) { id }
        organizations(first: 5) { totalCount }
        search(text: "Acme") { node { id } }
      }`, { acme: ids.acme }));
    expect(switchable.calls - before).toBe(1);
    await server.data(/* GraphQL */ `{ lifecycleTransitions { from } }`);
    expect(switchable.calls - before).toBe(1);
  });

  it('answers a scoped request with what the scope holds only', async () => {
    const scoped = await switchable.within([ids.acme], () =>
      server.data(/* GraphQL */ `{ organizations(first: 5) { totalCount edges { node { key } } } }`));
    expect(scoped.organizations).toEqual({ totalCount: 1, edges: [{ node: { key: 'acme' } }] });
    const everything = await server.data(/* GraphQL */ `{ organizations(first: 5) { totalCount } }`);
    expect(everything.organizations.totalCount).toBe(2);
  });

  it('fails closed on a mutation nobody scoped: an internal error, and nothing written', async () => {
    const result = await switchable.within([ids.acme], () =>
      server.gql(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`, {
        graph: { nodes: [{ type: 'Organization', key: 'initech', properties: { name: 'Initech' } }], relationships: [] },
      }));
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    const [{ count }] = await server.db.read<{ count: number }>("MATCH (n:Organization {key: 'initech'}) RETURN count(n) AS count");
    expect(count).toBe(0);
  });
});
