import { SignInRequired } from '../api/client';
import { fill, h } from '../ui/dom';
import { describeError } from './notice';

/**
 * Shows "Loading …" in a container while a request runs, then what `render` makes of the
 * answer, or the API's error. A newer call on the same container wins over an older one.
 */
export async function loadInto<T>(container: HTMLElement, what: string, request: () => Promise<T>, render: (answer: T) => void): Promise<void> {
  const ticket = String(Math.random());
  container.dataset.ticket = ticket;
  container.setAttribute('aria-busy', 'true');
  fill(container, h('p', { class: 'loading' }, `Loading ${what}…`));
  try {
    const answer = await request();
    if (container.dataset.ticket !== ticket) return;
    fill(container);
    render(answer);
  } catch (error) {
    if (container.dataset.ticket !== ticket) return;
    // A refused credential is handled once, by the sign-in screen.
    if (error instanceof SignInRequired) return fill(container);
    fill(container, h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, `Could not load ${what}. `), describeError(error)));
  } finally {
    if (container.dataset.ticket === ticket) container.removeAttribute('aria-busy');
  }
}
