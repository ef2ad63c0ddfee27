/**
 * An installed base on top of a generated world (`npm run generate -- --assets`): five products
 * with upgrades, and 0–3 assets per customer that is not an installer firm (installed 2000–2026),
 * each OPERATED by that customer and MAINTAINED by an installer firm. It wraps worldRows' stream
 * (learning the organizations from their rows, adding its nodes before the first relationship and
 * its relationships at the end) and draws from its own PRNG stream, so the stakeholder world, and
 * the generator the bench store fingerprints, stay exactly as they are.
 */
import type { ImportDocument } from '../../src/import';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import { mulberry32 } from '../../src/random';
import type { WorldRow } from './generate-world';

const PRODUCTS: Array<[key: string, sku: string, name: string, upgradeOf?: string]> = [
  ['prod-gen-gb-100', 'GB-100', 'Gas condensing boiler 24 kW'],
  ['prod-gen-gb-200', 'GB-200', 'Gas condensing boiler 24 kW, modulating', 'prod-gen-gb-100'],
  ['prod-gen-wp-8', 'WP-8', 'Air/water heat pump 8 kW', 'prod-gen-gb-200'],
  ['prod-gen-wp-12', 'WP-12', 'Air/water heat pump 12 kW', 'prod-gen-wp-8'],
  ['prod-gen-geo-10', 'GEO-10', 'Brine/water heat pump 10 kW'],
];
const INSTALLER = 'Installer (SHK)';

/** worldRows' rows with an installed base added; `seed` is the world's. */
export function* withInstalledBase(rows: Iterable<WorldRow>, seed = 1): Generator<WorldRow> {
  const customers: string[] = [];
  const installers: string[] = [];
  const assets: { key: string; operator: string; maintainer: string; product: string }[] = [];
  let added = false;
  for (const item of rows) {
    if (item.section === 'relationships' && !added) {
      added = true;
      yield* assetNodes(seed, customers, installers, assets);
    }
    if (item.section === 'nodes' && item.row.type === 'Organization' && (item.row.properties.kinds as string[]).includes('CUSTOMER')) {
      (item.row.properties.industry === INSTALLER ? installers : customers).push(item.row.key);
    }
    yield item;
  }
  if (!added) yield* assetNodes(seed, customers, installers, assets);
  const rel = (type: RelationshipTypeName, from: string, to: string): WorldRow => ({ section: 'relationships', row: { type, from, to } });
  for (const [key, , , upgradeOf] of PRODUCTS) if (upgradeOf) yield rel('UPGRADE_OF', key, upgradeOf);
  for (const asset of assets) yield rel('OPERATES', asset.operator, asset.key);
  for (const asset of assets) yield rel('OF_PRODUCT', asset.key, asset.product);
  for (const asset of assets) yield rel('MAINTAINS', asset.maintainer, asset.key);
}

function* assetNodes(
  seed: number,
  customers: string[],
  installers: string[],
  assets: { key: string; operator: string; maintainer: string; product: string }[],
): Generator<WorldRow> {
  const rng = mulberry32(seed ^ 0x5eed_a55e);
  for (const [key, sku, name] of PRODUCTS) yield { section: 'nodes', row: { type: 'Product', key, properties: { sku, name, family: 'Heating' } } };
  if (installers.length === 0) return;
  for (const operator of customers) {
    for (let n = Math.floor(rng() * rng() * 4); n > 0; n -= 1) {
      const year = 2000 + Math.floor(rng() * 27);
      const product = PRODUCTS[Math.floor(rng() * (year < 2014 ? 2 : PRODUCTS.length))][0];
      const key = `asset-${String(assets.length).padStart(7, '0')}`;
      assets.push({ key, operator, maintainer: installers[Math.floor(rng() * installers.length)], product });
      yield {
        section: 'nodes',
        row: {
          type: 'Asset', key,
          properties: {
            serialNumber: `SN-${year}-${assets.length}`,
            installedAt: `${year}-${String(1 + Math.floor(rng() * 10)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`,
            status: rng() < 0.9 ? 'ACTIVE' : rng() < 0.5 ? 'OUT_OF_SERVICE' : 'REPLACED',
          },
        },
      };
    }
  }
}

/** Collects rows into one import document (fine up to a few 10^5 nodes). */
export function toDocument(rows: Iterable<WorldRow>): Required<ImportDocument> {
  const doc: Required<ImportDocument> = { nodes: [], relationships: [] };
  for (const item of rows) {
    if (item.section === 'nodes') doc.nodes.push(item.row);
    else doc.relationships.push(item.row);
  }
  return doc;
}
