import { fetchInfluencers } from '../api/influence';
import type { MapNode } from '../map/graph-model';
import type { Explorer } from '../shell/explorer';
import { loadInto } from '../shell/load-into';
import { h } from '../ui/dom';
import { strength } from '../ui/format';
import { markChosen, pathButton } from './path-view';

/** Who influences the focus (a person, or everyone at an account), each with the paths behind its score. */
export function renderInfluence(body: HTMLElement, focus: MapNode, explorer: Explorer): void {
  const results = h('div', { id: 'influence-results' });
  body.append(
    h('h3', {}, `Who influences ${focus.label}?`),
    h('p', { class: 'hint' }, focus.type === 'Organization'
      ? 'Influence on the account, its people and its buying centers, summed (INFLUENCES, up to 3 hops, decay 0.5).'
      : 'Along INFLUENCES, up to 3 hops, decay 0.5. Choose a path to see it on the map.'),
    results,
  );
  void loadInto(results, 'influencers', () => fetchInfluencers(focus), (scores) => {
    if (!scores.length) {
      results.append(h('p', { class: 'empty' }, 'Nobody influences this node along INFLUENCES.'));
      return;
    }
    results.append(
      h('ol', { class: 'list', 'aria-label': 'Influencers' }, scores.map((score) => h(
        'li',
        {},
        h('strong', {}, score.influencer.name ?? score.influencer.id),
        h('span', { class: 'subtle' }, ` · score ${strength(score.score)}`),
        h('ul', { class: 'list' }, score.paths.map((path, index) => h('li', {}, pathButton(path, index + 1, (button) => {
          button.closest('ol')?.querySelectorAll('button.path-choice').forEach((other) => other.setAttribute('aria-pressed', 'false'));
          markChosen(button);
          explorer.highlightPath(path);
        })))),
      ))),
    );
  });
}
