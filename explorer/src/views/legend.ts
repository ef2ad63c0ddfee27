import { EDGE_COLORS, NODE_CATEGORIES, RECENT_CONTACT_DAYS } from '../map/map-style';
import { byId, fill, h } from '../ui/dom';
import { enumText } from '../ui/format';

/** The legend under the map: what colour, shape and line style mean. */
export function renderLegend(): void {
  fill(
    byId('legend'),
    Object.values(NODE_CATEGORIES).map((category) => h('span', { class: 'item' }, shapeSwatch(category.shape, category.color), category.label)),
    Object.entries(EDGE_COLORS).map(([type, color]) => h('span', { class: 'item' }, h('span', { class: 'line-swatch', style: `border-color:${color}` }), enumText(type))),
    h('p', { class: 'hint' }, `Line width: strength. KNOWS: solid = contact in the last ${RECENT_CONTACT_DAYS} days, dashed = older contact, dotted = none logged. Yellow: the chosen path. Red ring: channel conflict. Ring colour in a buying center: stance. Double-click a node to add its network.`),
  );
}

const SVG = 'http://www.w3.org/2000/svg';

const SHAPES: Record<string, string> = {
  ellipse: '<circle cx="7" cy="7" r="6"/>',
  'round-rectangle': '<rect x="1" y="2" width="12" height="10" rx="3"/>',
  rectangle: '<rect x="1" y="2" width="12" height="10"/>',
  hexagon: '<polygon points="3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7"/>',
  diamond: '<polygon points="7,0 14,7 7,14 0,7"/>',
  star: '<polygon points="7,0 8.8,4.6 13.7,4.8 9.9,7.9 11.2,12.7 7,10 2.8,12.7 4.1,7.9 0.3,4.8 5.2,4.6"/>',
};

/** The node shape the map uses, small, in its colour. */
function shapeSwatch(shape: string, color: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', color);
  svg.innerHTML = SHAPES[shape] ?? SHAPES.rectangle;
  return svg;
}
