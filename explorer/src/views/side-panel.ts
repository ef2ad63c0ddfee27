import type { MapNode } from '../map/graph-model';
import { TABS, type Explorer, type TabName } from '../shell/explorer';
import { byId, fill, h } from '../ui/dom';
import { renderDeals } from './deals-panel';
import { renderDetails } from './details-panel';
import { renderInfluence } from './influence-panel';
import { renderPartner } from './partner-panel';
import { renderReach } from './reach-panel';

const TAB_LABELS: Record<TabName, string> = { details: 'Details', reach: 'Reach', deals: 'Deals', influence: 'Influence', partner: 'Partner' };
const RENDER: Record<TabName, (body: HTMLElement, focus: MapNode, explorer: Explorer) => void> = {
  details: renderDetails,
  reach: renderReach,
  deals: renderDeals,
  influence: renderInfluence,
  partner: renderPartner,
};

/** The panel beside the map: the focused node under five tabs (arrow keys move between tabs). */
export class SidePanel {
  private readonly root = byId('side-panel');
  private readonly title = h('h2', { id: 'panel-title' });
  private readonly subtitle = h('div', { class: 'hint' });
  private readonly tabs = TABS.map((tab) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-controls': 'panel-body', onclick: () => this.show(tab) }, TAB_LABELS[tab]),
  );
  private readonly body = h('div', { class: 'panel-body', id: 'panel-body', role: 'tabpanel' });
  private focusNode: MapNode | null = null;
  private tab: TabName = 'details';

  constructor(private readonly explorer: Explorer) {
    const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'About the chosen node' }, this.tabs);
    tablist.addEventListener('keydown', (event) => this.onKey(event));
    fill(this.root, h('div', { class: 'panel-header' }, this.title, this.subtitle), tablist, this.body);
    this.render();
  }

  get focus(): MapNode | null {
    return this.focusNode;
  }

  setFocus(node: MapNode | null, tab: TabName = this.tab): void {
    this.focusNode = node;
    this.show(tab);
  }

  show(tab: TabName): void {
    this.tab = tab;
    this.render();
  }

  private render(): void {
    this.tabs.forEach((button, index) => {
      const selected = TABS[index] === this.tab;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    });
    const node = this.focusNode;
    this.title.textContent = node?.label ?? 'Nothing chosen yet';
    this.subtitle.textContent = node ? [node.type, ...node.kinds.map((kind) => kind.toLowerCase().replace(/_/g, ' '))].join(' · ') : 'Search, then click a node on the map.';
    this.body.setAttribute('aria-labelledby', `tab-${this.tab}`);
    fill(this.body);
    if (node) RENDER[this.tab](this.body, node, this.explorer);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = TABS[(TABS.indexOf(this.tab) + step + TABS.length) % TABS.length];
    this.show(next);
    this.tabs[TABS.indexOf(next)].focus();
  }
}
