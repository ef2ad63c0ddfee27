import { conflict, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { deleteEntity } from '../nodes/entity-writes';

const EMPLOYEE_COUNT = `
MATCH (o:Organization {id: $id})
RETURN o.name AS name, COUNT { (o)<-[:WORKS_AT]-(:Person) } AS people`;

/**
 * Deletes an organization with its relationships and lifecycle history. People who WORK_AT it would lose that employer,
 * so without `force` that is a CONFLICT that says how many. Check and delete share the
 * mutation's transaction, so nobody can start working there in between.
 */
export async function deleteOrganization(tx: Tx, id: string, force: boolean): Promise<string> {
  const [row] = await tx.run<{ name: string; people: number }>(EMPLOYEE_COUNT, { id });
  if (!row) throw notFound('Organization', id);
  if (row.people > 0 && !force) {
    throw conflict(
      `${row.people} ${row.people === 1 ? 'person works' : 'people work'} at "${row.name}"; deleting it would orphan them. ` +
        'Unlink them first (unlinkWorksAt) or pass force: true to delete anyway.',
      { people: row.people },
    );
  }
  return (await deleteEntity(tx, 'Organization', id)).id;
}
