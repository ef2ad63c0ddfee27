import { badUserInput } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { linkEntities, unlinkEntities } from '../nodes/entity-writes';

/**
 * Puts a person into an opportunity's buying center or changes their roles (one BUYING_ROLE per
 * person and opportunity); a stance left out keeps the one stored.
 */
export async function setBuyingRole(
  tx: Tx,
  { opportunityId, personId, roles, stance }: { opportunityId: string; personId: string; roles: string[]; stance?: string | null },
): Promise<void> {
  if (!roles.length) {
    throw badUserInput('roles must name at least one BuyingRole; to take the person out of the buying center use removeBuyingRole.');
  }
  await linkEntities(tx, 'BUYING_ROLE', personId, opportunityId, stance ? { roles, stance } : { roles });
}

/** Takes a person out of the buying center; false when they were not in it. */
export async function removeBuyingRole(tx: Tx, { opportunityId, personId }: { opportunityId: string; personId: string }): Promise<boolean> {
  return (await unlinkEntities(tx, 'BUYING_ROLE', personId, opportunityId)) > 0;
}
