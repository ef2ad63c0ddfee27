import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { useTestServer } from '../support/test-server';

describe('the API server', () => {
  const { server } = useTestServer();

  it('is alive at /healthz and ready at /readyz while Neo4j answers', async () => {
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers a query from the database', async () => {
    const ids = await server.importGraph({
      nodes: [{ type: 'Organization', key: 'org-1', properties: { name: 'Acme Heizung', city: 'Kassel' } }],
    });
    const data = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { __typename id key ... on Organization { name city } } }`, {
      id: ids['org-1'],
    });
    expect(data.node).toEqual({ __typename: 'Organization', id: ids['org-1'], key: 'org-1', name: 'Acme Heizung', city: 'Kassel' });
  });

  it('returns null for an id that does not exist', async () => {
    const data = await server.data(/* GraphQL */ `{ node(id: "no-such-id") { id } }`);
    expect(data.node).toBeNull();
  });

  it('gives bad input a BAD_USER_INPUT error with a message a person can act on', async () => {
    const result = await server.gql(/* GraphQL */ `mutation { importGraph(graph: {nodes: [{type: "Planet", key: "x"}]}) { nodesCreated } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.problems).toEqual([
      { path: 'nodes[0].type', message: expect.stringContaining('must be one of Organization, Person, User') },
    ]);
  });

  /**
   * organizations → edges → node, then `hops` times people → node / employers → node, then name;
   * one item per page, so that only the depth is over a limit, not the cost.
   */
  const nested = (hops: number) => {
    let selection = 'name';
    for (let i = hops; i > 0; i--) selection = `${i % 2 ? 'people' : 'employers'}(first: 1) { node { ${selection} } }`;
    return `{ organizations(first: 1) { edges { node { ${selection} } } } }`;
  };

  it('refuses operations nested deeper than the limit', async () => {
    // Not marked /* GraphQL */: built at run time, deliberately deeper than the limit.
    const result = await server.gql(nested(5)); // 14 levels
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/depth limit of 12 exceeded, found 14 \(GRAPHQL_MAX_DEPTH\)/);
  });

  it('allows operations within the depth limit', async () => {
    const result = await server.gql(nested(4)); // 12 levels
    expect(result.errors).toBeUndefined();
  });

  it('does not count introspection, so an IDE can load the schema', async () => {
    let typeRef = 'name';
    for (let i = 0; i < 12; i++) typeRef = `kind name ofType { ${typeRef} }`;
    // Not marked /* GraphQL */: built at run time.
    const result = await server.gql(`{ __schema { types { fields { type { ${typeRef} } } } } }`);
    expect(result.errors).toBeUndefined();
  });

  it('refuses operations with too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    // Not marked /* GraphQL */: built at run time, deliberately over the alias limit (and just under it below).
    const result = await server.gql(`{ ${aliases} }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/Aliases limit of 30 exceeded, found 31 \(GRAPHQL_MAX_ALIASES\)/);
    const fine = await server.gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(fine.errors).toBeUndefined();
  });

  it('answers unknown routes with 404', async () => {
    expect((await fetch(`${server.baseUrl}/nothing-here`)).status).toBe(404);
  });
});

describe('the API server in production', () => {
  const { server } = useTestServer({ production: true, keepData: true });

  it('turns introspection off', async () => {
    const result = await server.gql(/* GraphQL */ `{ __schema { queryType { name } } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sends no stack traces with errors', async () => {
    const result = await server.gql(/* GraphQL */ `mutation { importGraph(graph: {nodes: [{type: "Planet", key: "x"}]}) { nodesCreated } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
  });

  it('suggests no field names', async () => {
    const result = await server.gql('{ organizationz(first: 1) { totalCount } }');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/^Cannot query field "organizationz" on type "Query"/);
    expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('the API server in development', () => {
  const { server } = useTestServer({ keepData: true });

  it('suggests field names to the developer', async () => {
    const result = await server.gql('{ organizationz(first: 1) { totalCount } }');
    expect(result.errors?.[0].message).toMatch(/Did you mean "organization/);
  });
});

describe('the API server when a client hangs up mid-request', () => {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  }));
  const { server } = useTestServer({ app: { log } });

  /** Sends a signed-in POST whose body stops halfway, then closes the connection. */
  async function hangUpMidBody(): Promise<void> {
    const { hostname, port } = new URL(server.url);
    const headers = Object.entries(await server.credentials({ user: 'u-test-admin' })).map(([name, value]) => `${name}: ${value}`);
    const socket = net.connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(['POST /graphql HTTP/1.1', `host: ${hostname}`, 'content-type: application/json', 'content-length: 100', ...headers, '', '{"query":'].join('\r\n'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
  }

  it('notes it at info level and logs no error', async () => {
    await hangUpMidBody();
    const deadline = Date.now() + 10_000;
    while (!lines.some((line) => line.msg.includes('client closed')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((line) => line.msg.includes('client closed')).map((line) => line.level)).toEqual([30]);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    // The server goes on answering.
    expect((await server.data('{ __typename }')).__typename).toBe('Query');
  });
});
