import fs from 'node:fs';
import pino from 'pino';
import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { seedFiles, seedIfEmpty } from '../../src/import/seed';
import { useTestServer } from '../support/test-server';

const EXPORT = /* GraphQL */ `query ($id: ID!) { exportPersonData(personId: $id) }`;

/** The sample world as the seed files write it: nodes by key, and every relationship. */
function seedWorld(): { nodes: Map<string, ImportNode>; relationships: ImportRelationship[] } {
  const documents = seedFiles().map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as ImportDocument);
  return {
    nodes: new Map(documents.flatMap((d) => d.nodes ?? []).map((n) => [n.key, n])),
    relationships: documents.flatMap((d) => d.relationships ?? []),
  };
}

/** Seed values as Neo4j gives them back: instants with milliseconds, e-mails lower-case. */
function stored(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).toISOString();
  return value;
}
const storedProperties = (properties: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, stored(value)]));

const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));

describe('exportPersonData on the sample world', () => {
  const { server } = useTestServer();
  const world = seedWorld();
  // Finn Hansen has every kind of data: a job, reports, contacts, influence, a buying role,
  // contact history, consent decisions and complaints he raised.
  const KEY = 'p-finn-hansen';
  let idsByKey: Record<string, string> = {};
  let document: any;

  beforeAll(async () => {
    await server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' })));
    const rows = await server.db.read<{ key: string; id: string }>('MATCH (n:Entity) WHERE n.key IS NOT NULL RETURN n.key AS key, n.id AS id');
    idsByKey = Object.fromEntries(rows.map((row) => [row.key, row.id]));
    document = (await server.data(EXPORT, { id: idsByKey[KEY] })).exportPersonData;
  });

  const keyOf = (id: string) => Object.keys(idsByKey).find((key) => idsByKey[key] === id);
  const mine = () => world.relationships.filter((r) => r.from === KEY || r.to === KEY);

  it('holds the person’s every stored property', () => {
    expect(document.person).toMatchObject({ id: idsByKey[KEY], key: KEY, type: 'Person' });
    expect(document.person.properties).toMatchObject(storedProperties(world.nodes.get(KEY)!.properties));
    expect(Object.keys(document.person.properties).sort()).toEqual(
      [...Object.keys(world.nodes.get(KEY)!.properties), 'id', 'key', 'createdAt', 'updatedAt'].sort(),
    );
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
  });

  it('lists every relationship of the seed files with its properties and the other end’s id, key, type and name', () => {
    const expected = byKey(mine().map((r) => {
      const otherKey = r.from === KEY ? r.to : r.from;
      const other = world.nodes.get(otherKey)!;
      return {
        key: `${r.type}|${r.from === KEY ? 'OUTGOING' : 'INCOMING'}|${otherKey}`,
        type: r.type,
        direction: r.from === KEY ? 'OUTGOING' : 'INCOMING',
        properties: expect.objectContaining(storedProperties(r.properties)),
        other: { id: idsByKey[otherKey], key: otherKey, type: other.type, name: (other.properties?.name as string | undefined) ?? null },
      };
    }));
    const actual = byKey(document.relationships.map((r: any) => ({ key: `${r.type}|${r.direction}|${r.other.key}`, ...r })));
    expect(expected.length).toBeGreaterThan(15);
    expect(actual).toEqual(expected);
  });

  it('holds the interactions he took part in, with what they were about and who else took part', () => {
    const taken = mine().filter((r) => r.type === 'PARTICIPATED_IN').map((r) => r.to);
    expect(taken.length).toBeGreaterThan(0);
    expect(document.interactions.map((i: any) => i.key).sort()).toEqual([...taken].sort());
    for (const interaction of document.interactions) {
      expect(interaction).toMatchObject(storedProperties(world.nodes.get(interaction.key)!.properties));
      const about = world.relationships.filter((r) => r.type === 'ABOUT' && r.from === interaction.key).map((r) => r.to);
      expect(interaction.about.map((a: any) => a.key).sort()).toEqual(about.sort());
      const others = world.relationships.filter((r) => r.type === 'PARTICIPATED_IN' && r.to === interaction.key && r.from !== KEY);
      expect(interaction.otherParticipants.map((p: any) => keyOf(p.id)).sort()).toEqual(others.map((r) => r.from).sort());
      expect(interaction.otherParticipants.every((p: any) => Object.keys(p).sort().join() === 'id,type')).toBe(true);
    }
  });

  it('holds his consent decisions, buying roles and the cases he raised', () => {
    const consents = mine().filter((r) => r.type === 'GAVE').map((r) => r.to);
    expect(consents.length).toBeGreaterThan(0);
    expect(document.consents.map((c: any) => c.key).sort()).toEqual([...consents].sort());
    for (const consent of document.consents) expect(consent).toMatchObject(storedProperties(world.nodes.get(consent.key)!.properties));

    const roles = mine().filter((r) => r.type === 'BUYING_ROLE');
    expect(roles.length).toBeGreaterThan(0);
    expect(document.buyingRoles).toEqual(roles.map((r) => ({
      opportunity: { id: idsByKey[r.to], key: r.to, type: 'Opportunity', name: world.nodes.get(r.to)!.properties.name },
      roles: r.properties!.roles,
      stance: r.properties!.stance,
      properties: expect.objectContaining(r.properties),
    })));

    const cases = mine().filter((r) => r.type === 'RAISED_BY').map((r) => r.from);
    expect(cases.length).toBeGreaterThan(0);
    expect(document.casesRaised.map((c: any) => c.key).sort()).toEqual([...cases].sort());
    for (const raised of document.casesRaised) {
      expect(raised).toMatchObject(storedProperties(world.nodes.get(raised.key)!.properties));
      const concerns = world.relationships.filter((r) => r.type === 'CONCERNS' && r.from === raised.key).map((r) => r.to);
      expect(raised.concerns.map((c: any) => c.key)).toEqual(concerns);
    }
  });

  it('answers NOT_FOUND for an unknown id or one that is not a person', async () => {
    for (const id of ['no-such-id', idsByKey['org-bau-schmidt']]) {
      expect((await server.gql(EXPORT, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
