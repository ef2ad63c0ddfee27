import { badUserInput } from '../graphql/errors';
import type { Database } from '../neo4j/database';

const MANAGER_CHAIN_REACHES = `
MATCH (manager:Person {id: $managerId}), (person:Person {id: $personId})
RETURN EXISTS { (manager)-[:REPORTS_TO]->+(person) } AS cycle`;

/** Refuses a REPORTS_TO that would make the person appear in their own manager chain. */
export async function refuseReportingCycle(db: Database, personId: string, managerId: string): Promise<void> {
  const [row] = await db.read<{ cycle: boolean }>(MANAGER_CHAIN_REACHES, { personId, managerId });
  if (row?.cycle) {
    throw badUserInput(`${managerId} already reports (directly or through others) to ${personId}; REPORTS_TO would make a cycle.`);
  }
}
