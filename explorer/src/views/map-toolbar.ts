import { byId, fill, h } from '../ui/dom';

export interface ToolbarActions {
  redraw(): void;
  fit(): void;
  clearHighlight(): void;
  exportPng(): void;
  exportSvg(): void;
}

export interface MapStatus {
  caption: string;
  nodes: number;
  edges: number;
  truncated: boolean;
  nodeLimit: number;
}

/** Depth and node-limit controls, the map's size and "truncated", and the export buttons. */
export class MapToolbar {
  private readonly depthSelect = h('select', { id: 'map-depth' }, ...[1, 2, 3].map((depth) => h('option', { value: depth, selected: depth === 2 }, String(depth))));
  private readonly limitInput = h('input', { id: 'map-node-limit', type: 'number', min: 1, max: 2000, step: 10, value: 200 });
  private readonly status = h('span', { class: 'status', id: 'map-status', 'aria-live': 'polite' });

  constructor(actions: ToolbarActions) {
    this.depthSelect.addEventListener('change', () => actions.redraw());
    this.limitInput.addEventListener('change', () => actions.redraw());
    fill(
      byId('map-toolbar'),
      h('label', {}, 'Depth', this.depthSelect),
      h('label', {}, 'Node limit', this.limitInput),
      h('button', { type: 'button', onclick: () => actions.redraw() }, 'Redraw'),
      h('button', { type: 'button', onclick: () => actions.fit() }, 'Fit'),
      h('button', { type: 'button', id: 'clear-highlight', onclick: () => actions.clearHighlight() }, 'Clear highlight'),
      h('button', { type: 'button', id: 'export-png', onclick: () => actions.exportPng() }, 'Export PNG'),
      h('button', { type: 'button', id: 'export-svg', onclick: () => actions.exportSvg() }, 'Export SVG'),
      this.status,
    );
  }

  get depth(): number {
    return Number(this.depthSelect.value);
  }

  /** The typed limit, kept within the API's 1…2000. */
  get nodeLimit(): number {
    const value = Math.round(Number(this.limitInput.value));
    const limit = Number.isFinite(value) ? Math.min(Math.max(value, 1), 2000) : 200;
    this.limitInput.value = String(limit);
    return limit;
  }

  setStatus(status: MapStatus | null): void {
    if (!status) return fill(this.status);
    fill(
      this.status,
      h('strong', {}, status.caption),
      ` · ${status.nodes} nodes · ${status.edges} relationships `,
      status.truncated && h('span', { class: 'badge warn', id: 'map-truncated' }, `truncated at ${status.nodeLimit} nodes`),
    );
  }
}
