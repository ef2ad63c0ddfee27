import { forgetExpiredKeys } from '../../src/graphql/idempotency';
import { useTestServer, type GraphQLResponse } from '../support/test-server';

interface Answer {
  status: number;
  replayed: boolean;
  body: GraphQLResponse;
}

const CREATE = /* GraphQL */ `
  mutation Create($name: String!) {
    createOrganization(input: { name: $name }) { id name }
  }
`;

const LOG_CALL = /* GraphQL */ `
  mutation LogCall($input: LogInteractionInput!) {
    logInteraction(input: $input) { id }
  }
`;

const COUNT_NAMED = 'MATCH (o:Organization {name: $name}) RETURN count(o) AS count';

describe('Idempotency-Key', () => {
  const { server, ids } = useTestServer({
    freshEach: true,
    graph: {
      nodes: [
        { type: 'User', key: 'u-kim', properties: { name: 'Kim Vogel', email: 'kim@example.com' } },
        { type: 'Person', key: 'p-lena', properties: { name: 'Lena Roth' } },
      ],
    },
  });

  async function post(query: string, variables: Record<string, unknown>, key?: string): Promise<Answer> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await server.credentials('ADMIN')), ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', body: (await response.json()) as GraphQLResponse };
  }

  const countNamed = async (name: string) => (await server.db.read<{ count: number }>(COUNT_NAMED, { name }))[0].count;

  it('answers a retry with the first result and writes nothing twice', async () => {
    const first = await post(CREATE, { name: 'Retry GmbH' }, '"5f0c7a4e-1d1b-4c55-9b1e-0d6f3c2a9e11"');
    const retry = await post(CREATE, { name: 'Retry GmbH' }, '"5f0c7a4e-1d1b-4c55-9b1e-0d6f3c2a9e11"');
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ status: 200, replayed: true, body: first.body });
    expect(await countNamed('Retry GmbH')).toBe(1);
  });

  it('takes the key bare as well as quoted', async () => {
    const quoted = await post(CREATE, { name: 'Bare AG' }, '"key-1"');
    const bare = await post(CREATE, { name: 'Bare AG' }, 'key-1');
    expect(bare.body).toEqual(quoted.body);
    expect(await countNamed('Bare AG')).toBe(1);
  });

  it('keeps a mutation of several writes whole: a retried contact is counted once on KNOWS', async () => {
    const input = { type: 'CALL', occurredAt: '2025-03-01T09:00:00Z', participantIds: [ids['u-kim'], ids['p-lena']] };
    const first = await post(LOG_CALL, { input }, 'call-1');
    const retries = await Promise.all([1, 2, 3].map(() => post(LOG_CALL, { input }, 'call-1')));
    expect(retries.map((answer) => answer.body)).toEqual([first.body, first.body, first.body]);
    const [knows] = await server.db.read<{ interactions: number; count: number }>(
      `MATCH (:User {key: 'u-kim'})-[k:KNOWS]-(:Person {key: 'p-lena'})
       RETURN k.interactionCount AS interactions, COUNT { (:Interaction) } AS count`,
    );
    expect(knows).toEqual({ interactions: 1, count: 1 });
  });

  it('writes once when the same request with the same key arrives many times at once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(CREATE, { name: 'Concurrent KG' }, 'burst-1')));
    const created = answers.map((answer) => answer.body.data?.createOrganization.id);
    expect(new Set(created).size).toBe(1);
    expect(created[0]).toEqual(expect.any(String));
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(await countNamed('Concurrent KG')).toBe(1);
  });

  it('refuses the same key with a different request as CONFLICT, and writes nothing', async () => {
    await post(CREATE, { name: 'First Use GmbH' }, 'reused-key');
    const other = await post(CREATE, { name: 'Second Use GmbH' }, 'reused-key');
    expect(other.status).toBe(422);
    expect(other.body.data).toBeNull();
    expect(other.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(other.body.errors?.[0].message).toMatch(/Idempotency-Key "reused-key" was used at .* for a different request; .* a new request needs a new key/);
    expect(await countNamed('Second Use GmbH')).toBe(0);
  });

  it('stores nothing for a refused mutation, so the key stays free for the corrected request', async () => {
    const refused = await post(CREATE, { name: '' }, 'fix-and-retry');
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fixed = await post(CREATE, { name: 'Corrected GmbH' }, 'fix-and-retry');
    expect(fixed.body.errors).toBeUndefined();
    expect(fixed.replayed).toBe(false);
    expect(await countNamed('Corrected GmbH')).toBe(1);
  });

  it('covers one mutation: an operation with a key and two mutation fields is refused before it writes', async () => {
    const two = await post(
      /* GraphQL */ `mutation Two { a: createOrganization(input: { name: "Twin A" }) { id } b: createOrganization(input: { name: "Twin B" }) { id } }`,
      {},
      'two-at-once',
    );
    expect(two.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(two.body.errors?.[0].message).toMatch(/covers one mutation, and this operation has 2 mutation fields/);
    expect((await countNamed('Twin A')) + (await countNamed('Twin B'))).toBe(0);
  });

  it('refuses a key that is empty, too long or not printable ASCII with BAD_USER_INPUT', async () => {
    for (const key of ['""', 'k'.repeat(256), 'schlüssel']) {
      const answer = await post(CREATE, { name: 'Never GmbH' }, key);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0].message).toMatch(/1 to 255 printable ASCII characters/);
    }
    expect(await countNamed('Never GmbH')).toBe(0);
  });

  it('treats an expired key as new, and forgets expired keys', async () => {
    await post(CREATE, { name: 'Expiring GmbH' }, 'old-key');
    const [kept] = await server.db.read<{ hours: number }>(
      "MATCH (k:IdempotencyKey {key: 'old-key'}) RETURN duration.inSeconds(k.createdAt, k.expiresAt).hours AS hours",
    );
    expect(kept.hours).toBe(24);
    await server.db.write("MATCH (k:IdempotencyKey {key: 'old-key'}) SET k.expiresAt = datetime() - duration('PT1M')");
    const again = await post(CREATE, { name: 'Expiring GmbH' }, 'old-key');
    expect(again.replayed).toBe(false);
    expect(await countNamed('Expiring GmbH')).toBe(2);

    await server.db.write("MATCH (k:IdempotencyKey {key: 'old-key'}) SET k.expiresAt = datetime() - duration('PT1M')");
    expect(await server.db.writeTransaction(forgetExpiredKeys)).toBe(1);
    expect(await server.db.read('MATCH (k:IdempotencyKey) RETURN k')).toEqual([]);
  });

  it('writes twice without a key (what the key protects against)', async () => {
    await post(CREATE, { name: 'No Key GmbH' });
    await post(CREATE, { name: 'No Key GmbH' });
    expect(await countNamed('No Key GmbH')).toBe(2);
  });

  it('lets a query with a key through as a query', async () => {
    const answer = await post(/* GraphQL */ `query One($id: ID!) { node(id: $id) { id } }`, { id: ids['p-lena'] }, 'query-key');
    expect(answer.body).toEqual({ data: { node: { id: ids['p-lena'] } } });
    expect(await server.db.read('MATCH (k:IdempotencyKey) RETURN k')).toEqual([]);
  });
});
