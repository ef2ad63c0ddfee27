/**
 * Times the deal questions (buyingCenter with and without paths, partnerCoverage, logInteraction,
 * contact history) over HTTP on a generated hub-heavy world (BENCH_NODES, default 100,000) with
 * one opportunity and a five-person buying center on each of the 500 largest accounts and
 * 20,000 logged contacts. Median and p95 over BENCH_RUNS runs (default 20). Wipes the database.
 *
 *   npm run bench -- deals
 */
import pino from 'pino';
import { startApp } from '../src/server';
import { benchSignIn } from './bench-sign-in';
import { generateWorld } from '../seeds/generator/generate-world';
import { loadWorld } from './graph-questions.bench';
import type { BenchContext } from './run';
import { wipeDatabase } from './wipe-database';

const ADD_DEALS = `
MATCH (a:Organization) WHERE COUNT { (:Person)-[:WORKS_AT]->(a) } >= 5
WITH a ORDER BY COUNT { (:Person)-[:WORKS_AT]->(a) } DESC, a.key LIMIT 500
CALL (a) {
  MATCH (p:Person)-[:WORKS_AT]->(a)
  WITH p ORDER BY p.key LIMIT 5
  RETURN collect(p) AS members
}
CALL () { MATCH (u:User) WITH u ORDER BY rand() LIMIT 1 RETURN u }
CREATE (o:Entity:Opportunity {id: randomUUID(), key: 'opp-' + a.key, name: 'Deal ' + a.name, amount: 100000.0,
  probability: 0.4, stage: 'PROPOSAL', createdAt: datetime(), updatedAt: datetime()})
CREATE (o)-[:FOR_ACCOUNT]->(a)
CREATE (u)-[:OWNS]->(o)
WITH o, members
UNWIND range(0, size(members) - 1) AS i
WITH o, members[i] AS p, ['DECISION_MAKER', 'ECONOMIC_BUYER', 'CHAMPION', 'USER', 'GATEKEEPER'][i] AS role
CREATE (p)-[:BUYING_ROLE {roles: [role], stance: 'NEUTRAL'}]->(o)`;

const ADD_CONTACTS = `
MATCH (o:Opportunity)<-[:OWNS]-(u:User)
MATCH (p:Person)-[:BUYING_ROLE]->(o)
MATCH (o)-[:FOR_ACCOUNT]->(a)
WITH u, p, o, a, range(1, 8) AS times
UNWIND times AS t
CREATE (i:Entity:Interaction {id: randomUUID(), type: 'CALL', occurredAt: datetime('2026-01-01T09:00:00Z') + duration({days: t * 11}),
  createdAt: datetime(), updatedAt: datetime()})
CREATE (u)-[:PARTICIPATED_IN]->(i), (p)-[:PARTICIPATED_IN]->(i), (i)-[:ABOUT]->(o), (i)-[:ABOUT]->(a)`;

const PICKS = `
CALL () {
  MATCH (o:Opportunity)-[:FOR_ACCOUNT]->(a) WITH o, a ORDER BY COUNT { (:Person)-[:WORKS_AT]->(a) } DESC LIMIT 1
  RETURN o.id AS bigDeal, a.id AS bigAccount
}
CALL () {
  MATCH (d:Organization) WITH d, COUNT { (d)-[:SERVES]->() } AS served ORDER BY served DESC LIMIT 1
  RETURN d.id AS distributor, served
}
CALL () {
  MATCH (u:User)-[:OWNS]->(o)<-[:BUYING_ROLE]-(p) RETURN u.id AS user, p.id AS person, o.id AS deal LIMIT 1
}
RETURN bigDeal, bigAccount, distributor, served, user, person, deal`;

export async function run({ db, report }: BenchContext): Promise<void> {
  const nodes = Number(process.env.BENCH_NODES ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  await wipeDatabase(db);
  let started = Date.now();
  await loadWorld(db, generateWorld({ nodes, seed: 11 }));
  await db.write(ADD_DEALS);
  await db.write(ADD_CONTACTS);
  const [counts] = await db.read<{ opportunities: number; interactions: number }>(
    'RETURN COUNT { (:Opportunity) } AS opportunities, COUNT { (:Interaction) } AS interactions');
  report('world', `${nodes} nodes + ${counts.opportunities} opportunities + ${counts.interactions} interactions, loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const [picks] = await db.read<{ bigDeal: string; bigAccount: string; distributor: string; served: number; user: string; person: string; deal: string }>(PICKS);
  report('biggest distributor serves', picks.served, 'customers');

  const { auth, headers } = await benchSignIn(db);
  const app = await startApp({ db, log: pino({ level: 'silent' }), production: true, auth }, 0);
  let minute = 0;
  const questions: { name: string; query: string; variables: () => Record<string, unknown> }[] = [
    { name: 'buyingCenter, members and missing roles', query: /* GraphQL */ `query ($id: ID!) { buyingCenter(opportunityId: $id) { missingRoles members { person { id } roles stance } } }`, variables: () => ({ id: picks.bigDeal }) },
    { name: 'buyingCenter with best paths and coverage', query: /* GraphQL */ `query ($id: ID!) { buyingCenter(opportunityId: $id) { coverage members { bestPath { strength hops nodes { id } } } } }`, variables: () => ({ id: picks.bigDeal }) },
    { name: '20 opportunities with missing roles', query: /* GraphQL */ `{ opportunities(first: 20) { edges { node { account { name } buyingCenter { missingRoles } } } } }`, variables: () => ({}) },
    { name: 'partnerCoverage biggest distributor', query: /* GraphQL */ `query ($id: ID!) { partnerCoverage(partnerId: $id) { openPipeline customers { id } conflicts { customer { id } partners { id } } people { id } managers { id } } }`, variables: () => ({ id: picks.distributor }) },
    { name: 'Organization.interactions first 20', query: /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Organization { interactions(first: 20) { totalCount edges { node { occurredAt participants { id } } } } } } }`, variables: () => ({ id: picks.bigAccount }) },
    {
      name: 'logInteraction user + person (KNOWS update)',
      query: /* GraphQL */ `mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
      variables: () => ({ input: { type: 'CALL', occurredAt: new Date(Date.UTC(2026, 10, 1, 9, minute++)).toISOString(), participantIds: [picks.user, picks.person], aboutIds: [picks.deal] } }),
    },
  ];
  try {
    for (const question of questions) {
      const ask = async () => {
        const response = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify({ query: question.query, variables: question.variables() }) });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`${question.name}: ${JSON.stringify(body.errors)}`);
      };
      for (let i = 0; i < 3; i++) await ask();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        started = performance.now();
        await ask();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
      report(question.name, `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    }
  } finally {
    await app.close();
  }
}
