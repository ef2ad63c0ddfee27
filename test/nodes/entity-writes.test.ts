import { createEntity, deleteEntity, linkEntities, unlinkEntities, updateEntity } from '../../src/nodes/entity-writes';
import type { Tx } from '../../src/neo4j/database';
import { useTestServer } from '../support/test-server';

describe('generic entity writes', () => {
  const { server } = useTestServer();

  /** Runs one write step in its own transaction, as a mutation would. */
  const write = <T>(step: (tx: Tx) => Promise<T>) => server.db.writeTransaction(step);
  const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error) => error.extensions?.code);

  it('creates, updates and deletes a node with validated properties', async () => {
    const org = await write((tx) => createEntity(tx, 'Organization', { name: 'Acme', employees: 12, kinds: ['CUSTOMER'] }));
    expect(org).toMatchObject({ __typename: 'Organization', name: 'Acme', employees: 12, kinds: ['CUSTOMER'] });
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    const updated = await write((tx) => updateEntity(tx, 'Organization', org.id, { city: 'Kassel', employees: null }));
    expect(updated).toMatchObject({ name: 'Acme', city: 'Kassel' });
    expect(updated.employees).toBeUndefined();
    await write((tx) => deleteEntity(tx, 'Organization', org.id));
    expect(await codeOf(write((tx) => updateEntity(tx, 'Organization', org.id, { city: 'Ulm' })))).toBe('NOT_FOUND');
  });

  it('refuses invalid values, missing required ones and removing required ones', async () => {
    expect(await codeOf(write((tx) => createEntity(tx, 'Person', { name: 'Eve', email: 'not-an-email' })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(write((tx) => createEntity(tx, 'Person', { email: 'eve@example.com' })))).toBe('BAD_USER_INPUT');
    const person = await write((tx) => createEntity(tx, 'Person', { name: 'Eve' }));
    expect(await codeOf(write((tx) => updateEntity(tx, 'Person', person.id, { name: null })))).toBe('BAD_USER_INPUT');
  });

  it('links once per pair, updating properties on a second link, either direction for KNOWS', async () => {
    const user = await write((tx) => createEntity(tx, 'User', { name: 'Kim' }));
    const person = await write((tx) => createEntity(tx, 'Person', { name: 'Anna' }));
    const first = await write((tx) => linkEntities(tx, 'KNOWS', user.id, person.id, { strength: 0.4 }));
    expect(first).toMatchObject({ created: true, properties: expect.objectContaining({ strength: 0.4 }) });
    const second = await write((tx) => linkEntities(tx, 'KNOWS', person.id, user.id, { strength: 0.9 }));
    expect(second).toMatchObject({ created: false, properties: expect.objectContaining({ strength: 0.9 }) });
    const [{ count }] = await server.db.read<{ count: number }>('MATCH ()-[r:KNOWS]->() RETURN count(r) AS count');
    expect(count).toBe(1);
    expect(await write((tx) => unlinkEntities(tx, 'KNOWS', person.id, user.id))).toBe(1);
  });

  it('creates one relationship when the same link is made by several requests at once', async () => {
    const person = await write((tx) => createEntity(tx, 'Person', { name: 'Cleo' }));
    const org = await write((tx) => createEntity(tx, 'Organization', { name: 'Gamma' }));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => write((tx) => linkEntities(tx, 'WORKS_AT', person.id, org.id, { title: `Title ${i}` }))),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const [{ count }] = await server.db.read<{ count: number }>(
      'MATCH (:Person {id: $p})-[r:WORKS_AT]->(:Organization {id: $o}) RETURN count(r) AS count',
      { p: person.id, o: org.id },
    );
    expect(count).toBe(1);
  });

  it('refuses self-links, wrong endpoint types, bad strengths and unknown ids', async () => {
    const person = await write((tx) => createEntity(tx, 'Person', { name: 'Bo' }));
    const org = await write((tx) => createEntity(tx, 'Organization', { name: 'Beta' }));
    expect(await codeOf(write((tx) => linkEntities(tx, 'REPORTS_TO', person.id, person.id)))).toBe('BAD_USER_INPUT');
    expect(await codeOf(write((tx) => linkEntities(tx, 'WORKS_AT', org.id, person.id)))).toBe('BAD_USER_INPUT');
    const user = await write((tx) => createEntity(tx, 'User', { name: 'Uli' }));
    expect(await codeOf(write((tx) => linkEntities(tx, 'KNOWS', user.id, person.id, { strength: 1.5 })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(write((tx) => linkEntities(tx, 'KNOWS', user.id, person.id, { strength: 0 })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(write((tx) => linkEntities(tx, 'WORKS_AT', person.id, 'missing-id')))).toBe('NOT_FOUND');
  });
});
