import { fetchNodeDetails, type NodeDetails } from '../api/details';
import type { MapNode } from '../map/graph-model';
import type { Explorer } from '../shell/explorer';
import { loadInto } from '../shell/load-into';
import { h } from '../ui/dom';
import { date, enumText, money, strength } from '../ui/format';

/** The details tab: the node's facts, what to do next, and every node on the map for the keyboard. */
export function renderDetails(body: HTMLElement, focus: MapNode, explorer: Explorer): void {
  const facts = h('div', { id: 'details-facts' });
  body.append(facts, actions(focus, explorer), nodeList(focus, explorer));
  void loadInto(facts, 'details', () => fetchNodeDetails(focus.id), (details) => {
    facts.append(details ? factList(details) : h('p', { class: 'empty' }, 'This node no longer exists.'));
  });
}

function actions(focus: MapNode, explorer: Explorer): HTMLElement {
  const isOrganization = focus.type === 'Organization';
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', onclick: () => void explorer.expand(focus), title: 'Same as double-clicking the node' }, 'Expand its network'),
    focus.id !== explorer.map.rootId && h('button', { type: 'button', onclick: () => void explorer.open(focus) }, 'Centre the map on it'),
    h('button', { type: 'button', onclick: () => explorer.focus(focus, 'reach') }, 'How do I reach it?'),
    h('button', { type: 'button', onclick: () => explorer.focus(focus, 'deals') }, isOrganization ? 'Deals & buying centers' : 'Buying centers'),
    h('button', { type: 'button', onclick: () => explorer.focus(focus, 'influence') }, 'Influencers'),
    isOrganization && h('button', { type: 'button', onclick: () => explorer.focus(focus, 'partner') }, 'Partner view'),
  );
}

function factList(details: NodeDetails): HTMLElement {
  const rows: [string, string | HTMLElement | null | undefined][] = [
    ['type', details.__typename],
    ['key', details.key],
  ];
  if (details.__typename === 'Organization') {
    rows.push(
      ['kinds', details.orgKinds?.map(enumText).join(', ')],
      ['stage', details.lifecycleStage && enumText(details.lifecycleStage)],
      ['tier', details.tier],
      ['industry', details.industry],
      ['place', [details.city, details.region].filter(Boolean).join(', ')],
      ['employees', details.employees?.toLocaleString('de-DE')],
      ['revenue', details.annualRevenue ? money(details.annualRevenue) : null],
      ['parent', details.parent?.name],
      ['served by', details.partners?.map((partner) => `${partner.node.name}${partner.as ? ` (${enumText(partner.as)})` : ''}`).join('; ')],
      ['managed by', details.managers?.map((manager) => `${manager.node.name}${manager.as ? ` (${enumText(manager.as)})` : ''}`).join('; ')],
    );
  } else if (details.__typename === 'Person') {
    rows.push(
      ['title', details.title],
      ['department', details.department],
      ['works at', details.employers?.map((employer) => `${employer.node.name}${employer.until ? ` (until ${date(employer.until)})` : ''}`).join('; ')],
      ['reports to', details.manager?.name],
      ['kinds', details.personKinds?.map(enumText).join(', ')],
      ['seniority', details.seniority && enumText(details.seniority)],
      ['e-mail', details.email],
      ['phone', details.phone],
      ['knows best', details.knows?.map((known) => `${known.node.name ?? known.node.id} (${strength(known.strength)}, last contact ${date(known.lastInteractionAt)})`).join('; ')],
    );
  } else if (details.__typename === 'User') {
    rows.push(
      ['roles', details.roles?.map(enumText).join(', ')],
      ['e-mail', details.email],
      ['manages', details.accounts?.map((account) => account.node.name).join('; ')],
    );
  }
  return h('dl', { class: 'facts' }, rows.filter(([, value]) => value).map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/** Every node on the map as a button: the keyboard's way to click one. */
function nodeList(focus: MapNode, explorer: Explorer): HTMLElement {
  const nodes = explorer.map.nodes().sort((a, b) => a.label.localeCompare(b.label));
  return h(
    'details',
    { class: 'node-list' },
    h('summary', {}, `All ${nodes.length} nodes on the map`),
    h('ul', { class: 'list' }, nodes.map((node) => h('li', {}, h('button', { type: 'button', class: 'row-button', 'aria-current': node.id === focus.id ? 'true' : null, onclick: () => explorer.focus(node) }, node.label, h('span', { class: 'subtle' }, ` · ${node.type}`))))),
  );
}
