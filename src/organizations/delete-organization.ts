import { conflict, notFound } from '../graphql/errors';
import type { Database } from '../neo4j/database';

const EMPLOYEE_COUNT = `
MATCH (o:Organization {id: $id})
RETURN o.name AS name, COUNT { (o)<-[:WORKS_AT]-(:Person) } AS people`;

const DELETE_ORGANIZATION = `
MATCH (o:Organization {id: $id})
DETACH DELETE o`;

/**
 * Deletes an organization with its relationships. People who WORK_AT it would lose that employer,
 * so without `force` that is a CONFLICT that says how many. Check and delete share one write
 * transaction, so nobody can start working there in between.
 */
export async function deleteOrganization(db: Database, id: string, force: boolean): Promise<string> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ name: string; people: number }>(EMPLOYEE_COUNT, { id });
    if (!row) throw notFound('Organization', id);
    if (row.people > 0 && !force) {
      throw conflict(
        `${row.people} ${row.people === 1 ? 'person works' : 'people work'} at "${row.name}"; deleting it would orphan them. ` +
          'Unlink them first (unlinkWorksAt) or pass force: true to delete anyway.',
        { people: row.people },
      );
    }
    await tx.run(DELETE_ORGANIZATION, { id });
    return id;
  });
}
