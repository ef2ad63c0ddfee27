import { ApiError, SignInRequired } from '../api/client';
import { byId, fill, h } from '../ui/dom';

/** The one line under the top bar for errors and news that concern the whole page. */
export function showNotice(message: string, kind: 'error' | 'info' = 'error'): void {
  const notice = byId('notice');
  notice.className = `notice ${kind}`;
  fill(notice, h('span', {}, message), h('button', { type: 'button', onclick: hideNotice }, 'Dismiss'));
  notice.hidden = false;
}

export function hideNotice(): void {
  byId('notice').hidden = true;
}

/** How an error reads to a person: the API's message and its code. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code})`;
  if (error instanceof SignInRequired) return error.message;
  return `Something went wrong in the explorer: ${(error as Error)?.message ?? String(error)}`;
}
