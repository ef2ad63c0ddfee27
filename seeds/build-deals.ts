/**
 * Builds seeds/20-deals.json from seeds/10-core.json: opportunities on the core world's customer
 * accounts with buying centers (complete ones, ones with missing roles, members nobody on our
 * team knows) and contact history. KNOWS between users and persons who met in that history is
 * written as logInteraction would leave it (DESIGN §4), so the seed looks like a closed loop.
 * Deterministic: the same core file gives the same output. Run: npx tsx seeds/build-deals.ts
 */
import fs from 'node:fs';
import path from 'node:path';

interface SeedNode { type: string; key: string; properties: Record<string, any> }
interface SeedRel { type: string; from: string; to: string; properties?: Record<string, any> }
interface SeedDoc { nodes: SeedNode[]; relationships: SeedRel[] }

const DIR = __dirname;
const core: SeedDoc = JSON.parse(fs.readFileSync(path.join(DIR, '10-core.json'), 'utf8'));
const out: SeedDoc = { nodes: [], relationships: [] };

let seed = 20260501;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

const byKey = new Map(core.nodes.map((n) => [n.key, n]));
const orgs = core.nodes.filter((n) => n.type === 'Organization');
const users = core.nodes.filter((n) => n.type === 'User');
const salesUsers = users.filter((u) => (u.properties.roles ?? []).some((r: string) => ['KEY_ACCOUNT_MANAGER', 'SALES'].includes(r)));
const accountOwner = new Map(
  core.relationships.filter((r) => r.type === 'MANAGES' && r.properties?.as !== 'PARTNER_MANAGER').map((r) => [r.to, r.from]),
);
const staffOf = (orgKey: string) =>
  core.relationships.filter((r) => r.type === 'WORKS_AT' && r.to === orgKey && byKey.get(r.from)?.type === 'Person').map((r) => r.from).sort();
const isCustomer = (o: SeedNode) =>
  ['KEY_ACCOUNT', 'CUSTOMER', 'PROSPECT'].includes(o.properties.lifecycleStage) ||
  (o.properties.kinds ?? []).some((k: string) => k === 'CUSTOMER' || k === 'PROSPECT');
const keyAccounts = orgs.filter((o) => o.properties.lifecycleStage === 'KEY_ACCOUNT');
const otherCustomers = orgs.filter((o) => isCustomer(o) && o.properties.lifecycleStage !== 'KEY_ACCOUNT').slice(0, 12);
const influencers = core.nodes
  .filter((n) => n.type === 'Person' && (n.properties.kinds ?? []).some((k: string) => ['PLANNER', 'CONSULTANT', 'ARCHITECT', 'INFLUENCER'].includes(k)))
  .map((n) => n.key);

const SENIORITY_RANK: Record<string, number> = { OWNER: 0, EXECUTIVE: 1, HEAD: 2, SENIOR: 3, MID: 4, JUNIOR: 5 };
const bySeniority = (keys: string[]) =>
  [...keys].sort((a, b) => (SENIORITY_RANK[byKey.get(a)?.properties.seniority] ?? 9) - (SENIORITY_RANK[byKey.get(b)?.properties.seniority] ?? 9) || a.localeCompare(b));

const STRANGERS = [
  ['Dr. Helga Brandt', 'Chief Financial Officer', 'EXECUTIVE'], ['Jörg Lindner', 'Technical Director', 'HEAD'],
  ['Sabine Krüger', 'Facility Manager', 'SENIOR'], ['Tobias Vogel', 'Purchasing Agent', 'MID'],
  ['Monika Hartmann', 'Managing Director', 'OWNER'], ['Uwe Schäfer', 'Site Manager', 'SENIOR'],
  ['Petra Neumann', 'Energy Officer', 'SENIOR'], ['Ralf Zimmermann', 'Head of Operations', 'HEAD'],
  ['Claudia Wolf', 'Controller', 'MID'], ['Dirk Schröder', 'Chief Executive', 'EXECUTIVE'],
  ['Ines Becker', 'Project Engineer', 'MID'], ['Frank Hoffmann', 'Board Member', 'EXECUTIVE'],
] as const;
let strangerCount = 0;
/** A new person at the account whom nobody on our team knows yet. */
function stranger(orgKey: string): string {
  const [name, title, seniority] = STRANGERS[strangerCount % STRANGERS.length];
  strangerCount += 1;
  const key = `p-deal-${String(strangerCount).padStart(2, '0')}`;
  const domain = byKey.get(orgKey)?.properties.domain ?? `${orgKey.replace(/^org-/, '')}.example`;
  const local = name.replace(/^Dr\. /, '').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/\s+/g, '.');
  out.nodes.push({ type: 'Person', key, properties: { name, title, seniority, kinds: ['CONTACT'], email: `${local}@${domain}` } });
  out.relationships.push({ type: 'WORKS_AT', from: key, to: orgKey, properties: { title } });
  return key;
}

type Role = 'DECISION_MAKER' | 'ECONOMIC_BUYER' | 'CHAMPION' | 'USER' | 'INFLUENCER' | 'GATEKEEPER' | 'TECHNICAL_EVALUATOR' | 'BLOCKER' | 'INITIATOR';
/** Buying-center shapes, cycled over the opportunities: who holds which roles (index into the account's staff, 's' = a stranger, 'i' = an outside influencer). */
const SHAPES: { name: string; members: [number | 's' | 'i', Role[], string][] }[] = [
  { name: 'complete', members: [[0, ['DECISION_MAKER'], 'SUPPORTER'], ['s', ['ECONOMIC_BUYER'], 'NEUTRAL'], [1, ['CHAMPION', 'USER'], 'SUPPORTER'], [2, ['TECHNICAL_EVALUATOR'], 'SKEPTIC']] },
  { name: 'no champion', members: [[0, ['DECISION_MAKER', 'ECONOMIC_BUYER'], 'NEUTRAL'], [1, ['USER'], 'SUPPORTER'], ['s', ['GATEKEEPER'], 'UNKNOWN']] },
  { name: 'no decision maker', members: [[1, ['ECONOMIC_BUYER'], 'SKEPTIC'], [0, ['CHAMPION', 'INITIATOR'], 'SUPPORTER'], ['i', ['INFLUENCER'], 'SUPPORTER']] },
  { name: 'complete with a blocker', members: [['s', ['DECISION_MAKER'], 'UNKNOWN'], [0, ['ECONOMIC_BUYER'], 'NEUTRAL'], [1, ['CHAMPION'], 'SUPPORTER'], ['s', ['BLOCKER'], 'OPPONENT'], ['i', ['INFLUENCER'], 'NEUTRAL']] },
  { name: 'only a champion', members: [[0, ['CHAMPION', 'USER'], 'SUPPORTER']] },
];

const PRODUCTS = ['Heat pump retrofit', 'Condensing boiler roll-out', 'Hybrid heating', 'Solar thermal package', 'Service contract', 'District heating substation', 'Smart controls upgrade'];
const STAGES = [
  ['PROPOSAL', 0.4], ['NEGOTIATION', 0.7], ['QUALIFICATION', 0.15], ['WON', 1], ['PROPOSAL', 0.3], ['LOST', 0], ['NEGOTIATION', 0.6], ['QUALIFICATION', 0.1],
] as const;
const day = (iso: string, plusDays: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);

interface Meeting { key: string; type: string; at: string; users: string[]; persons: string[]; about: string[]; summary: string; outcome?: string; direction: string }
const meetings: Meeting[] = [];
let meetingCount = 0;
const TOPICS: Record<string, [string, string, string]> = {
  CALL: ['Call on requirements and timing', 'Follow-up call on the offer', 'Clarified budget approval'],
  MEETING: ['Kick-off meeting with the project team', 'Offer presentation', 'Negotiation round on price and service levels'],
  VISIT: ['Site visit in the plant room', 'Visit with a reference installation', 'Inspection of the existing boilers'],
  EMAIL: ['Sent the technical data sheets', 'Sent the revised offer', 'Answered questions on funding (BEG)'],
};

let opportunityCount = 0;
for (const [index, account] of [...keyAccounts, ...otherCustomers].entries()) {
  const isKey = index < keyAccounts.length;
  const deals = isKey ? 2 + (index % 2) : index % 2;
  const owner = accountOwner.get(account.key) ?? (salesUsers.length ? salesUsers[index % salesUsers.length].key : users[0]?.key);
  for (let d = 0; d < deals; d += 1) {
    opportunityCount += 1;
    const key = `opp-${account.key.replace(/^org-/, '')}-${d + 1}`;
    const [stage, probability] = STAGES[(opportunityCount - 1) % STAGES.length];
    const amount = Math.round((isKey ? 60 : 15) * (1 + random() * 4)) * 1000;
    const closed = stage === 'WON' || stage === 'LOST';
    const expectedCloseDate = closed ? day('2026-03-01', Math.floor(random() * 200)) : day('2026-12-01', Math.floor(random() * 240));
    out.nodes.push({
      type: 'Opportunity', key,
      properties: { name: `${account.properties.name}: ${PRODUCTS[(opportunityCount - 1) % PRODUCTS.length]}`, amount, currency: 'EUR', stage, probability, expectedCloseDate },
    });
    out.relationships.push({ type: 'FOR_ACCOUNT', from: key, to: account.key });
    if (owner) out.relationships.push({ type: 'OWNS', from: owner, to: key });

    const staff = bySeniority(staffOf(account.key));
    const shape = SHAPES[(opportunityCount - 1) % SHAPES.length];
    const members = new Map<string, { roles: Role[]; stance: string }>();
    for (const [who, roles, stance] of shape.members) {
      let person: string | undefined;
      if (who === 's') person = stranger(account.key);
      else if (who === 'i') person = influencers.length ? influencers[opportunityCount % influencers.length] : undefined;
      else person = staff[who] ?? stranger(account.key);
      if (!person) continue;
      const existing = members.get(person);
      members.set(person, existing ? { roles: [...new Set([...existing.roles, ...roles])], stance: existing.stance } : { roles, stance });
    }
    for (const [person, { roles, stance }] of members) {
      out.relationships.push({ type: 'BUYING_ROLE', from: person, to: key, properties: { roles, stance } });
    }

    // Contact history: the owner met the members from the account's own staff, never the strangers.
    const known = [...members.keys()].filter((p) => staff.includes(p) && !p.startsWith('p-deal-'));
    const contacts = owner && known.length ? 1 + Math.floor(random() * 3) + (isKey ? 1 : 0) : 0;
    for (let c = 0; c < contacts; c += 1) {
      const type = pick(['CALL', 'MEETING', 'VISIT', 'EMAIL'] as const);
      const persons = [known[c % known.length], ...(random() < 0.4 && known.length > 1 ? [known[(c + 1) % known.length]] : [])];
      meetingCount += 1;
      meetings.push({
        key: `int-${String(meetingCount).padStart(3, '0')}`, type,
        at: `${day('2025-12-01', Math.floor(random() * 330))}T${String(8 + Math.floor(random() * 9)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}:00Z`,
        users: [owner!], persons: [...new Set(persons)], about: [key, account.key],
        summary: TOPICS[type][c % 3], outcome: c === contacts - 1 && closed ? (stage === 'WON' ? 'Order signed' : 'Went to a competitor') : undefined,
        direction: type === 'EMAIL' && c % 2 ? 'INBOUND' : 'OUTBOUND',
      });
    }
  }
  // An inbound web enquiry about the account, with nobody of our team in it.
  const staff = staffOf(account.key);
  if (staff.length && index % 3 === 0) {
    meetingCount += 1;
    meetings.push({
      key: `int-${String(meetingCount).padStart(3, '0')}`, type: 'WEB_FORM', at: `${day('2026-02-01', index * 7)}T10:00:00Z`,
      users: [], persons: [staff[0]], about: [account.key], summary: 'Asked for spare parts prices via the web form', direction: 'INBOUND',
    });
  }
}

for (const m of meetings) {
  out.nodes.push({
    type: 'Interaction', key: m.key,
    properties: { type: m.type, direction: m.direction, occurredAt: m.at, summary: m.summary, ...(m.outcome ? { outcome: m.outcome } : {}) },
  });
  for (const participant of [...m.users, ...m.persons]) out.relationships.push({ type: 'PARTICIPATED_IN', from: participant, to: m.key });
  for (const subject of m.about) out.relationships.push({ type: 'ABOUT', from: m.key, to: subject });
}

// KNOWS as logInteraction leaves it: count, last contact, strength = max(declared, 1 − 0.8^n).
const pairs = new Map<string, { user: string; person: string; n: number; last: string }>();
for (const m of meetings) {
  for (const user of m.users) {
    for (const person of m.persons) {
      const id = `${user}|${person}`;
      const pair = pairs.get(id) ?? { user, person, n: 0, last: m.at };
      pair.n += 1;
      if (m.at > pair.last) pair.last = m.at;
      pairs.set(id, pair);
    }
  }
}
for (const { user, person, n, last } of [...pairs.values()].sort((a, b) => `${a.user}|${a.person}`.localeCompare(`${b.user}|${b.person}`))) {
  const existing = core.relationships.find((r) => r.type === 'KNOWS' && ((r.from === user && r.to === person) || (r.from === person && r.to === user)));
  const declared = existing ? existing.properties?.declaredStrength ?? existing.properties?.strength ?? 0.5 : undefined;
  const earned = Math.round((1 - 0.8 ** n) * 1e6) / 1e6;
  out.relationships.push({
    type: 'KNOWS', from: existing?.from ?? user, to: existing?.to ?? person,
    properties: {
      strength: declared !== undefined ? Math.max(declared, earned) : earned,
      ...(declared !== undefined ? { declaredStrength: declared } : {}),
      interactionCount: n, lastInteractionAt: last,
      ...(existing ? {} : { source: 'interaction' }),
    },
  });
}

const json = `{\n  "nodes": [\n${out.nodes.map((n) => `    ${JSON.stringify(n)}`).join(',\n')}\n  ],\n  "relationships": [\n${out.relationships.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
fs.writeFileSync(path.join(DIR, '20-deals.json'), json);
console.log(`20-deals.json: ${opportunityCount} opportunities, ${strangerCount} new people, ${meetings.length} interactions, ${pairs.size} KNOWS updated`);
