/**
 * Composes seeds/40-installed-base.json on the core world's and the CRM's keys (seeds/README.md):
 * the boilers, heat pumps and solar systems our products became in the housing companies' and
 * property developers' buildings (OPERATES, OF_PRODUCT), the installer firms of the same state
 * and Wärmeservice Nord who MAINTAIN them, a history reaching back to 2004 (so a good share is
 * older than 12 years: the replacement list), replaced and broken-down units, and service cases
 * about old units. It also gives the sample world referrals (word of mouth among installers and
 * planners) and sales targets for 2026-Q4 and 2027-Q1.
 * Deterministic (fixed PRNG seed): `npx tsx seeds/build-installed-base.ts` rewrites the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportDocument, ImportNode, ImportRelationship } from '../src/import';
import { mulberry32 } from '../src/random';

const core = JSON.parse(readFileSync(join(__dirname, '10-core.json'), 'utf8')) as Required<ImportDocument>;
const nodes: ImportNode[] = [];
const relationships: ImportRelationship[] = [];

const random = mulberry32(20261129);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p: number): boolean => random() < p;
const day = (year: number): string =>
  `${year}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;

const orgs = core.nodes.filter((n) => n.type === 'Organization');
const industry = (n: ImportNode) => String(n.properties.industry ?? '');
const region = (n: ImportNode) => String(n.properties.region ?? '');

// ---- assets ---------------------------------------------------------------------------------
/** Who runs heating plants: housing companies, property developers and the heat-contracting utility. */
const operators = orgs.filter((n) => ['Property development', 'Housing cooperative', 'Utility (heat contracting)'].includes(industry(n)));
const installers = orgs.filter((n) => industry(n) === 'Installer (SHK)');
const NORTH = ['Schleswig-Holstein', 'Hamburg', 'Niedersachsen', 'Bremen', 'Mecklenburg-Vorpommern'];

/** What was installed when: condensing boilers throughout, heat pumps mostly from 2015 on. */
function productFor(year: number): string {
  if (year < 2012) return pick(['prod-gb-100', 'prod-gb-100', 'prod-gb-200', 'prod-st-2']);
  if (year < 2018) return pick(['prod-gb-100', 'prod-gb-200', 'prod-gb-200', 'prod-wp-air-8', 'prod-wp-geo-10']);
  return pick(['prod-gb-200', 'prod-wp-air-8', 'prod-wp-air-12', 'prod-wp-air-12', 'prod-wp-air-12-pro', 'prod-wp-geo-10']);
}

const SERIAL_PREFIX: Record<string, string> = {
  'prod-gb-100': 'GB1', 'prod-gb-200': 'GB2', 'prod-wp-air-8': 'WA8', 'prod-wp-air-12': 'WA12',
  'prod-wp-air-12-pro': 'WA12P', 'prod-wp-geo-10': 'WG10', 'prod-st-2': 'ST2',
};

let assetNo = 0;
const oldBoilers: { asset: string; operator: string }[] = [];
for (const operator of operators) {
  const big = operator.properties.lifecycleStage === 'KEY_ACCOUNT';
  const local = installers.filter((n) => region(n) === region(operator));
  const maintainers = local.length ? [pick(local), ...(local.length > 1 && chance(0.3) ? [pick(local)] : [])] : [pick(installers)];
  const count = big ? between(10, 16) : between(2, 6);
  for (let i = 0; i < count; i += 1) {
    assetNo += 1;
    const key = `asset-${String(assetNo).padStart(4, '0')}`;
    const year = between(2004, 2026);
    const product = productFor(year);
    const installedAt = day(year).replace(/^2026-(1[12])/, '2026-10');
    // Some old units were replaced already (their successor is a newer asset), a few broke down.
    const status = year < 2012 && chance(0.25) ? 'REPLACED' : chance(0.05) ? 'OUT_OF_SERVICE' : 'ACTIVE';
    nodes.push({ type: 'Asset', key, properties: { serialNumber: `${SERIAL_PREFIX[product]}-${year}-${String(between(1, 99999)).padStart(5, '0')}`, installedAt, status } });
    relationships.push({ type: 'OPERATES', from: operator.key, to: key }, { type: 'OF_PRODUCT', from: key, to: product });
    for (const maintainer of new Set(maintainers.map((m) => m.key))) relationships.push({ type: 'MAINTAINS', from: maintainer, to: key });
    if (NORTH.includes(region(operator)) && chance(0.5)) relationships.push({ type: 'MAINTAINS', from: 'org-waermeservice-nord', to: key });
    if (status === 'ACTIVE' && year < 2014 && product.startsWith('prod-gb')) oldBoilers.push({ asset: key, operator: operator.key });
  }
}

// ---- cases about old boilers: the wear that makes the replacement offer timely ----------------
const SUBJECTS = ['Brenner zündet nicht', 'Störung F28 nach Wartung', 'Kondensatablauf undicht', 'Wärmetauscher verkalkt'];
oldBoilers.filter(() => chance(0.35)).forEach(({ asset, operator }, i) => {
  const key = `case-asset-${String(i + 1).padStart(3, '0')}`;
  const daysAgo = between(10, 700);
  const openedAt = new Date(Date.UTC(2026, 10, 20) - daysAgo * 86_400_000 + between(7, 16) * 3_600_000).toISOString().replace('.000Z', 'Z');
  const open = daysAgo < 30;
  nodes.push({ type: 'Case', key, properties: {
    subject: pick(SUBJECTS), status: open ? 'OPEN' : 'CLOSED', severity: pick(['MEDIUM', 'HIGH']), openedAt,
    ...(open ? {} : { resolvedAt: new Date(Date.parse(openedAt) + between(4, 96) * 3_600_000).toISOString().replace('.000Z', 'Z'), resolution: 'Monteur vor Ort, behoben' }),
  } });
  relationships.push({ type: 'RAISED_BY', from: key, to: operator }, { type: 'CONCERNS', from: key, to: asset });
});

// ---- referrals: installers recommend us to installers, planners to property companies ---------
const planners = orgs.filter((n) => industry(n) === 'Engineering (building services)');
const developers = orgs.filter((n) => industry(n) === 'Property development');
const referred = new Set<string>();
const refer = (from: string, to: string, year: number, note: string) => {
  if (from === to || referred.has(`${from}|${to}`)) return;
  referred.add(`${from}|${to}`);
  relationships.push({ type: 'REFERRED', from, to, properties: { at: `${day(year)}T10:00:00Z`, note } });
};
for (let i = 0; i < 14; i += 1) refer(pick(installers).key, pick(installers).key, pick([2025, 2026]), pick(['Empfehlung beim Innungstreffen', 'Hinweis auf der SHK-Messe', 'Weiterempfehlung nach Baustellenbesuch']));
for (let i = 0; i < 6; i += 1) refer(pick(planners).key, pick(developers).key, pick([2025, 2026]), 'Empfehlung im Planungsgespräch');
refer('org-krause-haustechnik', 'org-bau-schmidt-kiel', 2025, 'Krause empfiehlt uns für den Neubau in Kiel');

// ---- sales targets ----------------------------------------------------------------------------
const TARGETS: [user: string, q4: number, q1: number][] = [
  ['u-kim-berg', 600000, 450000], ['u-lea-hoffmann', 500000, 400000], ['u-felix-arnold', 350000, 300000],
  ['u-tobias-lang', 120000, 100000], ['u-julia-brandt', 90000, 90000], ['u-deniz-aydin', 150000, 120000],
];
for (const [user, q4, q1] of TARGETS) {
  for (const [period, amount] of [['2026-Q4', q4], ['2027-Q1', q1]] as const) {
    const key = `target-${user.slice(2)}-${period.toLowerCase()}`;
    nodes.push({ type: 'SalesTarget', key, properties: { period, amount } });
    relationships.push({ type: 'HAS_TARGET', from: user, to: key });
  }
}

const out = join(__dirname, '40-installed-base.json');
const lines = [
  '{"nodes": [',
  nodes.map((n) => `    ${JSON.stringify(n)}`).join(',\n'),
  '  ],',
  '  "relationships": [',
  relationships.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
  ']}',
];
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${out}: ${nodes.length} nodes, ${relationships.length} relationships (${assetNo} assets)`);
