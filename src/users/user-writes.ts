import type { CreateUserInput, UpdateUserInput } from '../generated/graphql';
import type { Tx } from '../neo4j/database';
import { createEntity, linkEntities, updateEntity } from '../nodes/entity-writes';
import type { EntityRow } from '../nodes/entity-row';

/** Creates a user; with `actsForId` they work for that partner organization (ACTS_FOR). */
export async function createUser(tx: Tx, { key, actsForId, ...input }: CreateUserInput): Promise<EntityRow> {
  const user = await createEntity(tx, 'User', input, key);
  if (actsForId) await linkEntities(tx, 'ACTS_FOR', user.id, actsForId);
  return user;
}

const DROP_ACTS_FOR = 'MATCH (:User {id: $id})-[r:ACTS_FOR]->() DELETE r';

/** Changes the given properties; a given `actsForId` replaces the partner (null removes it). */
export async function updateUser(tx: Tx, id: string, { actsForId, ...input }: UpdateUserInput): Promise<EntityRow> {
  const user = await updateEntity(tx, 'User', id, input);
  if (actsForId !== undefined) {
    await tx.run(DROP_ACTS_FOR, { id });
    if (actsForId !== null) await linkEntities(tx, 'ACTS_FOR', id, actsForId);
  }
  return user;
}
