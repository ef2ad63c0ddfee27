import type { WebhookTiming } from '../config';

/** The wait before retry number `attempts` (1 = the first retry): retryFirstMs, doubling, at most retryMaxMs. */
export function retryDelayMs(attempts: number, timing: Pick<WebhookTiming, 'retryFirstMs' | 'retryMaxMs'>): number {
  return Math.min(timing.retryFirstMs * 2 ** Math.min(attempts - 1, 40), timing.retryMaxMs);
}
