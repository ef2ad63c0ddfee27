import { badUserInput } from '../graphql/errors';

const REASON_MAX = 500;

/** The reason of a restriction or erasure, trimmed; BAD_USER_INPUT when blank or too long. */
export function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badUserInput('"reason" is blank; say why, e.g. "objection by e-mail, ticket 4711".');
  if (trimmed.length > REASON_MAX) throw badUserInput(`"reason" may be at most ${REASON_MAX} characters, got ${trimmed.length}.`);
  return trimmed;
}
