import { fetchBuyingCenter, fetchOpportunitiesOf, type BuyingCenter, type OpportunitySummary } from '../api/deals';
import type { MapNode } from '../map/graph-model';
import { STANCE_COLORS } from '../map/map-style';
import type { Explorer } from '../shell/explorer';
import { loadInto } from '../shell/load-into';
import { h } from '../ui/dom';
import { date, enumText, money, percent, strength } from '../ui/format';
import { markChosen, pathText } from './path-view';

/** Deals of the focus (an account's, a user's, or those a person sits in) and, on choice, a buying center. */
export function renderDeals(body: HTMLElement, focus: MapNode, explorer: Explorer): void {
  const list = h('div', { id: 'deals-list' });
  const center = h('div', { id: 'buying-center' });
  body.append(h('h3', {}, `Deals of ${focus.label}`), list, center);
  void loadInto(list, 'deals', () => fetchOpportunitiesOf(focus.id), (deals) => {
    if (!deals.length) {
      list.append(h('p', { class: 'empty' }, 'No opportunities.'));
      return;
    }
    list.append(
      h('ul', { class: 'list', 'aria-label': 'Opportunities' }, deals.map((deal) => h('li', {}, dealButton(deal, (button) => {
        markChosen(button);
        void loadInto(center, 'the buying center', () => fetchBuyingCenter(deal.id), (answer) => renderBuyingCenter(center, answer, explorer));
      })))),
    );
  });
}

function dealButton(deal: OpportunitySummary, onChoose: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'row-button path-choice', 'aria-pressed': 'false', 'data-opportunity-id': deal.id },
    h('strong', {}, deal.name),
    h('div', { class: 'path-nodes' }, [deal.stage && enumText(deal.stage), money(deal.amount, deal.currency ?? 'EUR'), `closes ${date(deal.expectedCloseDate)}`, deal.account?.name].filter(Boolean).join(' · ')),
  );
  button.addEventListener('click', () => onChoose(button));
  return button;
}

/** Members with roles and stance colours, missing roles, coverage; a member's click draws its best path. */
function renderBuyingCenter(container: HTMLElement, center: BuyingCenter, explorer: Explorer): void {
  explorer.map.markStances(new Map(center.members.map((member) => [member.person.id, member.stance])));
  const pathNote = h('div', { id: 'member-path', 'aria-live': 'polite' });
  container.append(
    h('h3', {}, `Buying center: ${center.opportunity.name}`),
    h('p', { class: 'hint' }, `Owner ${center.opportunity.owner?.name ?? '–'} · ${center.members.length} members`),
    h('div', { id: 'missing-roles' },
      center.missingRoles.length
        ? [h('strong', {}, 'Missing roles: '), center.missingRoles.map((role) => h('span', { class: 'chip missing' }, enumText(role)))]
        : h('span', { class: 'chip' }, 'decision maker, economic buyer and champion are all filled'),
    ),
    h('p', {}, `Coverage ${percent(center.coverage)}`, h('span', { class: 'hint' }, ' — members someone on our team reaches with strength ≥ 0.3')),
    h('div', { class: 'meter', role: 'meter', 'aria-label': 'coverage', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': center.coverage }, h('span', { style: `width:${percent(center.coverage).replace(' ', '')}` })),
    h('ul', { class: 'list', 'aria-label': 'Members', style: 'margin-top:10px' }, center.members.map((member) => {
      const button = h(
        'button',
        { type: 'button', class: 'row-button path-choice', 'aria-pressed': 'false', 'data-person-id': member.person.id },
        h('span', { class: 'stance', style: `background:${STANCE_COLORS[member.stance] ?? STANCE_COLORS.UNKNOWN}` }),
        h('strong', {}, member.person.name),
        h('span', { class: 'subtle' }, ` · ${enumText(member.stance)}`),
        h('div', {}, member.roles.map((role) => h('span', { class: 'chip' }, enumText(role)))),
        h('div', { class: 'path-nodes' }, member.bestPath ? `best path ${strength(member.bestPath.strength)}, ${member.bestPath.hops} hops` : 'nobody on our team reaches this person'),
      );
      button.addEventListener('click', () => {
        markChosen(button);
        pathNote.replaceChildren();
        if (member.bestPath) {
          explorer.highlightPath(member.bestPath);
          pathNote.append(h('h3', {}, `Best path to ${member.person.name}`), pathText(member.bestPath));
        } else {
          explorer.map.clearHighlight();
          pathNote.append(h('p', { class: 'empty' }, `Nobody on our team reaches ${member.person.name} within 4 hops.`));
        }
      });
      return h('li', {}, button);
    })),
    pathNote,
  );
}
