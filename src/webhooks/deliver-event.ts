import { Webhook } from 'standardwebhooks';
import type { EventRow } from '../events';

/** The body of a delivery: `{type, timestamp, data: {seq, targetIds, actorId, …}}` (Standard Webhooks). */
export function deliveryBody(event: EventRow): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.at,
    data: { seq: event.seq, targetIds: event.targetIds, actorId: event.actorId, ...event.data },
  });
}

/**
 * POSTs one event, signed per the Standard Webhooks specification with the library: headers
 * webhook-id (the event's id, the same on every retry), webhook-timestamp and webhook-signature.
 * Answers null on a 2xx answer, else what went wrong (a non-2xx status, a timeout, a refused connection).
 */
export async function deliverEvent(url: string, secret: string, event: EventRow, timeoutMs: number, stop: AbortSignal): Promise<string | null> {
  const body = deliveryBody(event);
  const now = new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'xrm-graph-webhooks',
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(event.id, now, body),
  };
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]) });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status} ${response.statusText}`.trim();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    return cause?.code ? `${cause.code}: ${cause.message ?? ''}`.trim() : (error as Error).message;
  }
}
