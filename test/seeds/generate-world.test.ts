import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { generateWorld, worldRows, worldShape } from '../../seeds/generator/generate-world';
import { toDocument, withInstalledBase } from '../../seeds/generator/installed-base';
import { documentItems, parseBatch } from '../../src/import/parse-batch';

describe('generateWorld', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateWorld({ nodes: 800, seed: 7 }))).toBe(JSON.stringify(generateWorld({ nodes: 800, seed: 7 })));
    expect(JSON.stringify(generateWorld({ nodes: 800, seed: 7 }))).not.toBe(JSON.stringify(generateWorld({ nodes: 800, seed: 8 })));
  });

  it('makes exactly the requested number of nodes, as a valid import document with every endpoint present', () => {
    const world = generateWorld({ nodes: 5000, seed: 1 });
    expect(world.nodes).toHaveLength(5000);
    const parsed = parseBatch(documentItems(world));
    expect(parsed.problems.reported()).toEqual([]);
    expect(parsed.nodes).toHaveLength(5000);
    const keys = new Set(world.nodes.map((node) => node.key));
    expect(world.relationships.every((rel) => keys.has(rel.from) && keys.has(rel.to))).toBe(true);
    const types = new Set(world.relationships.map((rel) => rel.type));
    expect([...types].sort()).toEqual(['INFLUENCES', 'KNOWS', 'MANAGES', 'REPORTS_TO', 'SERVES', 'SUBSIDIARY_OF', 'WORKS_AT']);
    const shape = worldShape(5000);
    expect(world.nodes.filter((node) => node.type === 'User')).toHaveLength(shape.users);
  });

  it('is hub-heavy: the best-connected people know far more than the median, and a few distributors serve most customers', () => {
    const world = generateWorld({ nodes: 20_000, seed: 1 });
    const degree = new Map<string, number>();
    for (const rel of world.relationships) {
      if (rel.type !== 'KNOWS') continue;
      degree.set(rel.from, (degree.get(rel.from) ?? 0) + 1);
      degree.set(rel.to, (degree.get(rel.to) ?? 0) + 1);
    }
    const sorted = [...degree.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(50 * sorted[Math.floor(sorted.length / 2)]);
    const served = new Map<string, number>();
    for (const rel of world.relationships) if (rel.type === 'SERVES') served.set(rel.from, (served.get(rel.from) ?? 0) + 1);
    const counts = [...served.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(counts.slice(0, Math.ceil(counts.length / 4)).reduce((a, b) => a + b, 0)).toBeGreaterThan(total / 2);
    const outOfRange = world.relationships.filter((rel) => {
      const s = (rel.properties?.strength ?? rel.properties?.weight) as number | undefined;
      return s !== undefined && !(s > 0 && s <= 1);
    });
    expect(outOfRange).toEqual([]);
  });

  it('adds an installed base on request, leaving the stakeholder world as it was', () => {
    const plain = generateWorld({ nodes: 3000, seed: 2 });
    const world = toDocument(withInstalledBase(worldRows({ nodes: 3000, seed: 2 }), 2));
    expect(parseBatch(documentItems(world)).problems.reported()).toEqual([]);
    const stakeholders = world.nodes.filter((node) => !['Asset', 'Product'].includes(node.type));
    expect(stakeholders).toEqual(plain.nodes);
    expect(world.relationships.filter((rel) => !['OPERATES', 'OF_PRODUCT', 'MAINTAINS', 'UPGRADE_OF'].includes(rel.type))).toEqual(plain.relationships);
    const assets = world.nodes.filter((node) => node.type === 'Asset');
    expect(assets.length).toBeGreaterThan(100);
    expect(assets.some((asset) => String(asset.properties.installedAt) < '2010')).toBe(true);
    const keys = new Set(world.nodes.map((node) => node.key));
    expect(world.relationships.every((rel) => keys.has(rel.from) && keys.has(rel.to))).toBe(true);
    for (const type of ['OPERATES', 'OF_PRODUCT', 'MAINTAINS']) {
      const ends = new Set(world.relationships.filter((rel) => rel.type === type).map((rel) => (type === 'OF_PRODUCT' ? rel.from : rel.to)));
      expect(ends.size).toBe(assets.length);
    }
  });

  it('npm run generate streams the same world as valid JSON', () => {
    const root = path.join(__dirname, '../..');
    const stdout = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['seeds/generator/cli.ts', '--nodes', '300', '--seed', '4'], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(JSON.parse(stdout)).toEqual(generateWorld({ nodes: 300, seed: 4 }));
  });
});
