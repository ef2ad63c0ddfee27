import { SignInRequired } from '../api/client';
import { searchStakeholders, type SearchHitNode } from '../api/search';
import { describeError } from '../shell/notice';
import { byId, fill, h } from '../ui/dom';

const DEBOUNCE_MS = 250;

/**
 * The top bar's search: the API's full-text `search` over organizations and people, as a
 * combobox (arrow keys move, Enter picks, Escape closes).
 */
export class SearchBox {
  private readonly input = byId<HTMLInputElement>('search-input');
  private readonly list = byId<HTMLUListElement>('search-results');
  private readonly status = byId('search-status');
  private hits: SearchHitNode[] = [];
  private active = -1;
  private timer: number | undefined;
  private asked = 0;

  constructor(private readonly onPick: (hit: SearchHitNode) => void) {
    this.input.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.search(), DEBOUNCE_MS);
    });
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  focus(): void {
    this.input.focus();
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    if (text.length < 2) return this.close();
    const ticket = ++this.asked;
    this.status.textContent = 'Searching…';
    try {
      const hits = await searchStakeholders(text);
      if (ticket !== this.asked) return;
      this.hits = hits;
      this.status.textContent = hits.length ? '' : `Nothing found for “${text}”.`;
      this.render(hits.length ? 0 : -1);
    } catch (error) {
      if (ticket !== this.asked || error instanceof SignInRequired) return;
      this.close();
      this.status.textContent = `Search failed: ${describeError(error)}`;
    }
  }

  private render(active: number): void {
    this.active = active;
    fill(
      this.list,
      this.hits.map((hit, index) =>
        h(
          'li',
          {
            id: `search-option-${index}`,
            role: 'option',
            'aria-selected': String(index === active),
            onmousedown: (event: Event) => {
              event.preventDefault();
              this.pick(index);
            },
          },
          h('strong', {}, hit.name ?? hit.id),
          h('span', { class: 'chip' }, hit.__typename),
          h('span', { class: 'subtle' }, hit.city ?? hit.employers?.[0]?.node.name ?? ''),
        ),
      ),
    );
    this.list.hidden = this.hits.length === 0;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
    if (active >= 0) this.input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') return this.close();
    if (this.list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.render((this.active + step + this.hits.length) % this.hits.length);
    } else if (event.key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      this.pick(this.active);
    }
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    this.close();
    this.input.value = hit.name ?? '';
    this.onPick(hit);
  }

  private close(): void {
    this.hits = [];
    this.render(-1);
  }
}
