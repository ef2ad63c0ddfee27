import type { AuditFilter } from '../generated/graphql';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { paginate, type Connection, type PageArgs } from '../graphql/pagination';

/** One audit entry as stored. */
export interface AuditEntryRow {
  id: string;
  at: string;
  actorId: string;
  actorKind: string;
  operation: string;
  targetIds: string[];
}

const MATCHING = `
MATCH (a:AuditEntry)
WHERE ($actorId IS NULL OR a.actorId = $actorId)
  AND ($targetId IS NULL OR $targetId IN a.targetIds)
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at <= $to)`;

// Counted and paged separately, so a page of a long log does not collect all of it.
const AUDIT_LOG = `
CALL () { ${MATCHING} RETURN count(a) AS total }
CALL () {
  ${MATCHING}
  WITH a ORDER BY a.at DESC, a.id DESC SKIP $offset LIMIT $first
  RETURN collect(a {.id, .at, .actorId, .actorKind, .operation, .targetIds}) AS page
}
RETURN total, page`;

/** A page of the audit log, newest first, filtered by actor, target and time. */
export function auditLog(db: Reader, filter: AuditFilter | null | undefined, page: PageArgs): Promise<Connection<AuditEntryRow>> {
  return paginate(page, async ({ offset, first }) => {
    const [row] = await db.read<{ total: number; page: AuditEntryRow[] }>(AUDIT_LOG, {
      actorId: filter?.actorId ?? null,
      targetId: filter?.targetId ?? null,
      from: filter?.from ? param.dateTime(filter.from) : null,
      to: filter?.to ? param.dateTime(filter.to) : null,
      offset: param.integer(offset),
      first: param.integer(first),
    });
    return row;
  });
}
