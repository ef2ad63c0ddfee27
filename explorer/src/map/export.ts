import type { Core } from 'cytoscape';

/** Downloads the whole map as a PNG (twice the screen resolution, white background). */
export function downloadPng(cy: Core, baseName: string): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  download(blob, `${fileName(baseName)}.png`);
}

/** Downloads the whole map as an SVG document (cytoscape-svg). */
export function downloadSvg(cy: Core, baseName: string): void {
  const text = cy.svg({ full: true, scale: 1, bg: '#ffffff' });
  download(new Blob([text], { type: 'image/svg+xml' }), `${fileName(baseName)}.svg`);
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(baseName: string): string {
  const slug = baseName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `stakeholder-map-${slug || 'export'}`;
}
