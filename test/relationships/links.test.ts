import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'schmidt', properties: { name: 'Bau Schmidt' } },
    { type: 'Organization', key: 'kiel', properties: { name: 'Bau Schmidt Kiel' } },
    { type: 'Organization', key: 'nord', properties: { name: 'Nordgroß' } },
    { type: 'Person', key: 'karl', properties: { name: 'Karl Schmidt' } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber' } },
    { type: 'Person', key: 'lars', properties: { name: 'Lars Möller' } },
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg' } },
  ],
  relationships: [],
};

describe('link and unlink mutations', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  const code = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0].extensions?.code;

  it('links and unlinks every stakeholder relationship with its properties', async () => {
    const link = await server.data(
      /* GraphQL */ `mutation ($anna: ID!, $karl: ID!, $lars: ID!, $schmidt: ID!, $kiel: ID!, $nord: ID!, $kim: ID!) {
         w: linkWorksAt(input: { personId: $anna, organizationId: $schmidt, title: "Leiterin Einkauf", since: "2019-02-01" }) { type created properties from { id } to { id } }
         r: linkReportsTo(input: { personId: $anna, managerId: $karl }) { type created }
         i: linkInfluences(input: { fromId: $karl, toId: $anna, weight: 0.7, topic: "budget" }) { type properties }
         s: linkServes(input: { partnerId: $nord, customerId: $schmidt, as: DISTRIBUTOR, territory: "Norden" }) { type properties }
         o: linkSubsidiaryOf(input: { subsidiaryId: $kiel, parentId: $schmidt }) { type }
         m: linkManages(input: { userId: $kim, organizationId: $schmidt, as: ACCOUNT_OWNER }) { type properties }
         l: linkWorksAt(input: { personId: $lars, organizationId: $schmidt }) { created }
       }`,
      ids,
    );
    expect(link.w).toMatchObject({ type: 'WORKS_AT', created: true, from: { id: ids.anna }, to: { id: ids.schmidt } });
    expect(link.w.properties).toMatchObject({ title: 'Leiterin Einkauf', since: '2019-02-01' });
    expect(link.i.properties).toMatchObject({ weight: 0.7, topic: 'budget' });
    expect(link.s.properties).toMatchObject({ as: 'DISTRIBUTOR', territory: 'Norden' });
    expect(link.m.properties).toMatchObject({ as: 'ACCOUNT_OWNER' });

    const { organization } = await server.data(
      /* GraphQL */ `query ($id: ID!) { organization(id: $id) { people { node { name } title } partners { node { name } territory } subsidiaries { name } managers { as } } }`,
      { id: ids.schmidt },
    );
    expect(organization).toEqual({
      people: [{ node: { name: 'Anna Weber' }, title: 'Leiterin Einkauf' }, { node: { name: 'Lars Möller' }, title: null }],
      partners: [{ node: { name: 'Nordgroß' }, territory: 'Norden' }],
      subsidiaries: [{ name: 'Bau Schmidt Kiel' }],
      managers: [{ as: 'ACCOUNT_OWNER' }],
    });

    // A second link updates the one relationship instead of adding another.
    const again = await server.data(/* GraphQL */ `mutation ($p: ID!, $o: ID!) { linkWorksAt(input: { personId: $p, organizationId: $o, title: "Einkaufsleitung" }) { created } }`, { p: ids.anna, o: ids.schmidt });
    expect(again.linkWorksAt.created).toBe(false);
    const [{ count }] = await server.db.read<{ count: number }>('MATCH (:Person {key: "anna"})-[r:WORKS_AT]->() RETURN count(r) AS count');
    expect(count).toBe(1);

    const un = await server.data(
      /* GraphQL */ `mutation ($anna: ID!, $karl: ID!, $schmidt: ID!, $kiel: ID!, $nord: ID!, $kim: ID!) {
         w: unlinkWorksAt(personId: $anna, organizationId: $schmidt)
         r: unlinkReportsTo(personId: $anna, managerId: $karl)
         i: unlinkInfluences(fromId: $karl, toId: $anna)
         s: unlinkServes(partnerId: $nord, customerId: $schmidt)
         o: unlinkSubsidiaryOf(subsidiaryId: $kiel, parentId: $schmidt)
         m: unlinkManages(userId: $kim, organizationId: $schmidt)
         again: unlinkManages(userId: $kim, organizationId: $schmidt)
       }`,
      ids,
    );
    expect(un).toEqual({ w: true, r: true, i: true, s: true, o: true, m: true, again: false });
  });

  it('sets KNOWS by hand as declaredStrength, raised by contact history where that is stronger', async () => {
    const query = /* GraphQL */ `mutation ($a: ID!, $b: ID!, $s: Float!) { linkKnows(input: { fromId: $a, toId: $b, strength: $s, source: "fair" }) { created properties } }`;
    const first = await server.data(query, { a: ids.kim, b: ids.lars, s: 0.3 });
    expect(first.linkKnows).toMatchObject({ created: true, properties: { strength: 0.3, declaredStrength: 0.3, source: 'fair' } });
    // Three logged interactions give 1 − 0.8³ = 0.488, more than the declared 0.3.
    await server.db.write('MATCH (:User {key: "kim"})-[r:KNOWS]-(:Person {key: "lars"}) SET r.interactionCount = 3');
    const second = await server.data(query, { a: ids.lars, b: ids.kim, s: 0.3 });
    expect(second.linkKnows.created).toBe(false);
    expect(second.linkKnows.properties.declaredStrength).toBe(0.3);
    expect(second.linkKnows.properties.strength).toBeCloseTo(0.488, 6);
    // A declaration above what history shows wins.
    const third = await server.data(query, { a: ids.kim, b: ids.lars, s: 0.9 });
    expect(third.linkKnows.properties).toMatchObject({ strength: 0.9, declaredStrength: 0.9, interactionCount: 3 });
    const { person } = await server.data(/* GraphQL */ `query ($id: ID!) { person(id: $id) { knows { node { id } strength declaredStrength interactionCount } } }`, { id: ids.lars });
    expect(person.knows).toEqual([{ node: { id: ids.kim }, strength: 0.9, declaredStrength: 0.9, interactionCount: 3 }]);
    expect((await server.data(/* GraphQL */ `mutation ($a: ID!, $b: ID!) { unlinkKnows(fromId: $a, toId: $b) }`, { a: ids.lars, b: ids.kim })).unlinkKnows).toBe(true);
  });

  it.each([0, -0.1, 1.01])('refuses a KNOWS strength of %p', async (s) => {
    expect(await code(/* GraphQL */ `mutation ($a: ID!, $b: ID!, $s: Float!) { linkKnows(input: { fromId: $a, toId: $b, strength: $s }) { created } }`, { a: ids.kim, b: ids.anna, s })).toBe('BAD_USER_INPUT');
  });

  it('refuses self-links, wrong endpoint types, unknown enums and unknown ids', async () => {
    expect(await code(/* GraphQL */ `mutation ($a: ID!) { linkReportsTo(input: { personId: $a, managerId: $a }) { created } }`, { a: ids.anna })).toBe('BAD_USER_INPUT');
    expect(await code(/* GraphQL */ `mutation ($p: ID!, $o: ID!) { linkWorksAt(input: { personId: $p, organizationId: $o }) { created } }`, { p: ids.schmidt, o: ids.nord })).toBe('BAD_USER_INPUT');
    expect(await code(/* GraphQL */ `mutation ($u: ID!, $o: ID!, $as: ManagesAs!) { linkManages(input: { userId: $u, organizationId: $o, as: $as }) { created } }`, { u: ids.kim, o: ids.nord, as: 'BOSS' })).toBe('BAD_USER_INPUT');
    expect(await code(/* GraphQL */ `mutation ($p: ID!) { linkWorksAt(input: { personId: $p, organizationId: "missing" }) { created } }`, { p: ids.anna })).toBe('NOT_FOUND');
    expect(await code(/* GraphQL */ `mutation ($p: ID!) { unlinkWorksAt(personId: "missing", organizationId: $p) }`, { p: ids.schmidt })).toBe('NOT_FOUND');
  });

  it('refuses a REPORTS_TO that would close a cycle in the manager chain', async () => {
    const link = /* GraphQL */ `mutation ($p: ID!, $m: ID!) { linkReportsTo(input: { personId: $p, managerId: $m }) { created } }`;
    await server.data(link, { p: ids.lars, m: ids.anna });
    await server.data(link, { p: ids.anna, m: ids.karl });
    const refused = await server.gql(link, { p: ids.karl, m: ids.lars });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/cycle/);
    const [{ count }] = await server.db.read<{ count: number }>('MATCH ()-[r:REPORTS_TO]->() RETURN count(r) AS count');
    expect(count).toBe(2);
  });

  it('lets only one of two opposite REPORTS_TO fired at once through, every time', async () => {
    const link = 'mutation ($p: ID!, $m: ID!) { linkReportsTo(input: { personId: $p, managerId: $m }) { created } }';
    const pairs = Array.from({ length: 30 }, (_, i) => [`a${i}`, `b${i}`]);
    const people = await server.importGraph({
      nodes: pairs.flat().map((key) => ({ type: 'Person', key, properties: { name: key } })),
    });
    for (const [a, b] of pairs) {
      const results = await Promise.all([
        server.gql(link, { p: people[a], m: people[b] }),
        server.gql(link, { p: people[b], m: people[a] }),
      ]);
      expect(results.map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    }
    const [{ cycles }] = await server.db.read<{ cycles: number }>('MATCH (p:Person) WHERE EXISTS { (p)-[:REPORTS_TO]->+(p) } RETURN count(p) AS cycles');
    expect(cycles).toBe(0);
  });

  it('lets two of three REPORTS_TO that would close a triangle through when fired at once', async () => {
    const link = 'mutation ($p: ID!, $m: ID!) { linkReportsTo(input: { personId: $p, managerId: $m }) { created } }';
    const triangles = Array.from({ length: 10 }, (_, i) => [`x${i}`, `y${i}`, `z${i}`]);
    const people = await server.importGraph({
      nodes: triangles.flat().map((key) => ({ type: 'Person', key, properties: { name: key } })),
    });
    for (const [x, y, z] of triangles) {
      const results = await Promise.all([[x, y], [y, z], [z, x]].map(([p, m]) => server.gql(link, { p: people[p], m: people[m] })));
      expect(results.map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK', 'OK']);
    }
    const [{ cycles }] = await server.db.read<{ cycles: number }>('MATCH (p:Person) WHERE EXISTS { (p)-[:REPORTS_TO]->+(p) } RETURN count(p) AS cycles');
    expect(cycles).toBe(0);
  });
});
