/** The statuses of a case someone still has to work on; RESOLVED and CLOSED ones are done. */
export const OPEN_CASE_STATUSES: readonly string[] = ['OPEN', 'IN_PROGRESS'];
