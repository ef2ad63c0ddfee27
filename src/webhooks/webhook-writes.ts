import { randomBytes } from 'node:crypto';
import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { checkedTypes } from '../events';

/** A webhook as the API shows it (never its secret). */
export interface WebhookRow {
  id: string;
  url: string;
  types: string[];
  description: string | null;
  createdAt: string;
  failing: boolean;
  lastError: string | null;
  lastDeliveredSeq: number;
  lastDeliveredAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
}

export const WEBHOOK_ROW = (w: string) =>
  `${w} { .id, .url, .types, .description, .createdAt, .failing, .lastError, .lastDeliveredSeq, .lastDeliveredAt, .attempts, .nextAttemptAt }`;

// The signing secret is stored as it is: HMAC signing needs the key itself, so unlike an API key it
// cannot be kept as a hash. It never leaves the database again after createWebhook answers.
const CREATE_WEBHOOK = `
OPTIONAL MATCH (sequence:EventSequence {name: 'events'})
CREATE (w:Webhook {
  id: randomUUID(), url: $url, types: $types, description: $description, secret: $secret, createdAt: $now,
  failing: false, attempts: 0, lastDeliveredSeq: coalesce(sequence.last, 0)
})
RETURN ${WEBHOOK_ROW('w')} AS webhook`;

/**
 * Registers a webhook for the events after now (its own webhook.created first) and answers its
 * signing secret `whsec_<base64>` once (Standard Webhooks: 32 random bytes).
 */
export async function createWebhook(
  tx: Tx,
  input: { url: string; types?: readonly string[] | null; description?: string | null },
): Promise<{ webhook: WebhookRow; secret: string }> {
  const url = checkedUrl(input.url);
  const types = input.types?.length ? checkedTypes(input.types, 'input.types') : [];
  if ((input.description?.length ?? 0) > 500) throw badUserInput('input.description must be at most 500 characters.');
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const [row] = await tx.run<{ webhook: WebhookRow }>(CREATE_WEBHOOK, {
    url, types, description: input.description?.trim() || null, secret, now: param.now(),
  });
  return { webhook: row.webhook, secret };
}

const ENABLE_WEBHOOK = `
MATCH (w:Webhook {id: $id})
SET w.failing = false, w.attempts = 0, w.firstFailureAt = null, w.nextAttemptAt = null
RETURN ${WEBHOOK_ROW('w')} AS webhook`;

/** Resumes a failing webhook from the event it stopped at. NOT_FOUND for an unknown id. */
export async function enableWebhook(tx: Tx, id: string): Promise<WebhookRow> {
  const [row] = await tx.run<{ webhook: WebhookRow }>(ENABLE_WEBHOOK, { id });
  if (!row) throw notFound('Webhook', id);
  return row.webhook;
}

const DELETE_WEBHOOK = 'MATCH (w:Webhook {id: $id}) DELETE w RETURN count(*) AS deleted';

/** Removes a webhook; deliveries stop. NOT_FOUND for an unknown id. */
export async function deleteWebhook(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.run<{ deleted: number }>(DELETE_WEBHOOK, { id });
  if (!row?.deleted) throw notFound('Webhook', id);
  return id;
}

function checkedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badUserInput(`input.url must be an http(s) address like https://erp.example.com/hooks/xrm, got ${JSON.stringify(raw)}.`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || raw.length > 2000) {
    throw badUserInput(`input.url must be an http(s) address without user or password, at most 2000 characters, got ${JSON.stringify(raw)}.`);
  }
  return url.toString();
}
