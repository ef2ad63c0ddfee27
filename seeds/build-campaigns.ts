/**
 * Composes seeds/40-campaigns.json on the keys of the earlier seeds (seeds/README.md): two past
 * campaigns with their targeting, responses (an unsubscribe withdraws, replies and registrations
 * are contact history) and one deal sourced from a campaign. Targeting follows the consent rule
 * (the latest decision for the channel and purpose at the campaign's start is a grant), as
 * targetCampaign would have selected. Deterministic: `npx tsx seeds/build-campaigns.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportDocument, ImportNode, ImportRelationship } from '../src/import';
import { mulberry32 } from '../src/random';

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as Required<ImportDocument>;
const core = read('10-core.json');
const crm = read('30-crm.json');
const nodes: ImportNode[] = [];
const relationships: ImportRelationship[] = [];
const random = mulberry32(20261001);
const chance = (p: number): boolean => random() < p;
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace('.000Z', 'Z');

const organizations = new Map(core.nodes.filter((n) => n.type === 'Organization').map((n) => [n.key, n.properties]));
const installers = new Set(
  [...organizations].filter(([, o]) => (o.kinds as string[]).includes('CUSTOMER') && /installer/i.test(String(o.industry))).map(([key]) => key),
);
const employees = core.relationships.filter((r) => r.type === 'WORKS_AT' && installers.has(r.to) && !r.properties?.until);
const employerOf = new Map(employees.map((r) => [r.from, r.to]));

/** The people whose latest decision for the channel and purpose at `at` is a grant (a withdrawal wins a tie). */
function consenting(channel: string, purpose: string, at: string): string[] {
  const decisions = new Map(crm.nodes.filter((n) => n.type === 'Consent').map((n) => [n.key, n.properties]));
  const latest = new Map<string, { at: string; granted: boolean }>();
  for (const gave of crm.relationships.filter((r) => r.type === 'GAVE')) {
    const d = decisions.get(gave.to)!;
    if (d.channel !== channel || d.purpose !== purpose || String(d.at) > at) continue;
    const before = latest.get(gave.from);
    if (!before || String(d.at) > before.at || (String(d.at) === before.at && !d.granted)) latest.set(gave.from, { at: String(d.at), granted: Boolean(d.granted) });
  }
  return [...latest].filter(([person, d]) => d.granted && employerOf.has(person)).map(([person]) => person).sort();
}

interface Plan { key: string; name: string; channel: string; purpose: string; startsAt: string; endsAt: string; owner: string }
let consentNo = 0;
let interactionNo = 0;

function runCampaign(plan: Plan, respond: (person: string) => string[]): string[] {
  nodes.push({ type: 'Campaign', key: plan.key, properties: { name: plan.name, channel: plan.channel, purpose: plan.purpose, startsAt: plan.startsAt, endsAt: plan.endsAt } });
  relationships.push({ type: 'OWNS', from: plan.owner, to: plan.key });
  const targeted = consenting(plan.channel, plan.purpose, plan.startsAt);
  const responders: string[] = [];
  targeted.forEach((person, i) => {
    relationships.push({ type: 'TARGETED_BY', from: person, to: plan.key, properties: { at: plan.startsAt } });
    for (const [n, kind] of respond(person).entries()) {
      const at = minutesAfter(plan.startsAt, 60 * (i % 48) + 90 * n + 30);
      relationships.push({ type: 'RESPONDED', from: person, to: plan.key, properties: { kind, at } });
      if (kind === 'UNSUBSCRIBED') {
        const key = `consent-camp-${String((consentNo += 1)).padStart(3, '0')}`;
        nodes.push({ type: 'Consent', key, properties: { channel: plan.channel, purpose: plan.purpose, granted: false, at, source: `campaign:${plan.key}` } });
        relationships.push({ type: 'GAVE', from: person, to: key });
      }
      if (kind === 'REPLIED' || kind === 'REGISTERED') {
        const key = `ia-camp-${String((interactionNo += 1)).padStart(3, '0')}`;
        const type = kind === 'REGISTERED' ? 'WEB_FORM' : plan.channel === 'PHONE' ? 'CALL' : 'EMAIL';
        const verb = kind === 'REGISTERED' ? 'Registered' : 'Replied';
        nodes.push({ type: 'Interaction', key, properties: { type, direction: 'INBOUND', occurredAt: at, summary: `${verb} to the campaign "${plan.name}"` } });
        relationships.push({ type: 'PARTICIPATED_IN', from: person, to: key }, { type: 'ABOUT', from: key, to: plan.key });
        responders.push(person);
      }
    }
  });
  return responders;
}

// An autumn newsletter to the installers' people: most delivered, some opened and clicked, a few replies, two unsubscribes.
let unsubscribes = 0;
runCampaign(
  { key: 'camp-newsletter-2026-09', name: 'Herbst-Newsletter 2026: Förderung für Wärmepumpen', channel: 'EMAIL', purpose: 'newsletter',
    startsAt: '2026-09-15T07:00:00Z', endsAt: '2026-10-15T00:00:00Z', owner: 'u-tobias-lang' },
  () => {
    if (chance(0.06)) return ['BOUNCED'];
    const kinds = ['DELIVERED'];
    if (chance(0.55)) kinds.push('OPENED');
    if (kinds.includes('OPENED') && chance(0.4)) kinds.push('CLICKED');
    if (kinds.includes('CLICKED') && chance(0.25)) kinds.push('REPLIED');
    if (unsubscribes < 2 && kinds.includes('OPENED') && chance(0.12)) { unsubscribes += 1; kinds.push('UNSUBSCRIBED'); }
    return kinds;
  },
);

// A phone campaign launching the quieter heat pump: reached people, replies, demo registrations.
const registered = runCampaign(
  { key: 'camp-aquaair-pro-2026-05', name: 'Telefonaktion AquaAir 12 Pro', channel: 'PHONE', purpose: 'product-news',
    startsAt: '2026-05-04T08:00:00Z', endsAt: '2026-05-29T16:00:00Z', owner: 'u-felix-arnold' },
  () => {
    if (chance(0.25)) return ['BOUNCED'];
    const kinds = ['DELIVERED'];
    if (chance(0.35)) kinds.push(chance(0.5) ? 'REGISTERED' : 'REPLIED');
    return kinds;
  },
);

// The deal one registration brought: the demo led to an offer.
const source = registered[0];
nodes.push({
  type: 'Opportunity', key: 'opp-camp-aquaair-pro',
  properties: { name: 'AquaAir 12 Pro nach Vorführung', amount: 41700, currency: 'EUR', stage: 'PROPOSAL', probability: 0.4, expectedCloseDate: '2027-02-15' },
});
relationships.push(
  { type: 'FOR_ACCOUNT', from: 'opp-camp-aquaair-pro', to: employerOf.get(source)! },
  { type: 'OWNS', from: 'u-felix-arnold', to: 'opp-camp-aquaair-pro' },
  { type: 'SOURCED_FROM', from: 'opp-camp-aquaair-pro', to: 'camp-aquaair-pro-2026-05' },
  { type: 'BUYING_ROLE', from: source, to: 'opp-camp-aquaair-pro', properties: { roles: ['INITIATOR', 'DECISION_MAKER'], stance: 'SUPPORTER' } },
);

const document: ImportDocument = { nodes, relationships };
writeFileSync(join(__dirname, '40-campaigns.json'), `${JSON.stringify(document, null, 0).replace(/\},\{/g, '},\n{')}\n`);
process.stdout.write(`seeds/40-campaigns.json: ${nodes.length} nodes, ${relationships.length} relationships\n`);
