import { badUserInput } from '../graphql/errors';
import type { EntityRow } from '../nodes/entity-row';

/** Enough of a node's row to tell whether it is restricted: a whole EntityRow, or a path question's end. */
type Restrictable = Pick<EntityRow, 'id'> & { restricted?: unknown };

/** Whether processing of this person is restricted (restrictProcessing); other nodes never are. */
export function isRestricted(node: Restrictable): boolean {
  return node.restricted === true;
}

/**
 * BAD_USER_INPUT when one of the named ends (of a path, of an influence question) is a
 * restricted person: DESIGN §9 never uses them as an end, and an empty answer would tell the
 * key-account manager "nobody reaches them" when the truth is "we may not look".
 */
export function refuseRestrictedEnds(ends: readonly Restrictable[], question: string): void {
  const restricted = ends.filter(isRestricted);
  if (!restricted.length) return;
  throw badUserInput(
    `${restricted.map((node) => `Person ${node.id}`).join(' and ')} ${restricted.length === 1 ? 'is' : 'are'} restricted ` +
      `(processing restricted on request, GDPR Art. 18/21): ${question} is not computed for restricted people. ` +
      'Person.restriction says since when and why; liftRestriction ends it.',
  );
}
