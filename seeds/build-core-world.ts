/**
 * Composes seeds/10-core.json, the sample world of DESIGN §6: Wärmewerk Heiztechnik GmbH, its
 * wholesalers, installers, developers, planners, consultants, trade press and broker.
 * Deterministic (fixed PRNG seed): `npx tsx seeds/build-core-world.ts` rewrites the same file.
 * The named accounts and people (seeds/README.md) are hand-written; the long tail of installer
 * firms and their staff is composed from hand-written name lists.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportNode, ImportRelationship } from '../src/import';
import type { RelationshipTypeName } from '../src/model/graph-model';
import { mulberry32 } from '../src/random';

type Props = Record<string, unknown>;

const nodes: ImportNode[] = [];
const relationships: ImportRelationship[] = [];
const knownPairs = new Set<string>();
const relKeys = new Set<string>();

const random = mulberry32(20260423);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const round2 = (x: number): number => Math.round(x * 100) / 100;

function ascii(text: string): string {
  return text.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/ı/g, 'i')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
function date(yearLo: number, yearHi: number): string {
  return `${between(yearLo, yearHi)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
}

function org(key: string, properties: Props): string {
  nodes.push({ type: 'Organization', key, properties: { country: 'DE', ...properties } });
  return key;
}
function user(key: string, name: string, roles: string[]): string {
  const [first, last] = name.split(' ');
  nodes.push({ type: 'User', key, properties: { name, email: `${ascii(first)}.${ascii(last)}@waermewerk.example`, roles } });
  return key;
}
const usedPersonKeys = new Set<string>();
/** A person working at `orgKey`; returns the person's key. */
function person(orgKey: string, domain: string, name: string, title: string, extra: Props = {}, key?: string): string {
  let k = key ?? `p-${ascii(name)}`;
  for (let n = 2; usedPersonKeys.has(k); n += 1) k = `p-${ascii(name)}-${n}`;
  usedPersonKeys.add(k);
  const [first, ...rest] = name.split(' ');
  const orgNode = nodes.find((node) => node.key === orgKey);
  const props: Props = {
    name, title, email: `${ascii(first)}.${ascii(rest.join(' '))}@${domain}`, kinds: ['CONTACT'],
    phone: `+49 ${between(30, 999)} ${between(100000, 9999999)}`,
    city: orgNode?.properties.city, country: 'DE', ...extra,
  };
  nodes.push({ type: 'Person', key: k, properties: props });
  rel('WORKS_AT', k, orgKey, {
    title, ...(extra.department ? { department: extra.department } : {}), since: date(2005, 2024),
  });
  return k;
}
function rel(type: RelationshipTypeName, from: string, to: string, properties?: Props): void {
  const id = `${type}|${from}|${to}`;
  if (from === to || relKeys.has(id)) return;
  relKeys.add(id);
  relationships.push({ type, from, to, ...(properties ? { properties } : {}) });
}
/** KNOWS is stored once per pair (DESIGN §4), so a second mention of a pair is dropped. */
function knows(a: string, b: string, strength: number, source: string, since?: string): void {
  const pair = [a, b].sort().join('|');
  if (a === b || knownPairs.has(pair)) return;
  knownPairs.add(pair);
  const s = Math.min(1, Math.max(0.05, round2(strength)));
  rel('KNOWS', a, b, { strength: s, declaredStrength: s, source, since: since ?? date(2012, 2025) });
}
function influences(from: string, to: string, weight: number, topic: string): void {
  rel('INFLUENCES', from, to, { weight: Math.min(1, Math.max(0.05, round2(weight))), topic });
}

// ---------------------------------------------------------------------------------------------
// Name lists (hand-written)
const FIRST = [
  'Anna', 'Lukas', 'Sophie', 'Jonas', 'Marie', 'Felix', 'Laura', 'Maximilian', 'Lena', 'Paul', 'Hannah', 'Leon',
  'Julia', 'Tim', 'Sarah', 'Florian', 'Katharina', 'Stefan', 'Sabine', 'Thomas', 'Andrea', 'Michael', 'Claudia',
  'Frank', 'Petra', 'Jürgen', 'Monika', 'Uwe', 'Birgit', 'Ralf', 'Susanne', 'Dirk', 'Nicole', 'Matthias', 'Heike',
  'Carsten', 'Anja', 'Holger', 'Tanja', 'Sven', 'Kerstin', 'Jan', 'Miriam', 'Oliver', 'Ines', 'Björn', 'Nadine',
  'Hendrik', 'Svenja', 'Malte', 'Ole', 'Greta', 'Henrik', 'Franziska', 'Dominik', 'Vanessa', 'Benedikt', 'Carina',
  'Moritz', 'Theresa', 'Johannes', 'Elif', 'Mehmet', 'Aylin', 'Piotr', 'Katarzyna', 'Marco', 'Giulia', 'Dennis', 'Jana',
];
const LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter',
  'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange',
  'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König',
  'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn',
  'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher',
  'Yılmaz', 'Kowalski', 'Rossi', 'Brandt', 'Haas', 'Sommer', 'Graf', 'Dietrich', 'Engel', 'Petersen', 'Jansen',
];
/** [city, state] */
const CITIES: Array<[string, string]> = [
  ['Hamburg', 'Hamburg'], ['Lübeck', 'Schleswig-Holstein'], ['Kiel', 'Schleswig-Holstein'], ['Flensburg', 'Schleswig-Holstein'],
  ['Bremen', 'Bremen'], ['Hannover', 'Niedersachsen'], ['Oldenburg', 'Niedersachsen'], ['Osnabrück', 'Niedersachsen'],
  ['Braunschweig', 'Niedersachsen'], ['Berlin', 'Berlin'], ['Potsdam', 'Brandenburg'], ['Rostock', 'Mecklenburg-Vorpommern'],
  ['Leipzig', 'Sachsen'], ['Dresden', 'Sachsen'], ['Chemnitz', 'Sachsen'], ['Magdeburg', 'Sachsen-Anhalt'], ['Halle (Saale)', 'Sachsen-Anhalt'],
  ['Erfurt', 'Thüringen'], ['Jena', 'Thüringen'], ['Kassel', 'Hessen'], ['Frankfurt am Main', 'Hessen'], ['Darmstadt', 'Hessen'],
  ['Köln', 'Nordrhein-Westfalen'], ['Düsseldorf', 'Nordrhein-Westfalen'], ['Dortmund', 'Nordrhein-Westfalen'], ['Essen', 'Nordrhein-Westfalen'],
  ['Münster', 'Nordrhein-Westfalen'], ['Bielefeld', 'Nordrhein-Westfalen'], ['Mainz', 'Rheinland-Pfalz'], ['Koblenz', 'Rheinland-Pfalz'],
  ['Saarbrücken', 'Saarland'], ['Stuttgart', 'Baden-Württemberg'], ['Karlsruhe', 'Baden-Württemberg'], ['Freiburg im Breisgau', 'Baden-Württemberg'],
  ['Mannheim', 'Baden-Württemberg'], ['Ulm', 'Baden-Württemberg'], ['München', 'Bayern'], ['Nürnberg', 'Bayern'], ['Augsburg', 'Bayern'],
  ['Regensburg', 'Bayern'], ['Würzburg', 'Bayern'], ['Rosenheim', 'Bayern'],
];
const cityOf = (name: string): [string, string] => CITIES.find(([city]) => city === name) ?? [name, 'Hessen'];
const personName = (): string => `${pick(FIRST)} ${pick(LAST)}`;

// ---------------------------------------------------------------------------------------------
// Us
org('org-waermewerk', {
  name: 'Wärmewerk Heiztechnik GmbH', kinds: ['SUPPLIER'], industry: 'Heating systems', domain: 'waermewerk.example',
  city: 'Kassel', region: 'Hessen', employees: 1450, annualRevenue: 385_000_000,
});

const U = {
  kim: user('u-kim-berg', 'Kim Berg', ['KEY_ACCOUNT_MANAGER']),
  lea: user('u-lea-hoffmann', 'Lea Hoffmann', ['KEY_ACCOUNT_MANAGER']),
  felix: user('u-felix-arnold', 'Felix Arnold', ['KEY_ACCOUNT_MANAGER', 'SALES']),
  jonas: user('u-jonas-keller', 'Jonas Keller', ['PARTNER_MANAGER']),
  markus: user('u-markus-vogt', 'Markus Vogt', ['PARTNER_MANAGER']),
  tobias: user('u-tobias-lang', 'Tobias Lang', ['SALES']),
  julia: user('u-julia-brandt', 'Julia Brandt', ['SALES']),
  deniz: user('u-deniz-aydin', 'Deniz Aydin', ['SALES']),
  sabine: user('u-sabine-roth', 'Sabine Roth', ['SERVICE']),
  nina: user('u-nina-schuster', 'Nina Schuster', ['SERVICE']),
  paul: user('u-paul-engel', 'Paul Engel', ['ADMIN']),
  clara: user('u-clara-wendt', 'Clara Wendt', ['READ_ONLY']),
};
const SALES_USERS = [U.tobias, U.julia, U.deniz];

// ---------------------------------------------------------------------------------------------
// Distributors (wholesalers) — the hubs of the channel
interface Partner { key: string; domain: string; territory: string; states: string[]; manager: string }
const DISTRIBUTORS: Partner[] = [];
function distributor(key: string, name: string, city: string, territory: string, states: string[], manager: string, employees: number): Partner {
  const [c, region] = cityOf(city);
  const domain = `${key.replace(/^org-/, '')}.example`;
  org(key, { name, kinds: ['DISTRIBUTOR'], lifecycleStage: 'CUSTOMER', tier: 'A', industry: 'Wholesale (HVAC and plumbing)', domain, city: c, region, employees, annualRevenue: employees * 410_000 });
  rel('MANAGES', manager, key, { as: 'PARTNER_MANAGER' });
  const p: Partner = { key, domain, territory, states, manager };
  DISTRIBUTORS.push(p);
  return p;
}
const D = {
  nordgross: distributor('org-nordgross', 'Nordgroß Haustechnik-Großhandel GmbH & Co. KG', 'Hamburg', 'Norddeutschland', ['Hamburg', 'Schleswig-Holstein', 'Bremen', 'Niedersachsen', 'Mecklenburg-Vorpommern'], U.jonas, 820),
  suedhandel: distributor('org-suedhandel', 'Südhandel Sanitär & Heizung AG', 'München', 'Süddeutschland', ['Bayern', 'Baden-Württemberg'], U.markus, 1300),
  rheintherm: distributor('org-rheintherm', 'Rheintherm Großhandel GmbH', 'Köln', 'Rheinland', ['Nordrhein-Westfalen', 'Rheinland-Pfalz', 'Saarland'], U.jonas, 640),
  ostwaerme: distributor('org-ostwaerme', 'Ostwärme Fachgroßhandel GmbH', 'Leipzig', 'Mitteldeutschland', ['Sachsen', 'Sachsen-Anhalt', 'Thüringen', 'Berlin', 'Brandenburg'], U.markus, 410),
  mittehaus: distributor('org-mitte-haustechnik', 'Haustechnik Mitte Handelsgesellschaft mbH', 'Frankfurt am Main', 'Hessen und Mitte', ['Hessen', 'Thüringen', 'Niedersachsen'], U.jonas, 350),
  westfalen: distributor('org-westfalen-sanitaer', 'Westfalen Sanitär-Heizung Vertrieb GmbH', 'Dortmund', 'Westfalen', ['Nordrhein-Westfalen', 'Niedersachsen'], U.markus, 290),
};
// Distributor branches as subsidiaries
org('org-suedhandel-bw', { name: 'Südhandel Baden-Württemberg GmbH', kinds: ['DISTRIBUTOR'], lifecycleStage: 'CUSTOMER', industry: 'Wholesale (HVAC and plumbing)', city: 'Stuttgart', region: 'Baden-Württemberg', employees: 260, domain: 'suedhandel.example' });
rel('SUBSIDIARY_OF', 'org-suedhandel-bw', D.suedhandel.key);
org('org-nordgross-ost', { name: 'Nordgroß Mecklenburg GmbH', kinds: ['DISTRIBUTOR'], lifecycleStage: 'CUSTOMER', industry: 'Wholesale (HVAC and plumbing)', city: 'Rostock', region: 'Mecklenburg-Vorpommern', employees: 95, domain: 'nordgross.example' });
rel('SUBSIDIARY_OF', 'org-nordgross-ost', D.nordgross.key);
rel('MANAGES', U.jonas, 'org-nordgross-ost', { as: 'PARTNER_MANAGER' });

// Distributor staff: a managing director, heads of sales, branch managers, counter staff
const distributorStaff = new Map<string, string[]>();
const DISTRIBUTOR_PEOPLE: Record<string, Array<[string, string, string?]>> = {
  'org-nordgross': [['Hauke Petersen', 'Geschäftsführer'], ['Merle Jansen', 'Leiterin Vertrieb Heizung'], ['Ole Brandt', 'Produktmanager Wärmepumpen'], ['Frauke Lüders', 'Niederlassungsleiterin Lübeck'], ['Timo Carstens', 'Außendienst Installateure']],
  'org-suedhandel': [['Alois Huber', 'Vorstand Vertrieb'], ['Veronika Stadler', 'Bereichsleiterin Heizung'], ['Korbinian Maier', 'Key Account Wohnungswirtschaft'], ['Sebastian Wimmer', 'Niederlassungsleiter Augsburg'], ['Anja Bauer', 'Produktmanagerin Solarthermie']],
  'org-rheintherm': [['Heribert Schmitz', 'Geschäftsführer'], ['Claudia Kremer', 'Vertriebsleiterin'], ['Dirk Hansen', 'Außendienst Köln-Süd'], ['Yasemin Öztürk', 'Objektvertrieb']],
  'org-ostwaerme': [['Uwe Lehmann', 'Geschäftsführer'], ['Katrin Schulze', 'Leiterin Einkauf'], ['René Pohl', 'Außendienst Sachsen'], ['Mandy Richter', 'Innendienst']],
  'org-mitte-haustechnik': [['Bernd Kraus', 'Geschäftsführer'], ['Tanja Weigel', 'Vertriebsleiterin'], ['Jens Wolter', 'Außendienst Nordhessen']],
  'org-westfalen-sanitaer': [['Guido Schulte', 'Geschäftsführer'], ['Nadine Hövel', 'Vertrieb Objekt'], ['Kai Rehbein', 'Außendienst Münsterland']],
};
for (const [orgKey, people] of Object.entries(DISTRIBUTOR_PEOPLE)) {
  const domain = `${orgKey.replace(/^org-/, '')}.example`;
  const keys = people.map(([name, title]) => person(orgKey, domain, name, title, {
    seniority: /Geschäftsführer|Vorstand/.test(title) ? 'EXECUTIVE' : /Leiter|leiter/.test(title) ? 'HEAD' : 'SENIOR',
    department: /Einkauf/.test(title) ? 'Einkauf' : 'Vertrieb',
  }));
  for (let i = 1; i < keys.length; i += 1) rel('REPORTS_TO', keys[i], keys[i === 1 ? 0 : 1]);
  distributorStaff.set(orgKey, keys);
}

// ---------------------------------------------------------------------------------------------
// Key accounts with real org structures
interface Member { key: string; name: string; title: string; department: string; seniority: string; boss?: string }
function keyAccount(
  key: string, props: Props, owner: string, domain: string,
  members: Array<[string, string, string, string, string, string?]>,
): Record<string, string> {
  const [city, region] = cityOf(props.city as string);
  org(key, { lifecycleStage: 'KEY_ACCOUNT', tier: 'A', domain, ...props, city, region });
  rel('MANAGES', owner, key, { as: 'ACCOUNT_OWNER' });
  const byShort: Record<string, string> = {};
  for (const [short, name, title, department, seniority, boss] of members) {
    const k = person(key, domain, name, title, { department, seniority }, short.startsWith('p-') ? short : undefined);
    byShort[short] = k;
    if (boss) rel('REPORTS_TO', k, byShort[boss]);
  }
  return byShort;
}

const bauSchmidt = keyAccount('org-bau-schmidt', {
  name: 'Bau Schmidt Installationen GmbH', kinds: ['CUSTOMER'], industry: 'Installer (SHK)', city: 'Lübeck', employees: 240, annualRevenue: 38_000_000,
}, U.kim, 'bau-schmidt.example', [
  ['ceo', 'Karl-Heinz Schmidt', 'Geschäftsführer', 'Geschäftsführung', 'OWNER'],
  ['p-anna-weber', 'Anna Weber', 'Leiterin Einkauf', 'Einkauf', 'HEAD', 'ceo'],
  ['cfo', 'Martina Schmidt', 'Kaufmännische Leiterin', 'Finanzen', 'EXECUTIVE', 'ceo'],
  ['p-jan-petersen', 'Jan Petersen', 'Technischer Leiter', 'Technik', 'HEAD', 'ceo'],
  ['buyer', 'Lars Möller', 'Einkäufer Heiztechnik', 'Einkauf', 'MID', 'p-anna-weber'],
  ['site1', 'Sönke Albers', 'Bauleiter Großprojekte', 'Technik', 'SENIOR', 'p-jan-petersen'],
  ['site2', 'Imke Thiessen', 'Projektleiterin Sanierung', 'Technik', 'SENIOR', 'p-jan-petersen'],
  ['svc', 'Finn Hansen', 'Leiter Kundendienst', 'Service', 'HEAD', 'p-jan-petersen'],
  ['tech1', 'Jannik Wulf', 'Servicetechniker Wärmepumpen', 'Service', 'MID', 'svc'],
  ['office', 'Birte Clausen', 'Assistenz der Geschäftsführung', 'Geschäftsführung', 'MID', 'ceo'],
]);
rel('SUBSIDIARY_OF', org('org-bau-schmidt-kiel', { name: 'Bau Schmidt Kiel GmbH', kinds: ['CUSTOMER'], lifecycleStage: 'CUSTOMER', tier: 'B', industry: 'Installer (SHK)', city: 'Kiel', region: 'Schleswig-Holstein', employees: 45 }), 'org-bau-schmidt');

const rheinWohnbau = keyAccount('org-rheinwohnbau', {
  name: 'Rheinwohnbau AG', kinds: ['CUSTOMER'], industry: 'Property development', city: 'Düsseldorf', employees: 1900, annualRevenue: 640_000_000,
}, U.lea, 'rheinwohnbau.example', [
  ['p-heike-wolters', 'Heike Wolters', 'Vorständin Technik', 'Vorstand', 'EXECUTIVE'],
  ['cfo', 'Andreas Bergmann', 'Finanzvorstand', 'Vorstand', 'EXECUTIVE'],
  ['p-stefan-kuhn', 'Stefan Kuhn', 'Leiter Technisches Gebäudemanagement', 'Technik', 'HEAD', 'p-heike-wolters'],
  ['p-miriam-ebert', 'Miriam Ebert', 'Leiterin Zentraleinkauf', 'Einkauf', 'HEAD', 'cfo'],
  ['energy', 'Tobias Reuter', 'Energiemanager', 'Technik', 'SENIOR', 'p-stefan-kuhn'],
  ['proj1', 'Sandra Küpper', 'Projektleiterin Neubau Köln', 'Projektentwicklung', 'SENIOR', 'p-stefan-kuhn'],
  ['proj2', 'Dennis Otten', 'Projektleiter Bestandssanierung', 'Projektentwicklung', 'SENIOR', 'p-stefan-kuhn'],
  ['buyer', 'Ayşe Demir', 'Strategische Einkäuferin TGA', 'Einkauf', 'MID', 'p-miriam-ebert'],
  ['esg', 'Philipp Grote', 'Nachhaltigkeitsbeauftragter', 'ESG', 'SENIOR', 'p-heike-wolters'],
  ['assist', 'Melanie Thelen', 'Vorstandsassistenz', 'Vorstand', 'MID', 'p-heike-wolters'],
  ['fm', 'Rüdiger Kolb', 'Teamleiter Haustechnik Bestand', 'Technik', 'MID', 'proj2'],
]);
for (const [k, name, city] of [['org-rheinwohnbau-koeln', 'Rheinwohnbau Köln Projekt GmbH', 'Köln'], ['org-rheinwohnbau-service', 'Rheinwohnbau Immobilienservice GmbH', 'Düsseldorf']] as const) {
  const [c, region] = cityOf(city);
  org(k, { name, kinds: ['CUSTOMER'], lifecycleStage: 'CUSTOMER', tier: 'B', industry: 'Property development', city: c, region, employees: between(80, 300) });
  rel('SUBSIDIARY_OF', k, 'org-rheinwohnbau');
  rel('MANAGES', U.lea, k, { as: 'ACCOUNT_OWNER' });
}

const isarImmo = keyAccount('org-isar-immobilien', {
  name: 'Isar Immobilien Gruppe GmbH', kinds: ['CUSTOMER'], industry: 'Property development', city: 'München', employees: 720, annualRevenue: 290_000_000,
}, U.felix, 'isar-immobilien.example', [
  ['ceo', 'Maximilian Graf', 'Geschäftsführender Gesellschafter', 'Geschäftsführung', 'OWNER'],
  ['p-theresa-lindner', 'Theresa Lindner', 'Leiterin Technik und Bau', 'Technik', 'HEAD', 'ceo'],
  ['p-markus-eder', 'Markus Eder', 'Leiter Einkauf', 'Einkauf', 'HEAD', 'ceo'],
  ['cfo', 'Franziska Obermaier', 'Leiterin Finanzen', 'Finanzen', 'HEAD', 'ceo'],
  ['tga', 'Benedikt Hofer', 'Fachplaner TGA (intern)', 'Technik', 'SENIOR', 'p-theresa-lindner'],
  ['proj', 'Lisa Brunner', 'Projektleiterin Quartier Riem', 'Projektentwicklung', 'SENIOR', 'p-theresa-lindner'],
  ['buyer', 'Quirin Moser', 'Einkäufer Haustechnik', 'Einkauf', 'MID', 'p-markus-eder'],
  ['site', 'Stefanie Gruber', 'Bauleiterin', 'Technik', 'MID', 'proj'],
]);

const elbeWohnen = keyAccount('org-elbe-wohnen', {
  name: 'Elbe Wohnen eG', kinds: ['CUSTOMER'], industry: 'Housing cooperative', city: 'Dresden', employees: 380, annualRevenue: 120_000_000,
}, U.kim, 'elbe-wohnen.example', [
  ['p-frank-seidel', 'Frank Seidel', 'Vorstand', 'Vorstand', 'EXECUTIVE'],
  ['p-katrin-vogel', 'Katrin Vogel', 'Leiterin Bestandsmanagement', 'Technik', 'HEAD', 'p-frank-seidel'],
  ['buyer', 'Ronny Hentschel', 'Einkauf und Vergabe', 'Einkauf', 'SENIOR', 'p-frank-seidel'],
  ['tech', 'Susann Kretzschmar', 'Technikerin Heizungsanlagen', 'Technik', 'MID', 'p-katrin-vogel'],
  ['energy', 'Thomas Ullrich', 'Energieberater (intern)', 'Technik', 'SENIOR', 'p-katrin-vogel'],
  ['board2', 'Gabriele Fiedler', 'Vorständin Finanzen', 'Vorstand', 'EXECUTIVE'],
]);

const krause = keyAccount('org-krause-haustechnik', {
  name: 'Krause Haustechnik GmbH & Co. KG', kinds: ['CUSTOMER'], industry: 'Installer (SHK)', city: 'Hannover', employees: 310, annualRevenue: 52_000_000,
}, U.lea, 'krause-haustechnik.example', [
  ['p-joerg-krause', 'Jörg Krause', 'Geschäftsführer', 'Geschäftsführung', 'OWNER'],
  ['p-nils-krause', 'Nils Krause', 'Prokurist, Leiter Vertrieb', 'Vertrieb', 'EXECUTIVE', 'p-joerg-krause'],
  ['p-sandra-reimers', 'Sandra Reimers', 'Leiterin Einkauf und Logistik', 'Einkauf', 'HEAD', 'p-joerg-krause'],
  ['tech', 'Marcel Bode', 'Meister Heizungsbau', 'Technik', 'SENIOR', 'p-nils-krause'],
  ['svc', 'Kevin Lührs', 'Kundendienstleiter', 'Service', 'HEAD', 'p-joerg-krause'],
  ['tech2', 'Dominik Wiese', 'Monteur Wärmepumpen', 'Technik', 'MID', 'tech'],
  ['office', 'Heike Behrens', 'Auftragsbearbeitung', 'Vertrieb', 'MID', 'p-nils-krause'],
]);
for (const [k, city] of [['org-krause-braunschweig', 'Braunschweig'], ['org-krause-hildesheim', 'Hannover']] as const) {
  org(k, { name: `Krause Haustechnik ${k.endsWith('braunschweig') ? 'Braunschweig' : 'Hildesheim'} GmbH`, kinds: ['CUSTOMER'], lifecycleStage: 'CUSTOMER', tier: 'B', industry: 'Installer (SHK)', city, region: 'Niedersachsen', employees: between(40, 90) });
  rel('SUBSIDIARY_OF', k, 'org-krause-haustechnik');
}

const stadtwerke = keyAccount('org-stadtwerke-nordhessen', {
  name: 'Stadtwerke Nordhessen Energie GmbH', kinds: ['CUSTOMER'], industry: 'Utility (heat contracting)', city: 'Kassel', employees: 950, annualRevenue: 410_000_000,
}, U.felix, 'stadtwerke-nordhessen.example', [
  ['p-ulrike-hahn', 'Ulrike Hahn', 'Geschäftsführerin', 'Geschäftsführung', 'EXECUTIVE'],
  ['p-bernd-fuchs', 'Bernd Fuchs', 'Bereichsleiter Wärmecontracting', 'Contracting', 'HEAD', 'p-ulrike-hahn'],
  ['buy', 'Carina Heinemann', 'Leiterin Beschaffung', 'Einkauf', 'HEAD', 'p-ulrike-hahn'],
  ['eng', 'Oliver Stieglitz', 'Projektingenieur Nahwärme', 'Contracting', 'SENIOR', 'p-bernd-fuchs'],
  ['eng2', 'Elif Kaya', 'Projektingenieurin Wärmepumpen', 'Contracting', 'SENIOR', 'p-bernd-fuchs'],
  ['legal', 'Harald Siebert', 'Justiziar', 'Recht', 'SENIOR', 'p-ulrike-hahn'],
]);

const KEY_ACCOUNTS = ['org-bau-schmidt', 'org-rheinwohnbau', 'org-isar-immobilien', 'org-elbe-wohnen', 'org-krause-haustechnik', 'org-stadtwerke-nordhessen'];
const keyAccountPeople = [bauSchmidt, rheinWohnbau, isarImmo, elbeWohnen, krause, stadtwerke].map((m) => Object.values(m));

// Channel: which distributors serve the key accounts (Bau Schmidt and Rheinwohnbau are channel conflicts)
rel('SERVES', D.nordgross.key, 'org-bau-schmidt', { as: 'DISTRIBUTOR', territory: 'Schleswig-Holstein', since: '2014-03-01' });
rel('SERVES', D.mittehaus.key, 'org-bau-schmidt', { as: 'DISTRIBUTOR', territory: 'Norddeutschland', since: '2022-09-01' });
rel('SERVES', D.nordgross.key, 'org-bau-schmidt-kiel', { as: 'DISTRIBUTOR', territory: 'Schleswig-Holstein', since: '2018-01-15' });
rel('SERVES', D.rheintherm.key, 'org-rheinwohnbau', { as: 'DISTRIBUTOR', territory: 'Rheinland', since: '2011-05-01' });
rel('SERVES', D.westfalen.key, 'org-rheinwohnbau', { as: 'DISTRIBUTOR', territory: 'Nordrhein-Westfalen', since: '2021-02-01' });
rel('SERVES', D.rheintherm.key, 'org-rheinwohnbau-koeln', { as: 'DISTRIBUTOR', territory: 'Köln', since: '2019-06-01' });
rel('SERVES', D.suedhandel.key, 'org-isar-immobilien', { as: 'DISTRIBUTOR', territory: 'Oberbayern', since: '2016-10-01' });
rel('SERVES', D.ostwaerme.key, 'org-elbe-wohnen', { as: 'DISTRIBUTOR', territory: 'Sachsen', since: '2015-04-01' });
rel('SERVES', D.nordgross.key, 'org-krause-haustechnik', { as: 'DISTRIBUTOR', territory: 'Niedersachsen', since: '2012-01-01' });
rel('SERVES', D.mittehaus.key, 'org-stadtwerke-nordhessen', { as: 'DISTRIBUTOR', territory: 'Nordhessen', since: '2017-07-01' });
rel('SERVES', D.nordgross.key, 'org-krause-braunschweig', { as: 'DISTRIBUTOR', territory: 'Niedersachsen', since: '2019-01-01' });
rel('SERVES', D.westfalen.key, 'org-krause-hildesheim', { as: 'DISTRIBUTOR', territory: 'Niedersachsen', since: '2023-04-01' });

// ---------------------------------------------------------------------------------------------
// Influencer firms: planners, energy consultants, trade press, insurance broker
const influencerPeople: string[] = [];
const PLANNERS: Array<[string, string, string, string[]]> = [
  ['org-ib-lorenz', 'Ingenieurbüro Lorenz TGA-Planung', 'Düsseldorf', ['Clemens Lorenz', 'Petra Sauer']],
  ['org-planwerk-sued', 'Planwerk Süd Gebäudetechnik GmbH', 'München', ['Florian Wiedemann', 'Judith Rauch', 'Stefan Aigner']],
  ['org-ib-nord', 'IB Nord Haustechnik Ingenieure', 'Hamburg', ['Henrik Thomsen', 'Wiebke Ahrens']],
  ['org-tga-dresden', 'TGA Consult Dresden GmbH', 'Dresden', ['Matthias Böhme', 'Kristin Seifert']],
  ['org-architekten-kessler', 'Kessler Architekten BDA', 'Frankfurt am Main', ['Johanna Kessler', 'Marc Weidner']],
  ['org-haustechnik-plan-hannover', 'Haustechnik Plan Hannover PartG', 'Hannover', ['Gerd Meinecke', 'Svenja Hartwig']],
  ['org-ib-rheinmain', 'Ingenieurgesellschaft RheinMain TGA', 'Mainz', ['Daniel Hofmann', 'Laura Brenner']],
  ['org-planungsbuero-neckar', 'Planungsbüro Neckar Energie', 'Stuttgart', ['Tobias Häfele', 'Eva Schäfer']],
];
const CONSULTANTS: Array<[string, string, string, string[]]> = [
  ['org-energieberatung-kraft', 'Energieberatung Kraft', 'Kassel', ['Martin Kraft']],
  ['org-klimaschutzagentur', 'Klimaschutzagentur Region Hannover gGmbH', 'Hannover', ['Annette Riedel', 'Hannes Pieper']],
  ['org-enerko', 'EnerKo Energieeffizienz-Beratung GmbH', 'Köln', ['Sebastian Nowak', 'Pia Lindemann']],
  ['org-waermewende-beratung', 'Wärmewende Beratung Sachsen', 'Leipzig', ['Robert Schreiber']],
  ['org-effizienzhaus-consult', 'Effizienzhaus Consult Bayern', 'Regensburg', ['Andrea Zellner', 'Michael Pfeiffer']],
];
const PRESS: Array<[string, string, string, string[]]> = [
  ['org-shk-journal', 'SHK Journal Fachverlag GmbH', 'Stuttgart', ['Ralf Bergner', 'Nicole Haas']],
  ['org-haustechnik-praxis', 'Haustechnik Praxis (Verlag Moderne Gebäudetechnik)', 'Berlin', ['Christian Wendler', 'Sophie Marquardt']],
  ['org-immobilien-wirtschaft-heute', 'Immobilienwirtschaft heute', 'Frankfurt am Main', ['Barbara Engelhardt']],
  ['org-energie-depesche', 'Energie-Depesche Online', 'Hamburg', ['Lennart Voss']],
];
function influencerFirm(list: Array<[string, string, string, string[]]>, kinds: string[], personKinds: string[], industry: string, titles: string[]): string[][] {
  return list.map(([key, name, city, people]) => {
    const [c, region] = cityOf(city);
    const domain = `${key.replace(/^org-/, '')}.example`;
    org(key, { name, kinds, industry, city: c, region, domain, employees: between(3, 60), lifecycleStage: 'PROSPECT' });
    const keys = people.map((n, i) => person(key, domain, n, titles[Math.min(i, titles.length - 1)], { kinds: personKinds, seniority: i === 0 ? 'OWNER' : 'SENIOR' }));
    for (let i = 1; i < keys.length; i += 1) rel('REPORTS_TO', keys[i], keys[0]);
    influencerPeople.push(...keys);
    return keys;
  });
}
const planners = influencerFirm(PLANNERS, ['PLANNER'], ['PLANNER', 'INFLUENCER'], 'Engineering (building services)', ['Inhaber, Beratender Ingenieur', 'Projektingenieurin TGA', 'Fachplaner Heizung']);
const consultants = influencerFirm(CONSULTANTS, ['CONSULTANCY'], ['CONSULTANT', 'INFLUENCER'], 'Energy consulting', ['Gebäudeenergieberatung (HWK)', 'Energieberatung Wohngebäude']);
const press = influencerFirm(PRESS, ['PRESS'], ['JOURNALIST', 'INFLUENCER'], 'Trade press', ['Chefredaktion', 'Redaktion Heizung und Energie']);
// The architect and a few planners are architects too
nodes.find((n) => n.key === 'p-johanna-kessler')!.properties.kinds = ['ARCHITECT', 'INFLUENCER'];

org('org-hanse-assekuranz', { name: 'Hanse Assekuranz Makler GmbH', kinds: ['BROKER'], industry: 'Insurance brokerage', city: 'Hamburg', region: 'Hamburg', domain: 'hanse-assekuranz.example', employees: 38, lifecycleStage: 'CUSTOMER', tier: 'C' });
const broker = [
  person('org-hanse-assekuranz', 'hanse-assekuranz.example', 'Henning Albers', 'Geschäftsführender Makler', { kinds: ['BROKER', 'INFLUENCER'], seniority: 'OWNER' }),
  person('org-hanse-assekuranz', 'hanse-assekuranz.example', 'Christina Jessen', 'Maklerin Gewerbe und Wohnungswirtschaft', { kinds: ['BROKER'], seniority: 'SENIOR' }),
];
rel('REPORTS_TO', broker[1], broker[0]);
rel('MANAGES', U.jonas, 'org-hanse-assekuranz', { as: 'PARTNER_MANAGER' });
for (const customer of ['org-rheinwohnbau', 'org-elbe-wohnen', 'org-isar-immobilien']) {
  rel('SERVES', 'org-hanse-assekuranz', customer, { as: 'BROKER', territory: 'Bundesweit', since: date(2016, 2022) });
}
org('org-handelsagentur-wendt', { name: 'Handelsagentur Wendt Heiztechnik', kinds: ['AGENT'], industry: 'Sales agency', city: 'Nürnberg', region: 'Bayern', domain: 'agentur-wendt.example', employees: 6, lifecycleStage: 'CUSTOMER', tier: 'C' });
const agent = person('org-handelsagentur-wendt', 'agentur-wendt.example', 'Georg Wendt', 'Handelsvertreter', { kinds: ['AGENT'], seniority: 'OWNER' });
rel('MANAGES', U.markus, 'org-handelsagentur-wendt', { as: 'PARTNER_MANAGER' });
org('org-waermeservice-nord', { name: 'Wärmeservice Nord GmbH', kinds: ['SERVICE_PARTNER'], industry: 'Heating service', city: 'Bremen', region: 'Bremen', domain: 'waermeservice-nord.example', employees: 55, lifecycleStage: 'CUSTOMER', tier: 'B' });
const servicePartner = person('org-waermeservice-nord', 'waermeservice-nord.example', 'Arne Dierks', 'Leiter Servicepartnernetz', { seniority: 'HEAD' });
rel('MANAGES', U.sabine, 'org-waermeservice-nord', { as: 'PARTNER_MANAGER' });
rel('SERVES', 'org-waermeservice-nord', 'org-bau-schmidt', { as: 'SERVICE_PARTNER', territory: 'Schleswig-Holstein', since: '2020-05-01' });
rel('SERVES', 'org-waermeservice-nord', 'org-krause-haustechnik', { as: 'SERVICE_PARTNER', territory: 'Niedersachsen', since: '2021-03-01' });

// Competitors
for (const [key, name, city] of [['org-thermaplus', 'ThermaPlus Heizsysteme AG', 'Stuttgart'], ['org-nordflamme', 'Nordflamme Wärmetechnik GmbH', 'Bremen'], ['org-alpenwaerme', 'Alpenwärme Systeme GmbH', 'Rosenheim']] as const) {
  const [c, region] = cityOf(city);
  org(key, { name, kinds: ['COMPETITOR'], industry: 'Heating systems', city: c, region, employees: between(400, 2500) });
}

// ---------------------------------------------------------------------------------------------
// The long tail: installer firms and smaller developers served by distributors
const INSTALLER_PATTERNS = ['{L} Haustechnik GmbH', '{L} Heizung-Sanitär', '{L} & Söhne Heizungsbau', 'Wärme {L} GmbH', '{L} Bad & Heizung', 'Sanitär {L} e.K.', '{L} Gebäudetechnik GmbH', '{L} Heizungsbau Meisterbetrieb'];
const DEVELOPER_PATTERNS = ['{L} Wohnbau GmbH', '{L} Projektentwicklung GmbH', 'Wohnungsbaugesellschaft {C} mbH', '{L} Immobilien KG'];
const INSTALLER_TITLES = ['Inhaber', 'Meister Heizungsbau', 'Büroleitung', 'Monteur', 'Projektleiter'];
const DEVELOPER_TITLES = ['Geschäftsführer', 'Leiterin Technik', 'Einkauf', 'Projektleiter'];
const smallCustomers: string[] = [];
const customerContacts: string[] = [];
const usedNames = new Set(nodes.map((n) => n.properties.name));
function uniqueOrgName(pattern: string, city: string): string {
  for (;;) {
    const name = pattern.replace('{L}', pick(LAST)).replace('{C}', city);
    if (!usedNames.has(name)) { usedNames.add(name); return name; }
  }
}
function distributorsFor(region: string): Partner[] {
  const local = DISTRIBUTORS.filter((d) => d.states.includes(region));
  return local.length ? local : [D.mittehaus];
}

function smallCustomer(developer: boolean, index: number): void {
  const [city, region] = pick(CITIES);
  const name = uniqueOrgName(pick(developer ? DEVELOPER_PATTERNS : INSTALLER_PATTERNS), city);
  const key = `org-${ascii(name).replace(/-(gmbh|kg|e-k|mbh)$/, '')}`;
  const domain = `${ascii(name).slice(0, 40)}.example`;
  const employees = developer ? between(20, 400) : between(3, 80);
  const stage = index % 11 === 0 ? 'DORMANT' : index % 17 === 0 ? 'PROSPECT' : index % 23 === 0 ? 'LEAD' : 'CUSTOMER';
  org(key, {
    name, kinds: [stage === 'PROSPECT' || stage === 'LEAD' ? 'PROSPECT' : 'CUSTOMER'], lifecycleStage: stage,
    tier: employees > 60 ? 'B' : 'C', industry: developer ? 'Property development' : 'Installer (SHK)',
    city, region, domain, employees, annualRevenue: employees * between(90_000, 180_000),
  });
  smallCustomers.push(key);
  const titles = developer ? DEVELOPER_TITLES : INSTALLER_TITLES;
  const count = developer ? between(2, 4) : between(1, 3);
  const staff: string[] = [];
  for (let i = 0; i < count; i += 1) {
    staff.push(person(key, domain, personName(), titles[i], {
      seniority: i === 0 ? (developer ? 'EXECUTIVE' : 'OWNER') : 'MID', kinds: developer ? ['CONTACT'] : ['CONTACT', 'INSTALLER'],
    }));
  }
  for (let i = 1; i < staff.length; i += 1) rel('REPORTS_TO', staff[i], staff[0]);
  customerContacts.push(staff[0]);
  // Served by one or (a channel conflict) two distributors of its region
  const local = distributorsFor(region);
  const first = pick(local);
  rel('SERVES', first.key, key, { as: 'DISTRIBUTOR', territory: first.territory, since: date(2008, 2024) });
  if (index % 6 === 0) {
    const second = pick(DISTRIBUTORS.filter((d) => d !== first));
    rel('SERVES', second.key, key, { as: 'DISTRIBUTOR', territory: second.territory, since: date(2019, 2025) });
  }
  if (index % 13 === 0) rel('SERVES', 'org-handelsagentur-wendt', key, { as: 'AGENT', territory: 'Franken', since: date(2018, 2024) });
  // Somebody from the distributor knows the owner, and one of our sales users may too
  knows(pick(distributorStaff.get(first.key)!), staff[0], 0.3 + random() * 0.6, 'distributor field sales');
  if (random() < 0.45) knows(pick(SALES_USERS), staff[0], 0.15 + random() * 0.6, 'trade fair');
  if (developer || employees > 40) rel('MANAGES', pick(SALES_USERS), key, { as: 'ACCOUNT_OWNER' });
}
for (let i = 0; i < 62; i += 1) smallCustomer(false, i + 1);
for (let i = 0; i < 12; i += 1) smallCustomer(true, i + 100);

// ---------------------------------------------------------------------------------------------
// Who knows whom
// Our users and the key-account buying centers (varied strengths: champions strong, boards weak)
const owners: Record<string, string> = {
  'org-bau-schmidt': U.kim, 'org-rheinwohnbau': U.lea, 'org-isar-immobilien': U.felix,
  'org-elbe-wohnen': U.kim, 'org-krause-haustechnik': U.lea, 'org-stadtwerke-nordhessen': U.felix,
};
KEY_ACCOUNTS.forEach((account, a) => {
  const people = keyAccountPeople[a];
  people.forEach((p, i) => {
    if (i === 0) knows(owners[account], p, 0.35, 'annual review');
    else if (i < 5 || random() < 0.4) knows(owners[account], p, 0.4 + random() * 0.55, 'account work');
    if (random() < 0.25) knows(pick([U.sabine, U.nina]), p, 0.2 + random() * 0.5, 'service visits');
  });
  // Colleagues know each other
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) if (random() < 0.3) knows(people[i], people[j], 0.5 + random() * 0.45, 'colleagues');
  }
});
knows(U.kim, 'p-anna-weber', 0.8, 'account work', '2019-02-11');
knows(U.kim, 'p-jan-petersen', 0.55, 'account work', '2020-06-03');
knows(U.lea, 'p-stefan-kuhn', 0.7, 'account work');
knows(U.lea, 'p-miriam-ebert', 0.25, 'trade fair');
knows(U.felix, 'p-markus-eder', 0.6, 'account work');
// Our partner managers know the distributors' people well
for (const d of DISTRIBUTORS) {
  for (const [i, p] of distributorStaff.get(d.key)!.entries()) knows(d.manager, p, i < 2 ? 0.75 + random() * 0.2 : 0.4 + random() * 0.4, 'partner management');
}
// Distributor staff know the key-account buyers (the channel path to a decision maker)
knows('p-merle-jansen', 'p-anna-weber', 0.85, 'distributor field sales');
knows('p-timo-carstens', bauSchmidt.buyer, 0.9, 'distributor field sales');
knows('p-frauke-lueders', bauSchmidt.ceo, 0.6, 'local business club');
knows('p-claudia-kremer', 'p-miriam-ebert', 0.8, 'distributor key account');
knows('p-yasemin-oeztuerk', rheinWohnbau.buyer, 0.7, 'distributor key account');
knows('p-korbinian-maier', 'p-markus-eder', 0.85, 'distributor key account');
knows('p-katrin-schulze', 'p-katrin-vogel', 0.5, 'distributor key account');
knows('p-merle-jansen', 'p-sandra-reimers', 0.75, 'distributor field sales');
knows('p-tanja-weigel', 'p-bernd-fuchs', 0.65, 'distributor key account');
// Influencers: planners and consultants know the technical people; journalists know everybody a bit
const technicalPeople = [bauSchmidt['p-jan-petersen'], rheinWohnbau['p-stefan-kuhn'], rheinWohnbau.energy, isarImmo['p-theresa-lindner'], isarImmo.tga, elbeWohnen['p-katrin-vogel'], krause.tech, stadtwerke['p-bernd-fuchs'], stadtwerke.eng2];
for (const firm of [...planners, ...consultants]) {
  for (const p of firm) {
    for (let i = 0; i < 3; i += 1) knows(p, pick(technicalPeople), 0.3 + random() * 0.6, 'projects');
    if (random() < 0.6) knows(pick([U.kim, U.lea, U.felix, U.tobias]), p, 0.2 + random() * 0.6, 'planner days');
    for (let i = 0; i < 2; i += 1) knows(p, pick(customerContacts), 0.2 + random() * 0.5, 'projects');
  }
}
const allKeyPeople = keyAccountPeople.flat();
for (const firm of press) {
  for (const p of firm) {
    for (let i = 0; i < 14; i += 1) knows(p, pick([...allKeyPeople, ...influencerPeople, ...customerContacts]), 0.1 + random() * 0.4, 'press contacts');
    knows(U.paul, p, 0.3, 'press relations');
    knows(U.kim, p, 0.25 + random() * 0.3, 'trade fair');
  }
}
knows(broker[0], rheinWohnbau.cfo, 0.75, 'insurance portfolio');
knows(broker[0], elbeWohnen.board2, 0.6, 'insurance portfolio');
knows(broker[1], isarImmo.cfo, 0.55, 'insurance portfolio');
knows(U.jonas, broker[0], 0.7, 'partner management');
knows(U.markus, agent, 0.8, 'partner management');
knows(U.sabine, servicePartner, 0.85, 'partner management');
// Customers' owners know each other (regional guild meetings)
for (let i = 0; i < 90; i += 1) knows(pick(customerContacts), pick(customerContacts), 0.2 + random() * 0.5, 'Innung');
// Our own team knows each other
const team = Object.values(U);
for (let i = 0; i < team.length; i += 1) for (let j = i + 1; j < team.length; j += 1) if (random() < 0.5) knows(team[i], team[j], 0.6 + random() * 0.35, 'colleagues');

// Influence: planners and consultants on technical decision makers, press on everybody, broker on CFOs
const topics = ['heat pumps', 'hydrogen-ready boilers', 'district heating', 'GEG compliance', 'subsidies (BEG)', 'hybrid systems', 'service contracts'];
planners.forEach((firm, i) => {
  for (const p of firm) influences(p, technicalPeople[(i + firm.indexOf(p)) % technicalPeople.length], 0.4 + random() * 0.5, pick(topics));
});
consultants.forEach((firm) => {
  for (const p of firm) {
    influences(p, pick(technicalPeople), 0.3 + random() * 0.5, 'subsidies (BEG)');
    influences(p, pick(customerContacts), 0.2 + random() * 0.4, 'heat pumps');
  }
});
influences('p-clemens-lorenz', 'p-stefan-kuhn', 0.85, 'heat pumps');
influences('p-florian-wiedemann', 'p-theresa-lindner', 0.8, 'hybrid systems');
influences('p-theresa-lindner', 'p-markus-eder', 0.7, 'heat pumps');
influences('p-stefan-kuhn', 'p-heike-wolters', 0.75, 'heat pumps');
influences('p-stefan-kuhn', 'p-miriam-ebert', 0.5, 'heat pumps');
influences('p-jan-petersen', 'p-anna-weber', 0.65, 'service contracts');
influences('p-katrin-vogel', 'p-frank-seidel', 0.6, 'district heating');
influences('p-bernd-fuchs', 'p-ulrike-hahn', 0.7, 'district heating');
influences('p-henrik-thomsen', 'p-jan-petersen', 0.6, 'heat pumps');
influences('p-martin-kraft', 'p-bernd-fuchs', 0.55, 'subsidies (BEG)');
for (const firm of press) for (const p of firm) for (let i = 0; i < 5; i += 1) influences(p, pick(allKeyPeople), 0.1 + random() * 0.3, pick(topics));
for (const [key] of PRESS) for (const account of KEY_ACCOUNTS) if (random() < 0.5) influences(key, account, 0.1 + random() * 0.25, 'market opinion');
influences('org-hanse-assekuranz', 'org-rheinwohnbau', 0.4, 'insurance requirements');
influences(broker[0], rheinWohnbau.cfo, 0.6, 'insurance requirements');
influences('org-klimaschutzagentur', 'org-krause-haustechnik', 0.35, 'subsidies (BEG)');
for (const key of KEY_ACCOUNTS) influences(pick(planners)[0], key, 0.3 + random() * 0.4, pick(topics));
// Distributors influence the installers they serve
for (const key of smallCustomers) if (random() < 0.25) influences(pick(DISTRIBUTORS).key, key, 0.2 + random() * 0.4, 'product range');

// ---------------------------------------------------------------------------------------------
// A partner's own user (DESIGN §9): Nordgroß's sales desk works in our CRM and sees only Nordgroß's
// scope. Added last, after every random draw, so the rest of the world stays as it was.
nodes.push({ type: 'User', key: 'u-partner-nordgross', properties: { name: 'Jana Kröger', email: 'jana.kroeger@nordgross.example', roles: ['PARTNER'] } });
rel('ACTS_FOR', 'u-partner-nordgross', D.nordgross.key);

// ---------------------------------------------------------------------------------------------
const order = ['WORKS_AT', 'REPORTS_TO', 'SUBSIDIARY_OF', 'SERVES', 'MANAGES', 'KNOWS', 'INFLUENCES', 'ACTS_FOR'];
relationships.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
const out = join(__dirname, '10-core.json');
const lines = [
  '{',
  '  "nodes": [',
  nodes.map((n) => `    ${JSON.stringify(n)}`).join(',\n'),
  '  ],',
  '  "relationships": [',
  relationships.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
  '  ]',
  '}',
  '',
];
writeFileSync(out, lines.join('\n'));
const count = (type: string) => relationships.filter((r) => r.type === type).length;
console.log(`${out}: ${nodes.length} nodes (${nodes.filter((n) => n.type === 'Organization').length} organizations, ${nodes.filter((n) => n.type === 'Person').length} people, ${nodes.filter((n) => n.type === 'User').length} users), ${relationships.length} relationships (${order.map((t) => `${t} ${count(t)}`).join(', ')})`);
