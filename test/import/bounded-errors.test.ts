import { useTestServer } from '../support/test-server';

const IMPORT = /* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`;
const COUNTS = 'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships';
const MB = 1024 * 1024;

/** Posts a body as it is (signed in with `credentials`) and answers the status, the answer's size and the parsed answer. */
async function post(url: string, body: string, credentials: Record<string, string>) {
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...credentials }, body });
  const text = await response.text();
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    answer: JSON.parse(text),
    ms: Date.now() - started,
    rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / MB),
  };
}

describe('a big import of bad rows', () => {
  const { server } = useTestServer({ graph: { nodes: [{ type: 'Organization', key: 'org-kept', properties: { name: 'Kept' } }] } });
  const counts = async () => (await server.db.read(COUNTS))[0];

  it('is refused as BAD_USER_INPUT with the first 100 problems and their count, in a small answer, writing nothing', async () => {
    const before = await counts();
    // 40,000 people of about 270 bytes, each with two problems: a bad e-mail and an unknown property.
    const nodes = Array.from({ length: 40_000 }, (_, i) => ({
      type: 'Person',
      key: `p-${String(i).padStart(6, '0')}`,
      properties: { name: `Person ${i}`, email: `not-an-email-${'y'.repeat(150)}-${i}`, shoeSize: 43 },
    }));
    const body = JSON.stringify({ query: IMPORT, variables: { graph: { nodes } } });
    expect(body.length).toBeGreaterThan(10 * MB);

    const result = await post(server.url, body, await server.credentials('ADMIN'));
    console.log(`10 MB import of bad rows: refused in ${result.ms} ms, answer ${result.bytes} bytes, RSS growth ${result.rssGrowthMb} MB`);
    const [error] = result.answer.errors;
    expect(result.status).toBe(200);
    expect(result.answer.errors).toHaveLength(1);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.problemCount).toBe(80_000);
    expect(error.extensions.problems).toHaveLength(100);
    expect(error.extensions.problems.slice(0, 2)).toEqual([
      { path: 'nodes[0].properties.email', message: 'must be an e-mail address like name@example.com' },
      { path: 'nodes[0].properties.shoeSize', message: expect.stringMatching(/^is not a known property; allowed: name, /) },
    ]);
    expect(error.message).toBe('The import was rejected: 80000 problems (the first 100 in extensions.problems). Nothing was written.');
    expect(result.bytes).toBeLessThan(256 * 1024);
    expect(JSON.stringify(result.answer)).not.toContain('not-an-email');
    expect(await counts()).toEqual(before);
  });

  it('with more rows than IMPORT_MAX_ROWS is refused before any row is looked at', async () => {
    const before = await counts();
    const nodes = Array.from({ length: 160_000 }, (_, i) => ({ type: 'Robot', key: `r-${i}`, properties: { name: 'beep' } }));
    const body = JSON.stringify({ query: IMPORT, variables: { graph: { nodes } } });
    expect(body.length).toBeGreaterThan(9 * MB);

    const result = await post(server.url, body, await server.credentials('ADMIN'));
    console.log(`import of 160,000 rows over the row cap: refused in ${result.ms} ms, answer ${result.bytes} bytes, RSS growth ${result.rssGrowthMb} MB`);
    expect(result.answer.errors).toHaveLength(1);
    expect(result.answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.answer.errors[0].message).toMatch(/^The document has 160000 rows \(nodes and relationships\); importGraph takes at most 50000 \(IMPORT_MAX_ROWS\)/);
    expect(result.bytes).toBeLessThan(4 * 1024);
    expect(await counts()).toEqual(before);
  });

  it('with a body over BODY_LIMIT_MB is refused before it is parsed', async () => {
    const body = JSON.stringify({ query: IMPORT, variables: { graph: { nodes: [], padding: 'z'.repeat(17 * MB) } } });
    const result = await post(server.url, body, await server.credentials('ADMIN'));
    expect(result.status).toBe(400);
    expect(result.answer.errors[0]).toEqual({
      message: 'The request body is larger than 16 MB (BODY_LIMIT_MB); import big files with npm run import.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
