import type { Reader } from '../neo4j/database';
import { WEBHOOK_ROW, type WebhookRow } from './webhook-writes';

const WEBHOOKS = `MATCH (w:Webhook) RETURN ${WEBHOOK_ROW('w')} AS webhook ORDER BY w.createdAt, w.id`;

/** Every webhook, oldest first, with its delivery state. */
export async function listWebhooks(db: Pick<Reader, 'read'>): Promise<WebhookRow[]> {
  return (await db.read<{ webhook: WebhookRow }>(WEBHOOKS)).map((row) => row.webhook);
}
