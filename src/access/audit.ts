import type { MutationRecorder } from '../graphql/mutate';

// datetime.realtime(): microseconds, so mutations that follow each other keep their order.
const WRITE_AUDIT_ENTRY = `
CREATE (:AuditEntry {id: randomUUID(), at: datetime.realtime(), actorId: $actorId, actorKind: $actorKind,
                     operation: $operation, targetIds: $targetIds})`;

/**
 * Writes the AuditEntry of a mutation whose work succeeded, into its transaction: who (the
 * viewer, or the person of a public page's link), what (the Mutation field) and which nodes —
 * the same target ids as its change event (src/graphql/mutate.ts), never a personal value. An
 * AuditEntry carries no :Entity label, so no entity query sees it.
 */
export const recordAudit: MutationRecorder = async (tx, { operation, actor, targetIds }) => {
  await tx.run(WRITE_AUDIT_ENTRY, {
    actorId: actor.id,
    actorKind: actor.kind,
    operation,
    targetIds,
  });
};
