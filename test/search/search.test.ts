import { escapeLucene, luceneQuery } from '../../src/search/lucene-query';
import { useTestServer } from '../support/test-server';

describe('search', () => {
  const { server } = useTestServer({
    graph: {
      nodes: [
        { type: 'Organization', key: 'ww', properties: { name: 'Wärmewerk Heiztechnik GmbH', domain: 'waermewerk.example' } },
        { type: 'Organization', key: 'nord', properties: { name: 'Nordgroß Haustechnik' } },
        { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna.weber@bau-schmidt.example', title: 'Leiterin Einkauf' } },
        { type: 'Person', key: 'annette', properties: { name: 'Annette Riedel', title: 'Energieberaterin' } },
        { type: 'User', key: 'kim', properties: { name: 'Kim Berg', email: 'kim.berg@waermewerk.example' } },
        { type: 'Organization', key: 'weird', properties: { name: 'C++ & Söhne (Heizung) [Nord]' } },
      ],
    },
  });
  beforeAll(async () => {
    // The full-text index is eventually consistent; wait until the last node is searchable.
    for (let i = 0; i < 50; i += 1) {
      const hits = await server.db.read("CALL db.index.fulltext.queryNodes('entity_search', 'riedel') YIELD node RETURN node");
      if (hits.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  const search = async (text: string, types?: string[]) =>
    (await server.data(/* GraphQL */ `query ($t: String!, $types: [String!]) { search(text: $t, types: $types) { score node { __typename ... on Organization { name } ... on Person { name } ... on User { name } } } }`, { t: text, types })).search;

  it('finds by name, prefix, e-mail and title, best match first', async () => {
    expect((await search('anna')).map((hit: any) => hit.node.name)).toEqual(['Anna Weber']);
    expect((await search('ann')).map((hit: any) => hit.node.name).sort()).toEqual(['Anna Weber', 'Annette Riedel']);
    expect((await search('energieberaterin')).map((hit: any) => hit.node.name)).toEqual(['Annette Riedel']);
    expect((await search('anna.weber@bau-schmidt.example')).map((hit: any) => hit.node.name)).toEqual(['Anna Weber']);
    const hits = await search('haustechnik nord');
    expect(hits[0].node.name).toBe('Nordgroß Haustechnik');
    for (let i = 1; i < hits.length; i += 1) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('restricts to the given types', async () => {
    const hits = await search('waermewerk', ['User']);
    expect(hits.map((hit: any) => hit.node)).toEqual([{ __typename: 'User', name: 'Kim Berg' }]);
  });

  it('treats Lucene syntax in user text as plain text', async () => {
    expect((await search('C++ & (Heizung) [Nord]')).map((hit: any) => hit.node.name)).toContain('C++ & Söhne (Heizung) [Nord]');
    for (const text of ['"', 'a:b', 'AND', '*', 'foo~', '\\']) {
      const result = await server.gql(/* GraphQL */ `query ($t: String!) { search(text: $t) { score } }`, { t: text });
      expect(result.errors).toBeUndefined();
    }
  });

  it('refuses empty text and unknown types', async () => {
    for (const [text, types] of [['', undefined], ['   ', undefined], ['anna', ['Spaceship']]] as const) {
      const result = await server.gql(/* GraphQL */ `query ($t: String!, $types: [String!]) { search(text: $t, types: $types) { score } }`, { t: text, types });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t');
    expect(luceneQuery('Wärme  Kassel')).toBe('(wärme OR wärme*) AND (kassel OR kassel*)');
  });
});
