import { fetchPartnerCoverage, type PartnerCoverage } from '../api/partners';
import { graphFromCoverage, type MapNode } from '../map/graph-model';
import type { Explorer } from '../shell/explorer';
import { loadInto } from '../shell/load-into';
import { h } from '../ui/dom';
import { money } from '../ui/format';

/** What a channel partner brings: customers, open pipeline through them, channel conflicts. */
export function renderPartner(body: HTMLElement, focus: MapNode, explorer: Explorer): void {
  if (focus.type !== 'Organization') {
    body.append(h('p', { class: 'empty' }, 'The partner view is about organizations: choose a distributor, reseller, agent or broker.'));
    return;
  }
  const results = h('div', { id: 'partner-results' });
  body.append(h('h3', {}, `What ${focus.label} brings`), results);
  void loadInto(results, 'the partner coverage', () => fetchPartnerCoverage(focus.id), (coverage) => {
    if (!coverage.customers.length) {
      results.append(h('p', { class: 'empty' }, `${focus.label} serves no customers.`));
      return;
    }
    const conflictIds = coverage.conflicts.map((conflict) => conflict.customer.id);
    explorer.map.markConflicts(conflictIds, coverage.partner.id);
    results.append(
      h('div', { class: 'kpis' },
        kpi(money(coverage.openPipeline), 'open pipeline (Σ amount × probability)'),
        kpi(String(coverage.customers.length), 'customers served'),
        kpi(String(coverage.conflicts.length), 'channel conflicts'),
      ),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'draw-coverage', onclick: () => drawCoverage(coverage, explorer) }, 'Draw customers and conflicts on the map'),
      ),
      h('h3', {}, 'Channel conflicts'),
      coverage.conflicts.length
        ? h('ul', { class: 'list', id: 'partner-conflicts' }, coverage.conflicts.map((conflict) => h('li', {}, h('strong', {}, conflict.customer.name), ` is also served by ${conflict.partners.map((partner) => partner.name).join(', ')}`)))
        : h('p', { class: 'empty' }, 'No other partner serves its customers.'),
      h('h3', {}, 'Customers'),
      h('ul', { class: 'list' }, coverage.customers.map((customer) => h('li', {}, h('button', { type: 'button', class: 'row-button', onclick: () => void explorer.open({ id: customer.id, type: 'Organization', label: customer.name, kinds: customer.orgKinds }) }, customer.name, h('span', { class: 'subtle' }, customer.city ? ` · ${customer.city}` : ''))))),
      h('h3', {}, 'People'),
      h('p', {}, coverage.people.map((person) => `${person.name}${person.title ? ` (${person.title})` : ''}`).join('; ') || '–'),
      h('h3', {}, 'Our partner managers'),
      h('p', {}, coverage.managers.map((manager) => manager.name).join(', ') || '–'),
    );
  });
}

function drawCoverage(coverage: PartnerCoverage, explorer: Explorer): void {
  explorer.showGraph(graphFromCoverage(coverage), `${coverage.partner.name}: customers and conflicts`);
  explorer.map.markConflicts(coverage.conflicts.map((conflict) => conflict.customer.id), coverage.partner.id);
}

function kpi(value: string, label: string): HTMLElement {
  return h('div', { class: 'kpi' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
}
