import type { RelationshipPath } from '../api/fragments';
import { h } from '../ui/dom';
import { enumText, strength } from '../ui/format';

/**
 * One path as a clickable row: strength and hops, then who introduces whom, e.g.
 * "Lea Hoffmann — knows → Stefan Kuhn — reports to → Heike Wolters".
 */
export function pathButton(path: RelationshipPath, rank: number, onChoose: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'row-button path-choice', 'aria-pressed': 'false', 'data-rank': rank },
    h('strong', {}, `#${rank} · strength ${strength(path.strength)}`),
    ` · ${path.hops} hop${path.hops === 1 ? '' : 's'}`,
    pathText(path),
  );
  button.addEventListener('click', () => onChoose(button));
  return button;
}

export function pathText(path: RelationshipPath): HTMLElement {
  const parts: (HTMLElement | string)[] = [];
  path.nodes.forEach((node, index) => {
    if (index > 0) {
      // A step keeps its stored direction: "Kuhn reports to Wolters" reads the same from either end.
      const step = path.steps[index - 1];
      const forward = step.fromId === path.nodes[index - 1].id;
      const verb = enumText(step.type);
      parts.push(step.type === 'KNOWS' ? ` — ${verb} — ` : forward ? ` — ${verb} → ` : ` ← ${verb} — `);
    }
    parts.push(h('b', {}, node.name ?? node.id));
  });
  const introducers = path.nodes.slice(1, -1).map((node) => node.name ?? node.id);
  return h(
    'div',
    { class: 'path-nodes' },
    ...parts,
    introducers.length > 0 && h('div', {}, `Introduced by ${introducers.join(', then ')}`),
  );
}

/** Marks one button of a group as the chosen one. */
export function markChosen(button: HTMLButtonElement): void {
  button.closest('ul')?.querySelectorAll('button.path-choice').forEach((other) => other.setAttribute('aria-pressed', 'false'));
  button.setAttribute('aria-pressed', 'true');
}
