import type { MutationRecorder } from '../graphql/mutate';
import { targetIdsOf } from './target-ids';

// datetime.realtime(): microseconds, so mutations that follow each other keep their order.
const WRITE_AUDIT_ENTRY = `
CREATE (:AuditEntry {id: randomUUID(), at: datetime.realtime(), actorId: $actorId, actorKind: $actorKind,
                     operation: $operation, targetIds: $targetIds})`;

/**
 * Writes the AuditEntry of a mutation whose work succeeded, into its transaction: who (the
 * viewer), what (the Mutation field) and which nodes (their ids), never a personal value. An
 * AuditEntry carries no :Entity label, so no entity query sees it.
 */
export const recordAudit: MutationRecorder = async (tx, { operation, args, result, viewer }) => {
  await tx.run(WRITE_AUDIT_ENTRY, {
    actorId: viewer.id,
    actorKind: viewer.kind,
    operation,
    targetIds: targetIdsOf(args, result),
  });
};
