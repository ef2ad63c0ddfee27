import { fetchWarmIntroductions } from '../api/paths';
import type { MapNode } from '../map/graph-model';
import type { Explorer } from '../shell/explorer';
import { loadInto } from '../shell/load-into';
import { h } from '../ui/dom';
import { markChosen, pathButton } from './path-view';

/** "How do I reach …?": the ranked warm introductions to the focus; the chosen one is drawn on the map. */
export function renderReach(body: HTMLElement, focus: MapNode, explorer: Explorer): void {
  const results = h('div', { id: 'reach-results' });
  body.append(
    h('h3', {}, `How do I reach ${focus.label}?`),
    h('p', { class: 'hint' }, 'The strongest paths (at most 4 hops) from anyone on our team, strongest first. Choose one to see it on the map.'),
    results,
  );
  void loadInto(results, 'warm introductions', () => fetchWarmIntroductions(focus.id), (paths) => {
    if (!paths.length) {
      results.append(h('p', { class: 'empty' }, `Nobody on our team reaches ${focus.label} within 4 hops.`));
      return;
    }
    const buttons = paths.map((path, index) =>
      pathButton(path, index + 1, (button) => {
        markChosen(button);
        explorer.highlightPath(path);
      }),
    );
    results.append(h('ul', { class: 'list', 'aria-label': 'Warm introductions' }, buttons.map((button) => h('li', {}, button))));
    buttons[0].click();
  });
}
