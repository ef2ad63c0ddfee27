/** One bar: its value, an optional second value drawn inside it (e.g. weighted), and the labels. */
export interface Bar {
  label: string;
  value: number;
  inner?: number;
  valueLabel: string;
  color?: string;
}

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 400;
const ROW = 34;
const LABEL_WIDTH = 100;
const VALUE_WIDTH = 130;

/**
 * A horizontal bar chart as plain SVG, one row per bar, scaled to the largest value. The title
 * and a description name every value, so a screen reader reads the chart as text.
 */
export function barChart(title: string, bars: Bar[]): SVGElement {
  const height = bars.length * ROW + 10;
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const svg = element('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': title });
  svg.append(element('title', {}, title), element('desc', {}, bars.map((bar) => `${bar.label}: ${bar.valueLabel}`).join('; ')));
  bars.forEach((bar, index) => {
    const y = 5 + index * ROW;
    const width = (bar.value / max) * plot;
    svg.append(
      element('text', { x: LABEL_WIDTH - 8, y: y + 20, 'text-anchor': 'end', 'font-size': 13, fill: '#0f172a' }, bar.label),
      element('rect', { x: LABEL_WIDTH, y: y + 4, width: Math.max(width, 1), height: 22, rx: 3, fill: bar.color ?? '#93c5fd' }),
    );
    if (bar.inner !== undefined) {
      svg.append(element('rect', { x: LABEL_WIDTH, y: y + 10, width: Math.max((bar.inner / max) * plot, 0), height: 10, rx: 2, fill: '#1d4ed8' }));
    }
    svg.append(element('text', { x: LABEL_WIDTH + width + 6, y: y + 20, 'font-size': 12, fill: '#334155' }, bar.valueLabel));
  });
  return svg;
}

function element(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}
