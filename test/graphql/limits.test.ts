import { DEFAULT_LIMITS } from '../../src/config';
import { startTestServer, type TestServer } from '../support/test-server';

/** A chain of `length` fragments, each spreading the next one twice: 2^length fields if walked naively. */
function doubledFragmentChain(length: number): string {
  let fragments = '';
  for (let i = 0; i < length; i++) fragments += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `query { ...F0 }\n${fragments}fragment F${length} on Query { __typename }\n`;
}

function nested(depth: number): string {
  let selection = 'id';
  for (let i = 0; i < depth; i++) selection = `... on Person { manager { ${selection} } }`;
  return `{ people(first: 1) { edges { node { ${selection} } } } }`;
}

const HOSTILE: [string, string, RegExp][] = [
  ['a chain of 24 fragments each spreading the next twice', doubledFragmentChain(24), /costs 16777216; at most 100000 is allowed \(GRAPHQL_MAX_COST\)/],
  ['2000 aliases', `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ')} }`, /Aliases limit of 30 exceeded, found 2000 \(GRAPHQL_MAX_ALIASES\)/],
  ['60,000 tokens', `query ($t: String) { search(text: "x", types: [${'$t'.repeat(30_000)}]) { score } }`, /more than 10000 tokens \(GRAPHQL_MAX_TOKENS\)/],
  ['a depth of 50', nested(50), /depth limit of 12 exceeded, found 5\d \(GRAPHQL_MAX_DEPTH\)/],
  ['60 directives', `{ ${Array.from({ length: 60 }, () => '__typename @include(if: true)').join(' ')} }`, /Directives limit of 50 exceeded, found 60 \(GRAPHQL_MAX_DIRECTIVES\)/],
  ['200,000 characters', `{ __typename } # ${'x'.repeat(200_000)}`, /200017 characters; at most 100000 are allowed \(GRAPHQL_MAX_CHARACTERS\)/],
  ['lists nested 6000 deep', `{ search(text: "x", types: ${'['.repeat(6000)}${']'.repeat(6000)}) { score } }`, /nests too deeply/],
];

describe('hostile documents', () => {
  let server: TestServer;
  const figures: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    process.stdout.write(`\nhostile documents (ms to refuse; /healthz answers during it, ms):\n${figures.join('\n')}\n`);
    await server.stop();
  });

  /** Sends the document once while /healthz is asked three times; the figures are the ms each took. */
  async function refuseWhileHealthAnswers(query: string) {
    const headers = { 'content-type': 'application/json', ...(await server.credentials('ADMIN')) };
    const started = Date.now();
    const refusal = fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query }) }).then(async (response) => ({
      response,
      body: (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] },
      ms: Date.now() - started,
    }));
    const health = await Promise.all(
      [0, 1, 2].map(async () => {
        const asked = Date.now();
        const response = await fetch(`${server.baseUrl}/healthz`);
        return { status: response.status, ms: Date.now() - asked };
      }),
    );
    return { ...(await refusal), health };
  }

  it.each(HOSTILE)('refuses %s with BAD_USER_INPUT naming the limit, while /healthz keeps answering', async (name, query, message) => {
    // The first of a kind meets a cold JIT; a server that has run a while answers like the second.
    const first = await refuseWhileHealthAnswers(query);
    const again = await refuseWhileHealthAnswers(query);
    figures.push(`  ${name}: ${first.ms} ms, again ${again.ms} ms; /healthz ${[...first.health, ...again.health].map((h) => h.ms).join(', ')} ms`);

    for (const { response, body, health } of [first, again]) {
      expect(response.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(message);
      expect(health.map((h) => h.status)).toEqual([200, 200, 200]);
    }
  });

  it('still answers operations right at the limits', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ');
    expect((await server.gql(`{ ${aliases} }`)).errors).toBeUndefined();
    expect((await server.gql(nested(8))).errors).toBeUndefined();
  });
});

describe('the cost of an operation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ keepData: true, app: { limits: { ...DEFAULT_LIMITS, maxCost: 20_300 } } });
  });
  afterAll(() => server.stop());

  // 1 + n × (edges 1 + node 1 + people (1 + m × (node 1 + name 1))): 20301 for n = m = 100
  const PAGE = 'query ($n: Int, $m: Int) { organizations(first: $n) { edges { node { people(first: $m) { node { name } } } } } }';

  it('counts a nested list once per item of the list around it, with the page sizes from the variables', async () => {
    const refused = await server.gql(PAGE, { n: 100, m: 100 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/The operation costs 20301; at most 20300 is allowed \(GRAPHQL_MAX_COST\)/);
    expect((await server.gql(PAGE, { n: 100, m: 99 })).errors).toBeUndefined();
  });

  it('counts a page size left out as the schema default', async () => {
    // people(first: Int = 100): leaving it out costs as much as asking for 100
    const result = await server.gql('{ organizations(first: 100) { edges { node { people { node { name } } } } } }');
    expect(result.errors?.[0].message).toMatch(/costs 20301/);
  });

  it('refuses three nested pages of 100 at the default limit', async () => {
    const defaults = await startTestServer({ keepData: true });
    try {
      const result = await defaults.gql('{ organizations(first: 100) { edges { node { people(first: 100) { node { knows(first: 100) { node { id } } } } } } } }');
      expect(result.errors?.[0].message).toMatch(/The operation costs 2020301; at most 100000 is allowed \(GRAPHQL_MAX_COST\)/);
    } finally {
      await defaults.stop();
    }
  });
});
