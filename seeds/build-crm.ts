/**
 * Composes seeds/30-crm.json on the core world's keys (seeds/README.md): our products with
 * upgrades and complements, two years of orders for every buying organization, complaints and
 * service cases (with a recurring heat-pump fault for the same-problem list), consent decisions
 * of the customers' people and the lifecycle history of the dormant accounts.
 * Deterministic (fixed PRNG seed): `npx tsx seeds/build-crm.ts` rewrites the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportDocument, ImportNode, ImportRelationship } from '../src/import';
import { mulberry32 } from '../src/random';

type Props = Record<string, unknown>;

const core = JSON.parse(readFileSync(join(__dirname, '10-core.json'), 'utf8')) as Required<ImportDocument>;
const nodes: ImportNode[] = [];
const relationships: ImportRelationship[] = [];

const random = mulberry32(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p: number): boolean => random() < p;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The last day of the sample history; orders run over the two years before it. */
const ANCHOR = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;
const dateBefore = (days: number): string => new Date(ANCHOR - days * DAY).toISOString().slice(0, 10);
const timeBefore = (days: number, hour = between(7, 17)): string =>
  new Date(ANCHOR - days * DAY + hour * 3_600_000 + between(0, 59) * 60_000).toISOString().replace('.000Z', 'Z');

// ---- products -------------------------------------------------------------------------------
const PRODUCTS: [key: string, sku: string, name: string, family: string, price: number][] = [
  ['prod-gb-100', 'GB-100', 'Gas-Brennwertkessel GB 100 (24 kW)', 'Gas condensing boilers', 2890],
  ['prod-gb-200', 'GB-200', 'Gas-Brennwertkessel GB 200 (24 kW, modulierend)', 'Gas condensing boilers', 3490],
  ['prod-wp-air-8', 'WP-AIR-8', 'Luft/Wasser-Wärmepumpe AquaAir 8 kW', 'Heat pumps', 9800],
  ['prod-wp-air-12', 'WP-AIR-12', 'Luft/Wasser-Wärmepumpe AquaAir 12 kW', 'Heat pumps', 12400],
  ['prod-wp-air-12-pro', 'WP-AIR-12P', 'AquaAir 12 kW Pro (leiser Verdichter)', 'Heat pumps', 13900],
  ['prod-wp-geo-10', 'WP-GEO-10', 'Sole/Wasser-Wärmepumpe TerraGeo 10 kW', 'Heat pumps', 15600],
  ['prod-sp-300', 'SP-300', 'Warmwasserspeicher 300 l', 'Storage', 1190],
  ['prod-sp-500', 'SP-500', 'Kombispeicher 500 l (Solar)', 'Storage', 1890],
  ['prod-buffer-200', 'BUF-200', 'Pufferspeicher 200 l', 'Storage', 790],
  ['prod-rc-basic', 'RC-BASIC', 'Raumregler Basic', 'Controls', 129],
  ['prod-rc-smart', 'RC-SMART', 'Raumregler Smart (App)', 'Controls', 289],
  ['prod-st-2', 'ST-2', 'Solarthermie-Kollektor ST 2.5 m²', 'Solar thermal', 990],
  ['prod-pump-he', 'PUMP-HE', 'Hocheffizienz-Umwälzpumpe', 'Accessories', 310],
  ['prod-valve-set', 'VALVE-SET', 'Anschlussset mit Kugelhähnen', 'Accessories', 145],
  ['prod-flue-kit', 'FLUE-KIT', 'Abgassystem Grundbausatz', 'Accessories', 420],
  ['prod-exp-vessel', 'EXP-25', 'Ausdehnungsgefäß 25 l', 'Accessories', 95],
];
const price = new Map(PRODUCTS.map(([key, , , , p]) => [key, p]));
for (const [key, sku, name, family, p] of PRODUCTS) nodes.push({ type: 'Product', key, properties: { sku, name, family, price: p } });
for (const [from, to] of [
  ['prod-gb-200', 'prod-gb-100'], ['prod-wp-air-12', 'prod-wp-air-8'], ['prod-wp-air-12-pro', 'prod-wp-air-12'],
  ['prod-sp-500', 'prod-sp-300'], ['prod-rc-smart', 'prod-rc-basic'],
]) relationships.push({ type: 'UPGRADE_OF', from, to });
for (const [from, to] of [
  ['prod-wp-air-8', 'prod-buffer-200'], ['prod-wp-air-12', 'prod-buffer-200'], ['prod-wp-geo-10', 'prod-buffer-200'],
  ['prod-wp-air-8', 'prod-rc-smart'], ['prod-wp-air-12', 'prod-rc-smart'], ['prod-gb-100', 'prod-flue-kit'],
  ['prod-gb-200', 'prod-flue-kit'], ['prod-gb-100', 'prod-rc-basic'], ['prod-st-2', 'prod-sp-500'],
  ['prod-pump-he', 'prod-valve-set'], ['prod-gb-200', 'prod-exp-vessel'],
]) relationships.push({ type: 'COMPLEMENTS', from, to });

/** What an installer typically buys together: a main unit and its usual accessories. */
const BASKETS: string[][] = [
  ['prod-gb-100', 'prod-flue-kit', 'prod-rc-basic', 'prod-valve-set'],
  ['prod-gb-200', 'prod-flue-kit', 'prod-exp-vessel', 'prod-sp-300'],
  ['prod-wp-air-8', 'prod-buffer-200', 'prod-rc-smart', 'prod-valve-set'],
  ['prod-wp-air-12', 'prod-buffer-200', 'prod-pump-he', 'prod-sp-300'],
  ['prod-wp-geo-10', 'prod-buffer-200', 'prod-rc-smart'],
  ['prod-st-2', 'prod-sp-500', 'prod-pump-he'],
];

// ---- orders ---------------------------------------------------------------------------------
const orgs = core.nodes.filter((n) => n.type === 'Organization');
const buyers = orgs.filter((n) => ['CUSTOMER', 'KEY_ACCOUNT', 'DORMANT'].includes(String(n.properties.lifecycleStage)));
const ordered = new Map<string, Map<string, string>>(); // org → product → last order date
let orderNo = 0;

function placeOrder(org: string, daysAgo: number, scale: number, profile: string[][]) {
  orderNo += 1;
  const key = `order-${String(orderNo).padStart(5, '0')}`;
  const date = dateBefore(daysAgo);
  const basket = pick(profile);
  const lines = basket.filter((_, i) => i === 0 || chance(0.7));
  let amount = 0;
  for (const product of lines) {
    const quantity = Math.max(1, Math.round(between(1, 3) * scale * (product === basket[0] ? 1 : 1.5)));
    const lineAmount = round2(quantity * price.get(product)! * (0.82 + random() * 0.15));
    amount += lineAmount;
    relationships.push({ type: 'CONTAINS', from: key, to: product, properties: { quantity, amount: lineAmount } });
    const seen = ordered.get(org) ?? new Map<string, string>();
    if (!seen.has(product) || seen.get(product)! < date) seen.set(product, date);
    ordered.set(org, seen);
  }
  nodes.push({ type: 'Order', key, properties: { number: `SO-${2024 + Math.floor((730 - daysAgo) / 365)}-${String(orderNo).padStart(5, '0')}`, date, amount: round2(amount), currency: 'EUR' } });
  relationships.push({ type: 'PLACED', from: org, to: key });
}

buyers.forEach((org, i) => {
  const tier = String(org.properties.tier ?? 'C');
  const stage = String(org.properties.lifecycleStage);
  const distributor = (org.properties.kinds as string[]).includes('DISTRIBUTOR');
  const profile = [pick(BASKETS), pick(BASKETS), ...(tier === 'A' ? [pick(BASKETS), pick(BASKETS)] : [])];
  const count = tier === 'A' ? between(18, 28) : tier === 'B' ? between(7, 12) : between(2, 6);
  const scale = distributor ? 8 : tier === 'A' ? 4 : tier === 'B' ? 1.5 : 1;
  // Dormant accounts, and every seventh small customer, stopped ordering 200–500 days ago.
  const sleeping = stage === 'DORMANT' || (tier === 'C' && i % 7 === 3);
  const newest = sleeping ? between(200, 500) : between(3, 90);
  for (let n = 0; n < count; n += 1) placeOrder(org.key, n === 0 ? newest : between(newest, 729), scale, profile);
});

// ---- cases ----------------------------------------------------------------------------------
const people = new Map(core.nodes.filter((n) => n.type === 'Person').map((n) => [n.key, n]));
const staff = new Map<string, string[]>();
for (const r of core.relationships) {
  if (r.type === 'WORKS_AT' && people.has(r.from) && !r.properties?.until) staff.set(r.to, [...(staff.get(r.to) ?? []), r.from]);
}
const SERVICE_USERS = ['u-sabine-roth', 'u-nina-schuster'];
const SUBJECTS: Record<string, string[]> = {
  'Heat pumps': ['Wärmepumpe taktet häufig', 'Geräusche im Außengerät', 'Abtauung dauert zu lange'],
  'Gas condensing boilers': ['Brenner zündet nicht', 'Störung F28 nach Wartung', 'Kondensatablauf undicht'],
  Storage: ['Speicher undicht am Flansch', 'Warmwasser zu kalt'],
  Controls: ['Regler verliert WLAN-Verbindung', 'App zeigt falsche Temperatur'],
  'Solar thermal': ['Kollektor liefert keinen Ertrag'],
  Accessories: ['Pumpe läuft nicht an', 'Lieferung unvollständig'],
};
const family = new Map(PRODUCTS.map(([key, , , fam]) => [key, fam]));
let caseNo = 0;

function raiseCase(org: string, product: string, subject: string, openedDaysAgo: number, severity: string, status: string) {
  caseNo += 1;
  const key = `case-${String(caseNo).padStart(4, '0')}`;
  const openedAt = timeBefore(openedDaysAgo);
  const properties: Props = { subject, status, severity, openedAt };
  if (status === 'RESOLVED' || status === 'CLOSED') {
    // Between 4 hours and 21 days later, never after the end of the sample history.
    const resolved = Math.min(Date.parse(openedAt) + between(4, 21 * 24) * 3_600_000, ANCHOR);
    properties.resolvedAt = new Date(resolved).toISOString().replace('.000Z', 'Z');
    properties.resolution = pick(['Bauteil getauscht', 'Parameter angepasst', 'Gutschrift erteilt', 'Monteur vor Ort, behoben']);
    if (chance(0.7)) properties.satisfaction = between(2, 5);
  }
  nodes.push({ type: 'Case', key, properties });
  const raisers = staff.get(org) ?? [];
  relationships.push({ type: 'RAISED_BY', from: key, to: raisers.length && chance(0.7) ? pick(raisers) : org });
  relationships.push({ type: 'CONCERNS', from: key, to: product });
  if (status !== 'OPEN') relationships.push({ type: 'ASSIGNED_TO', from: pick(SERVICE_USERS), to: key });
}

// The recurring fault: compressor error E4 on the 8 kW heat pump, at several of its owners.
const heatPumpOwners = [...ordered].filter(([, products]) => products.has('prod-wp-air-8')).map(([org]) => org);
heatPumpOwners.slice(0, 9).forEach((org, i) => {
  const status = i % 3 === 0 ? 'OPEN' : i % 3 === 1 ? 'IN_PROGRESS' : 'RESOLVED';
  raiseCase(org, 'prod-wp-air-8', 'Verdichter startet nicht (Fehler E4)', between(2, 150), i % 4 === 0 ? 'HIGH' : 'MEDIUM', status);
});
for (const [org, products] of [...ordered].filter((_, i) => i % 2 === 0)) {
  for (let n = between(0, 2); n > 0; n -= 1) {
    const product = pick([...products.keys()]);
    const opened = between(1, 400);
    const status = opened > 60 ? pick(['RESOLVED', 'CLOSED', 'CLOSED']) : pick(['OPEN', 'IN_PROGRESS', 'RESOLVED']);
    raiseCase(org, product, pick(SUBJECTS[family.get(product)!]), opened, pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL']), status);
  }
}

// ---- consent --------------------------------------------------------------------------------
let consentNo = 0;
function consent(person: string, channel: string, purpose: string, granted: boolean, daysAgo: number, source: string, textVersion: string) {
  consentNo += 1;
  const key = `consent-${String(consentNo).padStart(5, '0')}`;
  nodes.push({ type: 'Consent', key, properties: { channel, purpose, granted, at: timeBefore(daysAgo), source, textVersion } });
  relationships.push({ type: 'GAVE', from: person, to: key });
}
for (const org of buyers) {
  for (const person of staff.get(org.key) ?? []) {
    if (chance(0.65)) {
      const granted = between(120, 700);
      consent(person, 'EMAIL', 'newsletter', true, granted, pick(['web-form', 'trade-fair', 'order-portal']), granted > 400 ? 'nl-2024-03' : 'nl-2025-06');
      if (chance(0.2)) {
        const withdrawn = between(30, granted - 10);
        consent(person, 'EMAIL', 'newsletter', false, withdrawn, 'unsubscribe-link', granted > 400 ? 'nl-2024-03' : 'nl-2025-06');
        if (chance(0.35)) consent(person, 'EMAIL', 'newsletter', true, between(1, withdrawn - 1), 'trade-fair', 'nl-2025-06');
      }
    }
    if (chance(0.3)) consent(person, 'PHONE', 'product-news', true, between(30, 600), pick(['phone', 'trade-fair']), 'tel-2024-01');
  }
}

// ---- lifecycle history of the dormant accounts -------------------------------------------------
let changeNo = 0;
for (const org of buyers.filter((o) => o.properties.lifecycleStage === 'DORMANT')) {
  for (const [from, to, daysAgo, reason] of [
    [null, 'CUSTOMER', 700, 'First order'],
    ['CUSTOMER', 'DORMANT', between(20, 150), 'No order or contact for 180 days'],
  ] as const) {
    changeNo += 1;
    const key = `lc-${String(changeNo).padStart(3, '0')}`;
    nodes.push({ type: 'LifecycleChange', key, properties: { ...(from ? { from } : {}), to, at: timeBefore(Number(daysAgo)), reason } });
    relationships.push({ type: 'HAS_LIFECYCLE_CHANGE', from: org.key, to: key });
  }
}

writeFileSync(join(__dirname, '30-crm.json'), `${JSON.stringify({ nodes, relationships }, null, 0).replace(/\},\{/g, '},\n{')}\n`);
console.log(`seeds/30-crm.json: ${nodes.length} nodes, ${relationships.length} relationships`);
