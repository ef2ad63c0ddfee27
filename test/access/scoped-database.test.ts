import { Writable } from 'node:stream';
import pino from 'pino';
import { ScopedDatabase, UnscopedQueryError } from '../../src/neo4j/scoped-database';
import { VISIBLE } from '../../src/nodes/visibility';
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

/** Two firms; a partner's portal user acting for acme, and a user who is both ADMIN and PARTNER. */
const GRAPH = {
  nodes: [
    { type: 'Organization' as const, key: 'acme', properties: { name: 'Acme' } },
    { type: 'Organization' as const, key: 'globex', properties: { name: 'Globex' } },
    { type: 'User' as const, key: 'acme-portal', properties: { name: 'Acme Portal', roles: ['PARTNER'] } },
    { type: 'User' as const, key: 'acme-admin', properties: { name: 'Acme Admin', roles: ['ADMIN', 'PARTNER'] } },
  ],
  relationships: [
    { type: 'ACTS_FOR' as const, from: 'acme-portal', to: 'acme', properties: {} },
    { type: 'ACTS_FOR' as const, from: 'acme-admin', to: 'acme', properties: {} },
  ],
};

describe("the request's scoped door to Neo4j", () => {
  const { server, ids } = useTestServer({ graph: GRAPH });
  const partner = server.as({ user: 'acme-portal' });

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

  it('works out the scope once, when the first query runs, and not at all without a query', async () => {
    let calls = 0;
    const scope = async () => {
      calls += 1;
      return [ids.acme];
    };
    const scoped = new ScopedDatabase(server.db, scope, capturedLog().log);
    expect(calls).toBe(0);
    const query = `MATCH (n:Organization) WHERE ${VISIBLE('n')} RETURN n.key AS key`;
    const answers = await Promise.all([scoped.read(query), scoped.read(query), scoped.readTransaction((tx) => tx.run(query))]);
    expect(answers).toEqual([[{ key: 'acme' }], [{ key: 'acme' }], [{ key: 'acme' }]]);
    expect(calls).toBe(1);
  });

  it("answers a PARTNER's request with what its scope holds only", async () => {
    const scoped = await partner.data(/* GraphQL */ `{ organizations(first: 5) { totalCount edges { node { key } } } }`);
    expect(scoped.organizations).toEqual({ totalCount: 1, edges: [{ node: { key: 'acme' } }] });
    const everything = await server.data(/* GraphQL */ `{ organizations(first: 5) { totalCount } }`);
    expect(everything.organizations.totalCount).toBe(2);
  });

  it('scopes a PARTNER who also holds ADMIN, and fails closed on a mutation nobody scoped: an internal error, nothing written', async () => {
    const mixed = server.as({ user: 'acme-admin' });
    const seen = await mixed.data(/* GraphQL */ `{ organizations(first: 5) { totalCount } }`);
    expect(seen.organizations.totalCount).toBe(1);
    const audited = async () => (await server.db.read<{ n: number }>('MATCH (a:AuditEntry) RETURN count(a) AS n'))[0].n;
    const auditedBefore = await audited();
    const result = await mixed.gql(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`, {
      graph: { nodes: [{ type: 'Organization', key: 'initech', properties: { name: 'Initech' } }], relationships: [] },
    });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    const [{ count }] = await server.db.read<{ count: number }>("MATCH (n:Organization {key: 'initech'}) RETURN count(n) AS count");
    expect(count).toBe(0);
    expect(await audited()).toBe(auditedBefore);
  });
});
