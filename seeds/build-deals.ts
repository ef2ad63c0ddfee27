/**
 * Builds seeds/20-deals.json on the keys of seeds/10-core.json (see seeds/README.md): opportunities
 * with buying centers on the six key accounts (written out below: complete ones, ones with missing
 * roles, members nobody on our team knows) and generated ones on a dozen smaller customers, plus
 * contact history. KNOWS between users and persons who met in that history is written as
 * logInteraction would leave it (DESIGN §4), so the seed is a closed loop from the start.
 * Deterministic. Run: npx tsx seeds/build-deals.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportDocument } from '../src/import';

const DIR = __dirname;
const core: Required<ImportDocument> = JSON.parse(fs.readFileSync(path.join(DIR, '10-core.json'), 'utf8'));
const out: Required<ImportDocument> = { nodes: [], relationships: [] };
const byKey = new Map(core.nodes.map((n) => [n.key, n]));

let seed = 20260501;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const day = (iso: string, plusDays: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);

/** People the core world does not have: new contacts at key accounts whom nobody on our team knows yet. */
const NEW_PEOPLE: [key: string, name: string, title: string, seniority: string, org: string][] = [
  ['p-helga-brandt', 'Dr. Helga Brandt', 'Leiterin Recht und Vergabe', 'HEAD', 'org-rheinwohnbau'],
  ['p-joerg-lindner', 'Jörg Lindner', 'Leiter Portfoliomanagement', 'HEAD', 'org-rheinwohnbau'],
  ['p-monika-hartmann', 'Dr. Monika Hartmann', 'Kaufmännische Geschäftsführerin', 'EXECUTIVE', 'org-stadtwerke-nordhessen'],
  ['p-volker-stein', 'Volker Stein', 'Leiter Zentrale Beschaffung', 'HEAD', 'org-elbe-wohnen'],
];
const ascii = (s: string) => s.replace(/^Dr\. /, '').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/\s+/g, '.');
for (const [key, name, title, seniority, org] of NEW_PEOPLE) {
  if (byKey.has(key)) throw new Error(`${key} already exists in 10-core.json`);
  const domain = byKey.get(org)?.properties.domain ?? `${org.replace(/^org-/, '')}.example`;
  out.nodes.push({ type: 'Person', key, properties: { name, title, seniority, kinds: ['CONTACT'], email: `${ascii(name)}@${domain}` } });
  out.relationships.push({ type: 'WORKS_AT', from: key, to: org, properties: { title } });
}
const strangers = new Set(NEW_PEOPLE.map(([key]) => key));

type Member = [person: string, roles: string[], stance: string];
interface Deal {
  key: string; account: string; owner: string; name: string; amount: number; stage: string; probability: number;
  close: string; members: Member[]; contacts: number;
}

/** The key accounts' deals, written out so the README examples tell a story. */
const KEY_DEALS: Deal[] = [
  {
    key: 'opp-bau-schmidt-kiel', account: 'org-bau-schmidt', owner: 'u-kim-berg', name: 'Neubau Kiel: Wärmepumpen-Rollout',
    amount: 420000, stage: 'NEGOTIATION', probability: 0.6, close: '2027-01-29', contacts: 6,
    members: [
      ['p-karl-heinz-schmidt', ['DECISION_MAKER'], 'NEUTRAL'],
      ['p-martina-schmidt', ['ECONOMIC_BUYER'], 'SKEPTIC'],
      ['p-anna-weber', ['CHAMPION', 'INITIATOR'], 'SUPPORTER'],
      ['p-jan-petersen', ['TECHNICAL_EVALUATOR'], 'SUPPORTER'],
      ['p-henrik-thomsen', ['INFLUENCER'], 'SUPPORTER'],
    ],
  },
  {
    key: 'opp-bau-schmidt-service', account: 'org-bau-schmidt', owner: 'u-kim-berg', name: 'Servicevertrag Bestandsanlagen 2027',
    amount: 85000, stage: 'PROPOSAL', probability: 0.5, close: '2026-12-18', contacts: 3,
    members: [
      ['p-anna-weber', ['DECISION_MAKER'], 'SUPPORTER'],
      ['p-finn-hansen', ['INITIATOR', 'USER'], 'SUPPORTER'],
      ['p-lars-moeller', ['GATEKEEPER'], 'NEUTRAL'],
    ],
  },
  {
    key: 'opp-bau-schmidt-brennwert', account: 'org-bau-schmidt', owner: 'u-kim-berg', name: 'Brennwertkessel Rahmenvertrag 2026',
    amount: 150000, stage: 'WON', probability: 1, close: '2026-06-30', contacts: 3,
    members: [
      ['p-karl-heinz-schmidt', ['DECISION_MAKER', 'ECONOMIC_BUYER'], 'SUPPORTER'],
      ['p-anna-weber', ['CHAMPION'], 'SUPPORTER'],
    ],
  },
  {
    key: 'opp-rheinwohnbau-muelheim', account: 'org-rheinwohnbau', owner: 'u-lea-hoffmann', name: 'Heizzentrale Quartier Köln-Mülheim',
    amount: 780000, stage: 'PROPOSAL', probability: 0.35, close: '2027-04-30', contacts: 5,
    members: [
      ['p-heike-wolters', ['DECISION_MAKER'], 'UNKNOWN'],
      ['p-andreas-bergmann', ['ECONOMIC_BUYER'], 'SKEPTIC'],
      ['p-stefan-kuhn', ['CHAMPION', 'TECHNICAL_EVALUATOR'], 'SUPPORTER'],
      ['p-miriam-ebert', ['GATEKEEPER'], 'NEUTRAL'],
      ['p-clemens-lorenz', ['INFLUENCER'], 'SUPPORTER'],
      ['p-helga-brandt', ['BLOCKER'], 'OPPONENT'],
    ],
  },
  {
    key: 'opp-rheinwohnbau-bestand', account: 'org-rheinwohnbau', owner: 'u-lea-hoffmann', name: 'Heizungstausch Bestand 2027 (240 Wohnungen)',
    amount: 310000, stage: 'QUALIFICATION', probability: 0.15, close: '2027-06-30', contacts: 2,
    members: [
      ['p-joerg-lindner', ['DECISION_MAKER'], 'UNKNOWN'],
      ['p-dennis-otten', ['INITIATOR', 'USER'], 'SUPPORTER'],
      ['p-ruediger-kolb', ['USER'], 'NEUTRAL'],
    ],
  },
  {
    key: 'opp-isar-riem', account: 'org-isar-immobilien', owner: 'u-felix-arnold', name: 'Quartier Riem: Wärmepumpen-Kaskade',
    amount: 640000, stage: 'NEGOTIATION', probability: 0.7, close: '2027-02-26', contacts: 6,
    members: [
      ['p-maximilian-graf', ['DECISION_MAKER'], 'SUPPORTER'],
      ['p-franziska-obermaier', ['ECONOMIC_BUYER'], 'NEUTRAL'],
      ['p-theresa-lindner', ['CHAMPION'], 'SUPPORTER'],
      ['p-markus-eder', ['GATEKEEPER'], 'NEUTRAL'],
      ['p-benedikt-hofer', ['TECHNICAL_EVALUATOR'], 'SKEPTIC'],
      ['p-florian-wiedemann', ['INFLUENCER'], 'SUPPORTER'],
    ],
  },
  {
    key: 'opp-isar-schwabing', account: 'org-isar-immobilien', owner: 'u-felix-arnold', name: 'Solarthermie Bestand Schwabing',
    amount: 120000, stage: 'LOST', probability: 0, close: '2026-04-15', contacts: 2,
    members: [
      ['p-markus-eder', ['DECISION_MAKER', 'ECONOMIC_BUYER'], 'OPPONENT'],
      ['p-lisa-brunner', ['USER'], 'SUPPORTER'],
    ],
  },
  {
    key: 'opp-elbe-fernwaerme', account: 'org-elbe-wohnen', owner: 'u-kim-berg', name: 'Übergabestationen Fernwärme Dresden',
    amount: 260000, stage: 'PROPOSAL', probability: 0.4, close: '2027-03-31', contacts: 3,
    members: [
      ['p-frank-seidel', ['DECISION_MAKER'], 'UNKNOWN'],
      ['p-katrin-vogel', ['CHAMPION'], 'SUPPORTER'],
      ['p-ronny-hentschel', ['GATEKEEPER'], 'NEUTRAL'],
      ['p-volker-stein', ['INFLUENCER'], 'UNKNOWN'],
    ],
  },
  {
    key: 'opp-krause-2027', account: 'org-krause-haustechnik', owner: 'u-lea-hoffmann', name: 'Jahresvereinbarung Wärmepumpen 2027',
    amount: 210000, stage: 'NEGOTIATION', probability: 0.65, close: '2026-12-31', contacts: 4,
    members: [
      ['p-joerg-krause', ['DECISION_MAKER', 'ECONOMIC_BUYER'], 'SUPPORTER'],
      ['p-nils-krause', ['CHAMPION'], 'SUPPORTER'],
      ['p-sandra-reimers', ['USER'], 'NEUTRAL'],
    ],
  },
  {
    key: 'opp-swnh-kassel-ost', account: 'org-stadtwerke-nordhessen', owner: 'u-felix-arnold', name: 'Nahwärmenetz Kassel-Ost: Großwärmepumpen',
    amount: 950000, stage: 'QUALIFICATION', probability: 0.2, close: '2027-06-30', contacts: 3,
    members: [
      ['p-ulrike-hahn', ['DECISION_MAKER'], 'NEUTRAL'],
      ['p-monika-hartmann', ['ECONOMIC_BUYER'], 'UNKNOWN'],
      ['p-bernd-fuchs', ['CHAMPION', 'INITIATOR'], 'SUPPORTER'],
      ['p-oliver-stieglitz', ['TECHNICAL_EVALUATOR'], 'NEUTRAL'],
      ['p-harald-siebert', ['GATEKEEPER'], 'SKEPTIC'],
    ],
  },
];

/** One generated deal on each of a dozen smaller customers (by key), owned by their account owner or a sales user. */
function smallDeals(): Deal[] {
  const owners = new Map(core.relationships.filter((r) => r.type === 'MANAGES' && r.properties?.as === 'ACCOUNT_OWNER').map((r) => [r.to, r.from]));
  const sales = core.nodes.filter((n) => n.type === 'User' && ((n.properties.roles as string[] | undefined) ?? []).includes('SALES')).map((n) => n.key).sort();
  const staffOf = (org: string) =>
    core.relationships.filter((r) => r.type === 'WORKS_AT' && r.to === org).map((r) => r.from).sort();
  const customers = core.nodes
    .filter((n) => n.type === 'Organization' && ['CUSTOMER', 'PROSPECT'].includes(String(n.properties.lifecycleStage)) && staffOf(n.key).length)
    .map((n) => n.key).sort().filter((_, i) => i % 7 === 0).slice(0, 12);
  const STAGES = [['PROPOSAL', 0.3], ['QUALIFICATION', 0.1], ['NEGOTIATION', 0.6], ['WON', 1], ['PROPOSAL', 0.4], ['LOST', 0]] as const;
  const PRODUCTS = ['Wärmepumpen für Neubauprojekte', 'Brennwertgeräte Sammelbestellung', 'Hybridheizung Pilotobjekt', 'Solarthermie-Paket', 'Regelungstechnik-Upgrade'];
  return customers.map((account, i) => {
    const [stage, probability] = STAGES[i % STAGES.length];
    const staff = staffOf(account);
    const closed = stage === 'WON' || stage === 'LOST';
    const members: Member[] = [[staff[0], ['DECISION_MAKER', 'ECONOMIC_BUYER'], i % 2 ? 'NEUTRAL' : 'SUPPORTER']];
    if (staff[1]) members.push([staff[1], [i % 2 ? 'USER' : 'CHAMPION'], 'SUPPORTER']);
    return {
      key: `opp-${account.replace(/^org-/, '')}-1`, account, owner: owners.get(account) ?? sales[i % sales.length],
      name: `${byKey.get(account)!.properties.name}: ${PRODUCTS[i % PRODUCTS.length]}`,
      amount: Math.round(12 + random() * 60) * 1000, stage, probability,
      close: closed ? day('2026-02-01', Math.floor(random() * 240)) : day('2026-12-15', Math.floor(random() * 180)),
      members, contacts: 1 + (i % 3),
    };
  });
}

const deals = [...KEY_DEALS, ...smallDeals()];
for (const deal of deals) {
  for (const key of [deal.account, deal.owner, ...deal.members.map(([p]) => p)]) {
    if (!byKey.has(key) && !strangers.has(key)) throw new Error(`${deal.key}: unknown key ${key}`);
  }
  out.nodes.push({
    type: 'Opportunity', key: deal.key,
    properties: { name: deal.name, amount: deal.amount, currency: 'EUR', stage: deal.stage, probability: deal.probability, expectedCloseDate: deal.close },
  });
  out.relationships.push({ type: 'FOR_ACCOUNT', from: deal.key, to: deal.account });
  out.relationships.push({ type: 'OWNS', from: deal.owner, to: deal.key });
  for (const [person, roles, stance] of deal.members) {
    out.relationships.push({ type: 'BUYING_ROLE', from: person, to: deal.key, properties: { roles, stance } });
  }
}

interface Contact { type: string; direction: string; at: string; users: string[]; persons: string[]; about: string[]; summary: string; outcome?: string }
const contacts: Contact[] = [];
const TOPICS: Record<string, string[]> = {
  CALL: ['Telefonat zu Bedarf und Zeitplan', 'Nachfass-Telefonat zum Angebot', 'Budgetfreigabe besprochen'],
  MEETING: ['Kick-off mit dem Projektteam', 'Angebotspräsentation', 'Verhandlungsrunde zu Preis und Servicelevel'],
  VISIT: ['Begehung der Heizzentrale', 'Besuch einer Referenzanlage', 'Bestandsaufnahme der Altkessel'],
  EMAIL: ['Technische Datenblätter geschickt', 'Überarbeitetes Angebot geschickt', 'Fragen zur BEG-Förderung beantwortet'],
};
const TYPES = ['MEETING', 'CALL', 'VISIT', 'EMAIL'] as const;
const at = (date: string) => `${date}T${String(8 + Math.floor(random() * 9)).padStart(2, '0')}:${['00', '15', '30', '45'][Math.floor(random() * 4)]}:00Z`;

// The owner met the members from the account's staff; nobody on our team has met the new people
// or the outside influencers, so their paths (if any) run through the core world's KNOWS.
for (const deal of deals) {
  const metable = deal.members.map(([p]) => p).filter((p) => !strangers.has(p) && (byKey.get(p)?.properties.kinds as string[] | undefined)?.includes('INFLUENCER') !== true);
  if (!metable.length) continue;
  const closed = deal.stage === 'WON' || deal.stage === 'LOST';
  const end = closed ? deal.close : '2026-11-20';
  for (let c = 0; c < deal.contacts; c += 1) {
    const type = TYPES[c % TYPES.length];
    const persons = [...new Set([metable[c % metable.length], ...(c % 3 === 0 && metable.length > 1 ? [metable[(c + 1) % metable.length]] : [])])];
    const last = c === deal.contacts - 1;
    contacts.push({
      type, direction: type === 'EMAIL' && c % 2 ? 'INBOUND' : 'OUTBOUND',
      at: at(day(end, -Math.floor((deal.contacts - c) * (20 + random() * 25)))),
      users: [deal.owner], persons, about: [deal.key, deal.account], summary: TOPICS[type][c % 3],
      ...(last && closed ? { outcome: deal.stage === 'WON' ? 'Auftrag unterschrieben' : 'Ging an einen Wettbewerber' } : {}),
    });
  }
}
// The partner manager and the distributor talk about the shared key account.
contacts.push({ type: 'MEETING', direction: 'OUTBOUND', at: '2026-10-14T10:00:00Z', users: ['u-jonas-keller', 'u-kim-berg'], persons: ['p-merle-jansen', 'p-frauke-lueders'], about: ['org-nordgross', 'org-bau-schmidt', 'opp-bau-schmidt-kiel'], summary: 'Abstimmung mit Nordgroß zur Belieferung Neubau Kiel', outcome: 'Nordgroß hält Lagerware für Kiel vor' });
// Inbound contacts without anybody of our team: they change no KNOWS.
contacts.push({ type: 'WEB_FORM', direction: 'INBOUND', at: '2026-09-02T07:41:00Z', users: [], persons: ['p-jannik-wulf'], about: ['org-bau-schmidt'], summary: 'Ersatzteilanfrage über das Webformular' });
contacts.push({ type: 'SOCIAL', direction: 'INBOUND', at: '2026-11-03T18:12:00Z', users: [], persons: ['p-philipp-grote'], about: ['org-rheinwohnbau'], summary: 'Kommentar zu unserem Beitrag über Großwärmepumpen' });

contacts.sort((a, b) => a.at.localeCompare(b.at));
contacts.forEach((contact, i) => {
  const key = `ia-${String(i + 1).padStart(3, '0')}`;
  out.nodes.push({
    type: 'Interaction', key,
    properties: { type: contact.type, direction: contact.direction, occurredAt: contact.at, summary: contact.summary, ...(contact.outcome ? { outcome: contact.outcome } : {}) },
  });
  for (const participant of [...contact.users, ...contact.persons]) out.relationships.push({ type: 'PARTICIPATED_IN', from: participant, to: key });
  for (const subject of contact.about) out.relationships.push({ type: 'ABOUT', from: key, to: subject });
});

// KNOWS as logInteraction leaves it: count, last contact, strength = max(declared, 1 − 0.8^n).
const pairs = new Map<string, { user: string; person: string; n: number; last: string }>();
for (const contact of contacts) {
  for (const user of contact.users) {
    for (const person of contact.persons) {
      const pair = pairs.get(`${user}|${person}`) ?? { user, person, n: 0, last: contact.at };
      pair.n += 1;
      if (contact.at > pair.last) pair.last = contact.at;
      pairs.set(`${user}|${person}`, pair);
    }
  }
}
for (const { user, person, n, last } of [...pairs.values()].sort((a, b) => `${a.user}|${a.person}`.localeCompare(`${b.user}|${b.person}`))) {
  const existing = core.relationships.find((r) => r.type === 'KNOWS' && ((r.from === user && r.to === person) || (r.from === person && r.to === user)));
  const declared: number | undefined = existing ? (existing.properties?.declaredStrength ?? existing.properties?.strength ?? 0.5) as number : undefined;
  const earned = Math.round((1 - 0.8 ** n) * 1e6) / 1e6;
  out.relationships.push({
    type: 'KNOWS', from: existing?.from ?? user, to: existing?.to ?? person,
    properties: {
      strength: declared !== undefined ? Math.max(declared, earned) : earned,
      ...(declared !== undefined ? { declaredStrength: declared } : { source: 'interaction' }),
      interactionCount: n, lastInteractionAt: last,
    },
  });
}

const json = `{\n  "nodes": [\n${out.nodes.map((n) => `    ${JSON.stringify(n)}`).join(',\n')}\n  ],\n  "relationships": [\n${out.relationships.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
fs.writeFileSync(path.join(DIR, '20-deals.json'), json);
console.log(`20-deals.json: ${deals.length} opportunities, ${NEW_PEOPLE.length} new people, ${contacts.length} interactions, ${pairs.size} KNOWS from contact history`);
