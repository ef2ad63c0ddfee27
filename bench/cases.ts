/**
 * What the bench asks, each question three ways where the way exists: through the API (GraphQL),
 * by hand-written Cypher through neo4j-driver ("raw", the limit) and, for the generic reads,
 * through @neo4j/graphql. Each way turns its answer into the same plain shape so that the bench
 * can check that all of them agree.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { comparePaths, type PathRow } from '../src/paths/path-row';
import { HOP_WEIGHT, STAKEHOLDER_TYPES } from '../src/paths/hop-weight';
import type { Picks } from './picks';

// GraphQL answers are walked by hand here; each way's shape is fixed by its query.
type Data = Record<string, any>;

export interface GraphQLWay {
  query: string;
  variables: Record<string, unknown>;
  /** When given, timed round i asks with rotation[i mod length] instead (the answers are checked with `variables`). */
  rotation?: Record<string, unknown>[];
  answer(data: Data): unknown;
}

export interface Case {
  name: string;
  /**
   * Generic reads are compared with @neo4j/graphql too; graph questions only with raw Cypher. The
   * floor is no target: what a request that reads nothing costs each way, beside the reads.
   */
  kind: 'read' | 'graph' | 'floor';
  xrm: GraphQLWay;
  raw: (tx: ManagedTransaction) => Promise<unknown>;
  neo4jGraphql?: GraphQLWay;
}

/** An integer parameter (LIMIT, SKIP): the bench's driver would send a plain number as a float. */
const int = (value: number) => neo4j.int(value);

const TYPES = [...STAKEHOLDER_TYPES].sort().join('|');

async function rows(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<Data[]> {
  return (await tx.run(cypher, params)).records.map((record) => record.toObject());
}

// ---------------------------------------------------------------- paths

const PATH_FIELDS = /* GraphQL */ `fragment BenchPath on RelationshipPath { strength hops nodes { id } steps { type } }`;

/** A path as every way reports it: strength, node ids, relationship types. */
interface PathAnswer {
  strength: number;
  nodeIds: string[];
  types: string[];
}
const pathAnswer = (path: { strength: number; nodes: { id: string }[]; steps: { type: string }[] }): PathAnswer => ({
  strength: path.strength,
  nodeIds: path.nodes.map((node) => node.id),
  types: path.steps.map((step) => step.type),
});

const SIMPLE = (p: string) => `all(i IN range(0, length(${p}) - 1) WHERE NOT nodes(${p})[i] IN nodes(${p})[i + 1..])`;

/** Every simple path of ≤ maxHops hops between `start` and `end` (patterns bound before), strongest first; extra rows for ties at the cut. */
const pathsCypher = (match: string, maxHops: number) => `
${match}
MATCH p = (s)-[:${TYPES}*1..${maxHops}]-(t)
WHERE ${SIMPLE('p')}
WITH p, reduce(w = 1.0, r IN relationships(p) | w * ${HOP_WEIGHT('r')}) AS strength
ORDER BY strength DESC, length(p)
LIMIT $limit
RETURN strength, [n IN nodes(p) | n.id] AS nodeIds, [r IN relationships(p) | type(r)] AS types,
       [r IN relationships(p) | startNode(r).id] AS fromIds`;

/** Ranks raw rows exactly as the API does (src/paths/path-row.ts) and keeps the first `first`. */
function rankedPaths(found: Data[], first: number): PathAnswer[] {
  const paths = found.map((row): PathRow => ({
    strength: row.strength,
    hops: row.types.length,
    nodeIds: row.nodeIds,
    steps: (row.types as string[]).map((type, i) => ({ type, fromId: row.fromIds[i], toId: '', weight: 0 })),
  }));
  return paths.sort(comparePaths).slice(0, first).map((path) => ({ strength: path.strength, nodeIds: path.nodeIds, types: path.steps.map((s) => s.type) }));
}

function relationshipPaths(name: string, from: string, to: string, maxHops: number, first: number): Case {
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($a: ID!, $b: ID!, $maxHops: Int!, $first: Int!) {
        relationshipPaths(fromId: $a, toId: $b, maxHops: $maxHops, first: $first) { ...BenchPath }
      } ${PATH_FIELDS}`,
      variables: { a: from, b: to, maxHops, first },
      answer: (data) => data.relationshipPaths.map(pathAnswer),
    },
    raw: async (tx) =>
      rankedPaths(await rows(tx, pathsCypher('MATCH (s:Entity {id: $from}), (t:Entity {id: $to})', maxHops), { from, to, limit: int(first + 50) }), first),
  };
}

/**
 * The same question about a different pair of hubs each round: with the path procedure's shared
 * cache, asking one pair over and over times only its hits; here each call meets hubs that earlier
 * calls read, but never the previous call's pair.
 */
function rotatingRelationshipPaths(name: string, pairs: [string, string][], maxHops: number, first: number): Case {
  const [from, to] = pairs[0];
  const asked = relationshipPaths(name, from, to, maxHops, first);
  return { ...asked, xrm: { ...asked.xrm, rotation: pairs.map(([a, b]) => ({ a, b, maxHops, first })) } };
}

function warmIntroductions(name: string, target: string, maxHops: number): Case {
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($t: ID!, $maxHops: Int!) { warmIntroductions(targetId: $t, maxHops: $maxHops) { ...BenchPath } } ${PATH_FIELDS}`,
      variables: { t: target, maxHops },
      answer: (data) => data.warmIntroductions.map(pathAnswer),
    },
    raw: async (tx) =>
      rankedPaths(await rows(tx, pathsCypher('MATCH (t:Entity {id: $to}) MATCH (s:User) WHERE s <> t', maxHops), { to: target, limit: int(55) }), 5),
  };
}

// ---------------------------------------------------------------- account network

const NEXT_RING = `
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[:${TYPES}]-(b:Entity)
WHERE NOT b.id IN $seen
WITH DISTINCT b ORDER BY b.id LIMIT $room
RETURN b.id AS id`;
const EDGES_AMONG = `
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:${TYPES}]->(b:Entity)
WHERE b.id IN $ids
RETURN type(r) AS type, a.id AS fromId, b.id AS toId`;

function accountNetwork(name: string, account: string, depth: number, nodeLimit: number): Case {
  const sortEdges = (edges: { type: string; fromId: string; toId: string }[]) =>
    edges.map((e) => `${e.fromId} ${e.type} ${e.toId}`).sort();
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($a: ID!, $depth: Int!, $limit: Int!) {
        accountNetwork(accountId: $a, depth: $depth, nodeLimit: $limit) { nodes { node { id } depth } edges { type fromId toId } truncated }
      }`,
      variables: { a: account, depth, limit: nodeLimit },
      answer: ({ accountNetwork: n }) => ({
        nodes: n.nodes.map((x: Data) => `${x.depth} ${x.node.id}`),
        edges: sortEdges(n.edges),
        truncated: n.truncated,
      }),
    },
    raw: async (tx) => {
      const nodes = [`0 ${account}`];
      const seen = [account];
      let frontier = [account];
      let truncated = false;
      for (let ring = 1; ring <= depth && frontier.length && !truncated; ring++) {
        const room = nodeLimit - nodes.length;
        const found = (await rows(tx, NEXT_RING, { frontier, seen, room: int(room + 1) })).map((r) => r.id as string);
        truncated = found.length > room;
        frontier = found.slice(0, room);
        seen.push(...frontier);
        nodes.push(...frontier.map((id) => `${ring} ${id}`));
      }
      const edges = await rows(tx, EDGES_AMONG, { ids: seen });
      return { nodes, edges: sortEdges(edges as { type: string; fromId: string; toId: string }[]), truncated };
    },
  };
}

// ---------------------------------------------------------------- influence

const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
const topScores = (found: Data[], first: number) =>
  found
    .map((r) => ({ id: r.id as string, score: r.score as number }))
    .sort((a, b) => (nearlyEqual(a.score, b.score) ? (a.id < b.id ? -1 : 1) : b.score - a.score))
    .slice(0, first);

const INFLUENCE_SUM = (maxHops: number) => `
UNWIND $targets AS targetId
MATCH (t:Entity {id: targetId})
MATCH p = (x:Entity)-[:INFLUENCES]->{1,${maxHops}}(t)
WHERE ${SIMPLE('p')} AND NOT x.id IN $excluded
WITH x, reduce(w = 1.0, r IN relationships(p) | w * coalesce(r.weight, 0.5)) * 0.5 ^ (length(p) - 1) AS contribution
WITH x, sum(contribution) AS score WHERE score > 0
RETURN x.id AS id, score`;

function influencers(name: string, target: string, maxHops: number): Case {
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($t: ID!, $maxHops: Int!) { influencers(targetId: $t, maxHops: $maxHops) { influencer { id } score } }`,
      variables: { t: target, maxHops },
      answer: (data) => data.influencers.map((s: Data) => ({ id: s.influencer.id, score: s.score })),
    },
    raw: async (tx) => topScores(await rows(tx, INFLUENCE_SUM(maxHops), { targets: [target], excluded: [] }), 10),
  };
}

const ACCOUNT_TARGETS = `
MATCH (a:Entity {id: $id}) WHERE a:Organization
CALL (a) { OPTIONAL MATCH (p:Person)-[:WORKS_AT]->(a) RETURN collect(DISTINCT p) AS staff }
CALL (a) { OPTIONAL MATCH (m:Person)-[:BUYING_ROLE]->(:Opportunity)-[:FOR_ACCOUNT]->(a) RETURN collect(DISTINCT m) AS members }
WITH [a] + staff AS excluded, reduce(all = [a] + staff, m IN members | CASE WHEN m IN all THEN all ELSE all + m END) AS targets
RETURN [n IN excluded | n.id] AS excluded, [n IN targets | n.id] AS targets`;

function accountInfluencers(name: string, account: string): Case {
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($a: ID!) { accountInfluencers(accountId: $a) { influencer { id } score } }`,
      variables: { a: account },
      answer: (data) => data.accountInfluencers.map((s: Data) => ({ id: s.influencer.id, score: s.score })),
    },
    raw: async (tx) => {
      const [{ excluded, targets }] = await rows(tx, ACCOUNT_TARGETS, { id: account });
      return topScores(await rows(tx, INFLUENCE_SUM(3), { targets, excluded }), 10);
    },
  };
}

// ---------------------------------------------------------------- deals and partners

const MEMBERS = `
MATCH (o:Entity {id: $id}) WHERE o:Opportunity
OPTIONAL MATCH (owner:User)-[:OWNS]->(o)
WITH o, owner ORDER BY owner.id LIMIT 1
MATCH (m:Person)-[:BUYING_ROLE]->(o)
RETURN owner.id AS owner, m.id AS member ORDER BY m.name, m.id`;

function buyingCenter(name: string, deal: string): Case {
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($id: ID!) {
        buyingCenter(opportunityId: $id) { coverage members { person { id } bestPath { strength nodes { id } steps { type } } } }
      }`,
      variables: { id: deal },
      answer: ({ buyingCenter: b }) => ({
        coverage: b.coverage,
        members: b.members.map((m: Data) => ({ id: m.person.id, best: m.bestPath && pathAnswer(m.bestPath) })),
      }),
    },
    raw: async (tx) => {
      const members = await rows(tx, MEMBERS, { id: deal });
      const answers = [];
      let covered = 0;
      for (const { owner, member } of members) {
        const fromOwner = owner
          ? rankedPaths(await rows(tx, pathsCypher('MATCH (s:Entity {id: $from}), (t:Entity {id: $to})', 4), { from: owner, to: member, limit: int(50) }), 1)
          : [];
        const fromAny = rankedPaths(await rows(tx, pathsCypher('MATCH (t:Entity {id: $to}) MATCH (s:User)', 4), { to: member, limit: int(50) }), 1);
        if ((fromAny[0]?.strength ?? 0) >= 0.3 - 1e-9) covered += 1;
        answers.push({ id: member, best: fromOwner[0] ?? fromAny[0] ?? null });
      }
      return { coverage: members.length ? covered / members.length : 0, members: answers };
    },
  };
}

const PARTNER_COVERAGE = `
MATCH (partner:Entity {id: $id}) WHERE partner:Organization
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(c:Organization)
  WITH DISTINCT c ORDER BY c.name, c.id
  RETURN collect(c.id) AS customers
}
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(:Organization)<-[:FOR_ACCOUNT]-(o:Opportunity)
  WHERE NOT coalesce(o.stage, 'QUALIFICATION') IN ['WON', 'LOST']
  WITH DISTINCT o
  RETURN sum(coalesce(o.amount, 0.0) * coalesce(o.probability, 0.0)) AS openPipeline
}
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(c:Organization)<-[:SERVES]-(other:Organization)
  WHERE other <> partner
  WITH DISTINCT c, other ORDER BY other.name, other.id
  WITH c, collect(other.id) AS partners ORDER BY c.name, c.id
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {customer: c.id, partners: partners} END) AS conflicts
}
CALL (partner) {
  OPTIONAL MATCH (p:Person)-[:WORKS_AT]->(partner)
  WITH DISTINCT p ORDER BY p.name, p.id
  RETURN collect(p.id) AS people
}
CALL (partner) {
  OPTIONAL MATCH (u:User)-[:MANAGES]->(partner)
  WITH DISTINCT u ORDER BY u.name, u.id
  RETURN collect(u.id) AS managers
}
RETURN customers, openPipeline, conflicts, people, managers`;

function partnerCoverage(name: string, partner: string): Case {
  return {
    name,
    kind: 'graph',
    xrm: {
      query: /* GraphQL */ `query ($id: ID!) {
        partnerCoverage(partnerId: $id) { openPipeline customers { id } conflicts { customer { id } partners { id } } people { id } managers { id } }
      }`,
      variables: { id: partner },
      answer: ({ partnerCoverage: c }) => ({
        customers: c.customers.map((x: Data) => x.id),
        openPipeline: c.openPipeline,
        conflicts: c.conflicts.map((x: Data) => ({ customer: x.customer.id, partners: x.partners.map((p: Data) => p.id) })),
        people: c.people.map((x: Data) => x.id),
        managers: c.managers.map((x: Data) => x.id),
      }),
    },
    raw: async (tx) => (await rows(tx, PARTNER_COVERAGE, { id: partner }))[0],
  };
}

// ---------------------------------------------------------------- generic reads

/**
 * A request that reads nothing: the API's HTTP, GraphQL and sign-in, @neo4j/graphql's HTTP and
 * GraphQL, and raw Cypher's managed transaction around a statement that reads no store.
 */
export const emptyRequest: Case = {
  name: 'floor: a request that reads nothing',
  kind: 'floor',
  xrm: { query: /* GraphQL */ `query { __typename }`, variables: {}, answer: (data) => data.__typename },
  raw: async (tx) => (await rows(tx, `RETURN 'Query' AS typename`))[0].typename,
  neo4jGraphql: { query: `query { __typename }`, variables: {}, answer: (data) => data.__typename },
};

/** One person by id (the lookup). */
export function personById(id: string): Case {
  return {
    name: 'node by id (a person)',
    kind: 'read',
    xrm: {
      query: /* GraphQL */ `query ($id: ID!) { person(id: $id) { id name title email } }`,
      variables: { id },
      answer: (data) => data.person,
    },
    raw: async (tx) => (await rows(tx, 'MATCH (p:Entity {id: $id}) WHERE p:Person RETURN p.id AS id, p.name AS name, p.title AS title, p.email AS email', { id }))[0],
    neo4jGraphql: {
      query: `query ($id: ID!) { people(where: { id: { eq: $id } }) { id name title email } }`,
      variables: { id },
      answer: (data) => data.people[0],
    },
  };
}

const ORGANIZATIONS_WITH_PEOPLE = `
MATCH (n:Organization) WHERE n.nameKey IS NOT NULL
WITH n ORDER BY n.nameKey, n.id LIMIT 50
CALL (n) {
  MATCH (n)<-[r:WORKS_AT]-(m)
  WITH r, m ORDER BY toLower(m.name), m.id LIMIT 20
  RETURN collect({id: m.id, name: m.name, title: r.title}) AS people
}
CALL (n) {
  MATCH (n)<-[r:SERVES]-(m)
  WITH r, m ORDER BY toLower(m.name), m.id LIMIT 20
  RETURN collect({id: m.id, name: m.name, territory: r.territory}) AS partners
}
CALL (n) {
  MATCH (n)<-[r:MANAGES]-(m)
  WITH r, m ORDER BY r.as, toLower(m.name), m.id LIMIT 20
  RETURN collect({id: m.id, name: m.name, as: r.as}) AS managers
}
RETURN n.id AS id, n.name AS name, n.city AS city, people, partners, managers`;

// @neo4j/graphql's operations are not marked for the linter: they are written against its own schema.
const NG_EDGES = (field: string, property: string, order: string) =>
  `${field}Connection(first: 20, sort: [${order}]) { edges { properties { ${property} } node { id name } } }`;

/** The account list: 50 organizations, each with 20 people, partners and managers and the relationship properties. */
export const organizationsWithPeople: Case = {
  name: '50 organizations with people, partners, managers',
  kind: 'read',
  xrm: {
    query: /* GraphQL */ `{
      organizations(first: 50) { edges { node {
        id name city
        people(first: 20) { title node { id name } }
        partners(first: 20) { territory node { id name } }
        managers(first: 20) { as node { id name } }
      } } }
    }`,
    variables: {},
    answer: (data) =>
      data.organizations.edges.map(({ node: n }: Data) => ({
        id: n.id,
        name: n.name,
        city: n.city,
        people: n.people.map((e: Data) => ({ id: e.node.id, name: e.node.name, title: e.title })),
        partners: n.partners.map((e: Data) => ({ id: e.node.id, name: e.node.name, territory: e.territory })),
        managers: n.managers.map((e: Data) => ({ id: e.node.id, name: e.node.name, as: e.as })),
      })),
  },
  raw: async (tx) => rows(tx, ORGANIZATIONS_WITH_PEOPLE),
  neo4jGraphql: {
    query: `{
      organizations(limit: 50, sort: [{ name: ASC }, { id: ASC }]) {
        id name city
        ${NG_EDGES('people', 'title', '{ node: { name: ASC } }, { node: { id: ASC } }')}
        ${NG_EDGES('partners', 'territory', '{ node: { name: ASC } }, { node: { id: ASC } }')}
        ${NG_EDGES('managers', 'as', '{ edge: { as: ASC } }, { node: { name: ASC } }, { node: { id: ASC } }')}
      }
    }`,
    variables: {},
    answer: (data) =>
      data.organizations.map((n: Data) => ({
        id: n.id,
        name: n.name,
        city: n.city,
        people: n.peopleConnection.edges.map((e: Data) => ({ id: e.node.id, name: e.node.name, title: e.properties.title })),
        partners: n.partnersConnection.edges.map((e: Data) => ({ id: e.node.id, name: e.node.name, territory: e.properties.territory })),
        managers: n.managersConnection.edges.map((e: Data) => ({ id: e.node.id, name: e.node.name, as: e.properties.as })),
      })),
  },
};

const KNOWS_TWO_LEVELS = `
MATCH (p:Entity {id: $id})
CALL (p) {
  MATCH (p)-[r:KNOWS]-(m)
  WITH r, m ORDER BY coalesce(r.strength, 0.5) DESC, toLower(m.name), m.id LIMIT 20
  CALL (m) {
    MATCH (m)-[r2:KNOWS]-(x)
    WITH r2, x ORDER BY coalesce(r2.strength, 0.5) DESC, toLower(x.name), x.id LIMIT 20
    RETURN collect({id: x.id, name: x.name, strength: coalesce(r2.strength, 0.5)}) AS knows
  }
  RETURN collect({id: m.id, name: m.name, strength: coalesce(r.strength, 0.5), knows: knows}) AS knows
}
RETURN knows`;

const NG_KNOWS = (inner: string) =>
  `knowsConnection(first: 20, sort: [{ edge: { strength: DESC } }, { node: { name: ASC } }, { node: { id: ASC } }]) {
    edges { properties { strength } node { id name ${inner} } }
  }`;

/** A person's KNOWS and theirs: two levels of 20. */
export function knowsTwoLevels(id: string): Case {
  const level = (edges: Data[], inner?: (edge: Data) => Data[]): Data[] =>
    edges.map((e) => ({ id: e.node.id, name: e.node.name, strength: e.strength, ...(inner ? { knows: level(inner(e)) } : {}) }));
  const ngLevel = (connection: Data, deeper: boolean): Data[] =>
    connection.edges.map((e: Data) => ({
      id: e.node.id,
      name: e.node.name,
      strength: e.properties.strength,
      ...(deeper ? { knows: ngLevel(e.node.knowsConnection, false) } : {}),
    }));
  return {
    name: "a person's KNOWS, 2 levels × 20",
    kind: 'read',
    xrm: {
      query: /* GraphQL */ `query ($id: ID!) {
        person(id: $id) { knows(first: 20) { strength node {
          id
          ... on Person { name knows(first: 20) { strength node { id ... on Person { name } ... on User { name } } } }
          ... on User { name knows(first: 20) { strength node { id ... on Person { name } ... on User { name } } } }
        } } }
      }`,
      variables: { id },
      answer: (data) => level(data.person.knows, (e) => e.node.knows),
    },
    raw: async (tx) => (await rows(tx, KNOWS_TWO_LEVELS, { id }))[0].knows,
    neo4jGraphql: {
      query: `query ($id: ID!) {
        people(where: { id: { eq: $id } }) {
          ${NG_KNOWS(`... on Person { ${NG_KNOWS('')} } ... on User { ${NG_KNOWS('')} }`)}
        }
      }`,
      variables: { id },
      answer: (data) => ngLevel(data.people[0].knowsConnection, true),
    },
  };
}

/** Every question of one bench run, in the order printed. */
export function benchCases(picks: Picks): Case[] {
  const [ordinary3a, ordinary3b] = picks.pair3;
  const [ordinary4a, ordinary4b] = picks.pair4;
  const [hubA, hubB] = picks.hubs;
  return [
    emptyRequest,
    personById(picks.people[0]),
    organizationsWithPeople,
    knowsTwoLevels(picks.sociable),
    relationshipPaths('paths: ordinary pair 3 hops apart, maxHops 4, first 5', ordinary3a, ordinary3b, 4, 5),
    relationshipPaths('paths: ordinary pair 4 hops apart, maxHops 4, first 5', ordinary4a, ordinary4b, 4, 5),
    relationshipPaths('paths: hub pair, maxHops 4, first 5', hubA, hubB, 4, 5),
    relationshipPaths('paths: ordinary pair 4 apart, maxHops 6, first 5', ordinary4a, ordinary4b, 6, 5),
    relationshipPaths('paths: ordinary pair 4 apart, maxHops 6, first 50', ordinary4a, ordinary4b, 6, 50),
    relationshipPaths('paths: hub pair, maxHops 6, first 5', hubA, hubB, 6, 5),
    relationshipPaths('paths: hub pair, maxHops 6, first 50', hubA, hubB, 6, 50),
    rotatingRelationshipPaths('paths: 45 hub pairs in turn, maxHops 6, first 5', picks.hubPairs, 6, 5),
    warmIntroductions('warmIntroductions to a hub (all users)', hubB, 4),
    warmIntroductions('warmIntroductions to an ordinary person', ordinary4b, 4),
    accountNetwork('accountNetwork biggest account, depth 2', picks.bigAccount, 2, 200),
    accountNetwork('accountNetwork biggest account, depth 3, 2000 nodes', picks.bigAccount, 3, 2000),
    accountNetwork('accountNetwork mid account, depth 3', picks.midAccount, 3, 200),
    influencers('influencers of the most influenced, maxHops 3', picks.influenced, 3),
    influencers('influencers of the most influenced, maxHops 4', picks.influenced, 4),
    accountInfluencers('accountInfluencers biggest account', picks.bigAccount),
    accountInfluencers('accountInfluencers mid account', picks.midAccount),
    buyingCenter('buyingCenter with paths, biggest deal', picks.bigDeal),
    partnerCoverage('partnerCoverage biggest distributor', picks.distributor),
  ];
}
