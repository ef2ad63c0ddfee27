import { createHash } from 'node:crypto';
import pino from 'pino';
import { seedIfEmpty } from '../../src/import/seed';
import { useTestServer, type TestServer } from '../support/test-server';

const ERASE = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { erasePerson(personId: $id, reason: $reason) }`;
const IMPORT = /* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`;
const CREATE_PERSON = /* GraphQL */ `mutation ($key: String!) { createPerson(input: {key: $key, name: "Someone"}) { id } }`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every stored property value of every node and relationship, lower-cased, with where it sits. */
async function everyStoredValue(server: TestServer): Promise<{ where: string; text: string }[]> {
  const rows = await server.db.read<{ where: string; properties: Record<string, unknown> }>(`
    MATCH (n) RETURN 'node ' + coalesce(n.key, n.id, elementId(n)) AS where, properties(n) AS properties
    UNION ALL
    MATCH ()-[r]->() RETURN 'relationship ' + type(r) + ' ' + elementId(r) AS where, properties(r) AS properties`);
  return rows.flatMap((row) =>
    Object.entries(row.properties).map(([name, value]) => ({ where: `${row.where}.${name}`, text: JSON.stringify(value).toLowerCase() })));
}

describe('erasePerson on the sample world', () => {
  const { server } = useTestServer();
  const KEY = 'p-finn-hansen';
  const NAME = 'Finn Hansen';
  const EMAIL = 'finn.hansen@bau-schmidt.example';
  const PHONE = '+49 569 425682';
  let ids: Record<string, string> = {};
  let erasedAt = 0;
  let buyingCenterBefore: string[] = [];
  const buyingCenter = async () => (await server.db.read<{ key: string }>(
    "MATCH (:Opportunity {key: 'opp-bau-schmidt-service'})<-[:BUYING_ROLE]-(p) RETURN p.key AS key ORDER BY key")).map((row) => row.key);

  const idOf = async (key: string) =>
    (await server.db.read<{ id: string }>('MATCH (n:Entity {key: $key}) RETURN n.id AS id', { key }))[0]?.id;

  beforeAll(async () => {
    await server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' })));
  });
  beforeAll(async () => {
    for (const key of [KEY, 'u-kim-berg', 'p-anna-weber', 'org-bau-schmidt', 'ia-038', 'ia-041', 'case-0012', 'case-0013']) {
      ids[key] = await idOf(key);
    }
    // Contact history that names him in its text, as notes do: it must not keep his data.
    await server.data(/* GraphQL */ `mutation ($kim: ID!, $finn: ID!, $org: ID!) { logInteraction(input: {
      type: CALL, direction: OUTBOUND, occurredAt: "2026-10-01T09:00:00Z", participantIds: [$kim, $finn], aboutIds: [$org],
      summary: "Rückruf bei FINN HANSEN (finn.hansen@bau-schmidt.example, +49 569 425682) wegen Wartung",
      outcome: "Finn Hansen bestätigt Termin" }) { id } }`, { kim: ids['u-kim-berg'], finn: ids[KEY], org: ids['org-bau-schmidt'] });
    // Contact with him alone: nobody is left in it after the erasure.
    await server.data(/* GraphQL */ `mutation ($finn: ID!) { logInteraction(input: {
      type: WEB_FORM, direction: INBOUND, occurredAt: "2026-10-02T09:00:00Z", participantIds: [$finn], summary: "Kontaktformular" }) { id } }`,
    { finn: ids[KEY] });
    buyingCenterBefore = await buyingCenter();
    expect(buyingCenterBefore).toContain(KEY);
    // The scan below finds him while he is there.
    const before = await everyStoredValue(server);
    expect(before.some((value) => value.text.includes(NAME.toLowerCase()))).toBe(true);
  });
  beforeAll(async () => {
    erasedAt = Date.now();
    const { erasePerson } = await server.data(ERASE, { id: ids[KEY], reason: 'Erasure request of Finn Hansen, ticket 4712' });
    expect(erasePerson).toBe(ids[KEY]);
  });

  it('leaves no node, relationship or stored value with his name, e-mail, phone or key', async () => {
    const values = await everyStoredValue(server);
    expect(values.length).toBeGreaterThan(1000);
    for (const term of [NAME, EMAIL, PHONE, KEY]) {
      expect(values.filter((value) => value.text.includes(term.toLowerCase()))).toEqual([]);
    }
    expect(await idOf(KEY)).toBeUndefined();
    const [{ left }] = await server.db.read<{ left: number }>(
      'MATCH (n) WHERE n.id = $id OR EXISTS { (n)--(m) WHERE m.id = $id } RETURN count(n) AS left', { id: ids[KEY] });
    expect(left).toBe(1); // the tombstone, which has no relationships
  });

  it('finds him in no search and no lookup', async () => {
    const result = await server.data(/* GraphQL */ `query ($id: ID!) {
      byName: search(text: "Finn Hansen") { node { id } }
      byMail: search(text: "finn.hansen") { node { id } }
      node(id: $id) { id }
      nodeByKey(key: "p-finn-hansen") { id }
    }`, { id: ids[KEY] });
    expect([...result.byName, ...result.byMail].map((hit: any) => hit.node.id)).not.toContain(ids[KEY]);
    expect(result.node).toBeNull();
    expect(result.nodeByKey).toBeNull();
    expect((await server.gql(/* GraphQL */ `query ($id: ID!) { exportPersonData(personId: $id) }`, { id: ids[KEY] })).errors?.[0]?.extensions?.code)
      .toBe('NOT_FOUND');
  });

  it('removes his consents and buying role, keeps shared contacts and his cases without him, deletes contacts left with nobody', async () => {
    const [row] = await server.db.read<any>(`
      RETURN COUNT { MATCH (c:Consent) WHERE c.key IN ['consent-00037', 'consent-00038'] } AS consents,
             COLLECT { MATCH (i:Interaction) WHERE i.key IN ['ia-038', 'ia-041']
                       RETURN [i.key, COLLECT { MATCH (p)-[:PARTICIPATED_IN]->(i) RETURN p.key ORDER BY p.key }] ORDER BY i.key } AS shared,
             COLLECT { MATCH (c:Case) WHERE c.key IN ['case-0012', 'case-0013'] RETURN [c.key, COUNT { (c)-[:RAISED_BY]->() }] ORDER BY c.key } AS cases,
             COUNT { MATCH (i:Interaction {summary: 'Kontaktformular'}) } AS alone,
             COLLECT { MATCH (i:Interaction {type: 'CALL'})-[:ABOUT]->(:Organization {key: 'org-bau-schmidt'})
                       WHERE i.occurredAt = datetime('2026-10-01T09:00:00Z') RETURN [i.summary, i.outcome] } AS redacted`);
    expect(row.consents).toBe(0);
    expect(await buyingCenter()).toEqual(buyingCenterBefore.filter((key) => key !== KEY));
    expect(row.shared).toEqual([['ia-038', ['p-anna-weber', 'u-kim-berg']], ['ia-041', ['u-kim-berg']]]);
    expect(row.cases).toEqual([['case-0012', 0], ['case-0013', 0]]);
    expect(row.alone).toBe(0);
    expect(row.redacted).toEqual([['Rückruf bei [erased] ([erased], [erased]) wegen Wartung', '[erased] bestätigt Termin']]);
  });

  it('leaves a tombstone with the id, when, why and the key’s SHA-256, and nothing personal', async () => {
    const rows = await server.db.read<{ labels: string[]; properties: Record<string, unknown> }>(
      'MATCH (e:ErasedPerson {id: $id}) RETURN labels(e) AS labels, properties(e) AS properties', { id: ids[KEY] });
    expect(rows).toHaveLength(1);
    expect(rows[0].labels).toEqual(['ErasedPerson']);
    expect(rows[0].properties).toEqual({
      id: ids[KEY], erasedAt: expect.any(String), reason: 'Erasure request of [erased], ticket 4712', keyHash: sha256(KEY),
    });
    expect(Date.parse(rows[0].properties.erasedAt as string)).toBeGreaterThanOrEqual(erasedAt - 1000);
  });

  it('refuses to import or create his key again, saying when he was erased, and writes nothing', async () => {
    const count = async () => (await server.db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n'))[0].n;
    const nodes = await count();
    const day = new Date().toISOString().slice(0, 10);
    const result = await server.gql(IMPORT, { graph: {
      nodes: [
        { type: 'Person', key: 'p-new-contact', properties: { name: 'New Contact' } },
        { type: 'Person', key: KEY, properties: { name: NAME, email: EMAIL } },
      ],
      relationships: [{ type: 'KNOWS', from: 'u-kim-berg', to: KEY, properties: {} }],
    } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'nodes[1].key', message: expect.stringContaining(`"${KEY}" belonged to a person erased on ${day}`) },
    ]);
    const alone = await server.gql(IMPORT, { graph: { relationships: [{ type: 'KNOWS', from: 'u-kim-berg', to: KEY }] } });
    expect(alone.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'relationships[0].to', message: expect.stringContaining(`erased on ${day}`) },
    ]);
    const created = await server.gql(CREATE_PERSON, { key: KEY });
    expect(created.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0]?.message).toContain(`erased on ${day}`);
    expect(await count()).toBe(nodes);
  });

  it('answers NOT_FOUND for an unknown id (and for the erased one), BAD_USER_INPUT for a blank reason', async () => {
    const code = async (variables: Record<string, unknown>) => (await server.gql(ERASE, variables)).errors?.[0]?.extensions?.code;
    expect(await code({ id: 'no-such-id', reason: 'test' })).toBe('NOT_FOUND');
    expect(await code({ id: ids[KEY], reason: 'test' })).toBe('NOT_FOUND');
    expect(await code({ id: ids['org-bau-schmidt'], reason: 'test' })).toBe('NOT_FOUND');
    expect(await code({ id: ids['p-anna-weber'], reason: ' ' })).toBe('BAD_USER_INPUT');
    expect(await idOf('p-anna-weber')).toBe(ids['p-anna-weber']);
  });
});
