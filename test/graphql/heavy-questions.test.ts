import { parse, type OperationDefinitionNode } from 'graphql';
import { heavyQuestionBound } from '../../src/graphql/heavy-questions';
import { startTestServer } from '../support/test-server';

/** Drives the plugin's hooks for one operation, as Apollo does for a request. */
async function request(plugin: ReturnType<typeof heavyQuestionBound>, query: string, remainingMs = 10_000) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const hooks = (await plugin.requestDidStart!({} as any))!;
  const context = { document, operation, contextValue: { remainingMs: () => remainingMs } } as any;
  return {
    resolve: () => hooks.didResolveOperation!(context),
    finish: () => hooks.willSendResponse!(context),
  };
}

const PATHS = '{ relationshipPaths(fromId: "a", toId: "b") { hops } }';
const BUSY = { extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'BUSY', retryAfter: 1, http: { status: 503 } } };

describe('the bound on heavy questions', () => {
  it('answers BUSY at once when every turn is taken, and serves again once one is free', async () => {
    const plugin = heavyQuestionBound({ concurrency: 1, waitMs: 0 });
    const first = await request(plugin, PATHS);
    await first.resolve();
    const second = await request(plugin, PATHS);
    await expect(second.resolve()).rejects.toMatchObject(BUSY);
    await first.finish();
    const third = await request(plugin, PATHS);
    await expect(third.resolve()).resolves.toBeUndefined();
  });

  it('lets a question wait up to HEAVY_QUERY_WAIT_MS for a turn', async () => {
    const plugin = heavyQuestionBound({ concurrency: 1, waitMs: 60_000 });
    const first = await request(plugin, PATHS);
    await first.resolve();
    const second = await request(plugin, PATHS);
    let served = false;
    const waiting = second.resolve().then(() => (served = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(served).toBe(false);
    await first.finish();
    await waiting;
    expect(served).toBe(true);
  });

  it('never waits past the request deadline', async () => {
    const plugin = heavyQuestionBound({ concurrency: 1, waitMs: 60_000 });
    await (await request(plugin, PATHS)).resolve();
    await expect((await request(plugin, PATHS, 0)).resolve()).rejects.toMatchObject(BUSY);
  });

  it('takes a turn per heavy field, at any depth, and none for other questions', async () => {
    const plugin = heavyQuestionBound({ concurrency: 2, waitMs: 0 });
    const two = await request(plugin, `{ a: relationshipPaths(fromId: "a", toId: "b") { hops } opportunity(id: "o") { buyingCenter { coverage } } }`);
    await two.resolve();
    await expect((await request(plugin, PATHS)).resolve()).rejects.toMatchObject(BUSY);
    await expect((await request(plugin, '{ organizations { totalCount } }')).resolve()).resolves.toBeUndefined();
    await expect((await request(plugin, 'mutation { importGraph(graph: {}) { nodesCreated } }')).resolve()).resolves.toBeUndefined();
    await two.finish();
    await expect((await request(plugin, PATHS)).resolve()).resolves.toBeUndefined();
  });

  it('answers a busy request over HTTP with 503 and Retry-After, and never makes it queue', async () => {
    const server = await startTestServer({ app: { heavyQuestions: { concurrency: 1, waitMs: 0 } } });
    try {
      const ids = await server.importGraph({
        nodes: [
          { type: 'Person', key: 'p-1', properties: { name: 'One' } },
          { type: 'Person', key: 'p-2', properties: { name: 'Two' } },
        ],
        relationships: [{ type: 'KNOWS', from: 'p-1', to: 'p-2', properties: { strength: 0.8 } }],
      });
      const query = JSON.stringify({ query: `{ relationshipPaths(fromId: "${ids['p-1']}", toId: "${ids['p-2']}") { strength } }` });
      const credentials = await server.credentials('ADMIN');
      const answers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...credentials }, body: query });
          return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
        }),
      );
      const busy = answers.filter((answer) => answer.status === 503);
      process.stdout.write(`\n12 concurrent relationshipPaths with HEAVY_QUERY_CONCURRENCY=1, HEAVY_QUERY_WAIT_MS=0: ${answers.length - busy.length} answered, ${busy.length} busy\n`);
      for (const answer of answers) {
        if (answer.status === 200) expect(answer.body).toEqual({ data: { relationshipPaths: [{ strength: 0.8 }] } });
        else {
          expect(answer.retryAfter).toBe('1');
          expect(answer.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'BUSY', retryAfter: 1 });
          expect(answer.body.errors[0].message).toMatch(/busy: .* \(HEAVY_QUERY_CONCURRENCY=1\); retry in a moment/);
        }
      }
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });
});
