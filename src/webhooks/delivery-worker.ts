import { randomUUID } from 'node:crypto';
import type { WebhookTiming } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
import { eventsAfter } from '../events';
import { deliverEvent } from './deliver-event';
import { retryDelayMs } from './retry-delay';

/** The delivery worker of one process; stop() waits for the delivery in flight to end. */
export interface WebhookDelivery {
  stop(): Promise<void>;
}

/** Events one claim may deliver before the worker looks at the other webhooks again. */
const BATCH = 20;
const MAX_WEBHOOKS_PER_ROUND = 20;

interface ClaimedWebhook {
  id: string;
  url: string;
  types: string[];
  secret: string;
  lastDeliveredSeq: number;
  attempts: number;
  firstFailureAt: string | null;
}

const DUE = `(NOT w.failing AND (w.nextAttemptAt IS NULL OR w.nextAttemptAt <= $now)
  AND EXISTS { MATCH (e:Event) WHERE e.seq > w.lastDeliveredSeq AND (size(w.types) = 0 OR e.type IN w.types) })`;
// Locked first, then re-read: of two API instances only one claims a webhook, so its events go
// out one after the other, in seq order.
const LOCK_DUE = `MATCH (w:Webhook) WHERE ${DUE} SET w._lock = true REMOVE w._lock`;
const CLAIM = `
MATCH (w:Webhook) WHERE ${DUE} AND (w.leaseUntil IS NULL OR w.leaseUntil <= $now)
WITH w ORDER BY w.nextAttemptAt, w.createdAt LIMIT $limit
SET w.leaseUntil = $leaseUntil, w.leaseOwner = $owner
RETURN w { .id, .url, .types, .secret, .lastDeliveredSeq, .attempts, .firstFailureAt } AS webhook`;
const DELIVERED = `
MATCH (w:Webhook {id: $id, leaseOwner: $owner})
SET w.lastDeliveredSeq = $seq, w.lastDeliveredAt = $now, w.attempts = 0, w.firstFailureAt = null,
    w.nextAttemptAt = null, w.lastError = null`;
const FAILED = `
MATCH (w:Webhook {id: $id, leaseOwner: $owner})
SET w.attempts = $attempts, w.firstFailureAt = $firstFailureAt, w.nextAttemptAt = $nextAttemptAt,
    w.lastError = $error, w.lastErrorAt = $now, w.failing = $failing`;
const RELEASE = 'MATCH (w:Webhook {leaseOwner: $owner}) SET w.leaseUntil = null, w.leaseOwner = null';

/**
 * Delivers the change events to every webhook (DESIGN §10): in seq order per webhook, at least
 * once; a non-2xx answer or a timeout is retried after retryFirstMs, then twice as long each time
 * (at most retryMaxMs), until one event has failed for retryForMs: then the webhook is marked
 * failing until enableWebhook. All delivery state lives in Neo4j, so a restart (or another
 * instance) goes on where this one stopped.
 */
export function startWebhookDelivery(db: Database, log: Logger, timing: WebhookTiming): WebhookDelivery {
  const owner = randomUUID();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      round = runRound().then(
        (busy) => schedule(busy ? 0 : timing.pollMs),
        (error: unknown) => {
          log.error({ err: error }, 'webhook delivery round failed; trying again');
          schedule(timing.pollMs);
        },
      );
    }, delayMs);
  };

  /** One round: claim due webhooks and deliver to each; true when there may be more to do at once. */
  async function runRound(): Promise<boolean> {
    const now = new Date();
    const claimed = await db.writeTransaction(async (tx) => {
      await tx.run(LOCK_DUE, { now: param.dateTime(now.toISOString()) });
      return tx.run<{ webhook: ClaimedWebhook }>(CLAIM, {
        now: param.dateTime(now.toISOString()),
        leaseUntil: param.dateTime(new Date(now.getTime() + BATCH * timing.timeoutMs + 30_000).toISOString()),
        owner,
        limit: param.integer(MAX_WEBHOOKS_PER_ROUND),
      });
    });
    try {
      const results = await Promise.all(claimed.map(({ webhook }) => deliverBatch(webhook)));
      return results.some((deliveredAll) => deliveredAll);
    } finally {
      await db.write(RELEASE, { owner });
    }
  }

  /** Delivers the webhook's next events in order until one fails; true when a whole batch went out. */
  async function deliverBatch(webhook: ClaimedWebhook): Promise<boolean> {
    const events = await eventsAfter(db, webhook.lastDeliveredSeq, BATCH, webhook.types.length ? webhook.types : null);
    for (const event of events) {
      if (stopping.signal.aborted) return false;
      const error = await deliverEvent(webhook.url, webhook.secret, event, timing.timeoutMs, stopping.signal);
      if (stopping.signal.aborted) return false;
      const now = new Date();
      if (error === null) {
        await db.write(DELIVERED, { id: webhook.id, owner, seq: event.seq, now: param.dateTime(now.toISOString()) });
        webhook.attempts = 0;
        webhook.firstFailureAt = null;
        continue;
      }
      await recordFailure(webhook, error, now);
      return false;
    }
    return events.length === BATCH;
  }

  async function recordFailure(webhook: ClaimedWebhook, error: string, now: Date): Promise<void> {
    const attempts = webhook.attempts + 1;
    const firstFailureAt = webhook.firstFailureAt ? new Date(webhook.firstFailureAt) : now;
    const failing = now.getTime() - firstFailureAt.getTime() >= timing.retryForMs;
    await db.write(FAILED, {
      id: webhook.id,
      owner,
      attempts: param.integer(attempts),
      firstFailureAt: param.dateTime(firstFailureAt.toISOString()),
      nextAttemptAt: param.dateTime(new Date(now.getTime() + retryDelayMs(attempts, timing)).toISOString()),
      error: error.slice(0, 500),
      failing,
      now: param.dateTime(now.toISOString()),
    });
    if (failing) log.warn({ webhookId: webhook.id, error }, 'webhook marked failing: deliveries stop until enableWebhook');
  }

  schedule(0);
  return {
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await round.catch(() => undefined);
      // Deliveries cut off by the stop count as not made: their events go out again after a restart.
      await db.write(RELEASE, { owner }).catch(() => undefined);
    },
  };
}
