import type { ImportNode } from '../../src/import';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import { generateWorld } from '../../seeds/generator/generate-world';
import type { GraphDocument } from '../support/random-graph';
import { edgesOf } from '../support/reference';
import { runCli } from '../support/run-cli';
import { useTestServer, type TestServer } from '../support/test-server';

const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}): GraphDocument['relationships'][number] =>
  ({ type, from, to, properties });
const node = (type: 'Person' | 'Organization' | 'User', key: string): ImportNode => ({ type, key, properties: { name: key } });

/**
 * Four planted groups g0…g3, each an organization o<g>, four people p<g>-0…3 who WORK_AT it and
 * all KNOW each other (0.9), and a user u<g> who KNOWS all four (0.8); p<g>-0 also REFERRED
 * p<g>-1. Between groups only one weak KNOWS (0.1) from p<g>-0 to p<g+1>-0. Apart: a pair who
 * know each other (a group of two) and someone nobody knows.
 */
function plantedWorld(): GraphDocument {
  const nodes: ImportNode[] = [];
  const relationships: GraphDocument['relationships'] = [];
  for (let g = 0; g < 4; g++) {
    nodes.push(node('Organization', `o${g}`), node('User', `u${g}`));
    for (let i = 0; i < 4; i++) {
      nodes.push(node('Person', `p${g}-${i}`));
      relationships.push(rel('WORKS_AT', `p${g}-${i}`, `o${g}`), rel('KNOWS', `u${g}`, `p${g}-${i}`, { strength: 0.8 }));
      for (let j = i + 1; j < 4; j++) relationships.push(rel('KNOWS', `p${g}-${i}`, `p${g}-${j}`, { strength: 0.9 }));
    }
    relationships.push(rel('REFERRED', `p${g}-0`, `p${g}-1`, { at: '2026-01-15T10:00:00Z' }));
    if (g < 3) relationships.push(rel('KNOWS', `p${g}-0`, `p${g + 1}-0`, { strength: 0.1 }));
  }
  nodes.push(node('Person', 'pair-a'), node('Person', 'pair-b'), node('Person', 'loner'));
  relationships.push(rel('KNOWS', 'pair-a', 'pair-b', { strength: 0.6 }));
  return { nodes, relationships };
}

const RECOMPUTE = /* GraphQL */ `mutation ($minSize: Int) { recomputeCommunities(minSize: $minSize) { communities modularity computedAt nodes linkedPairs unassigned } }`;
const MEMBERSHIP = /* GraphQL */ `query {
  people(first: 100) { edges { node { key community { id } } } }
  organizations(first: 100) { edges { node { key community { id } } } }
  users(first: 100) { edges { node { key community { id } } } }
}`;
const COMMUNITIES = /* GraphQL */ `query ($first: Int, $after: String) {
  communities(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id size computedAt organizations { key } users { key } members(first: 100) { totalCount edges { node { key } } } } }
  }
}`;

interface Run { communities: number; modularity: number; computedAt: string; nodes: number; linkedPairs: number; unassigned: number }
type Edge = { node: { key: string; community: { id: string } | null } };

async function recompute(server: TestServer, minSize?: number): Promise<Run> {
  return (await server.data<{ recomputeCommunities: Run }>(RECOMPUTE, { minSize })).recomputeCommunities;
}

/** Every member's community id (null: in none), by key. */
async function membership(server: TestServer): Promise<Map<string, string | null>> {
  const data = await server.data<Record<'people' | 'organizations' | 'users', { edges: Edge[] }>>(MEMBERSHIP);
  return new Map([...data.people.edges, ...data.organizations.edges, ...data.users.edges].map((e) => [e.node.key, e.node.community?.id ?? null]));
}

/** The stored partition as sorted groups of keys (ids change from run to run; the groups must not). */
function groupsOf(members: Map<string, string | null>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [key, community] of members) if (community) groups.set(community, [...(groups.get(community) ?? []), key]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Newman's weighted modularity by its definition, Q = 1/2m Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j),
 * over every ordered pair of nodes: A from the document (hop weights, direction dropped, parallel
 * relationships added), c from the stored communities; a member in no community is in the group
 * of the members in none that it is linked to (the test graphs keep those groups apart).
 */
function modularityByDefinition(doc: GraphDocument, ids: Record<string, string>, members: Map<string, string | null>): number {
  const keys = doc.nodes.map((n) => n.key);
  const keyOf = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
  const index = new Map(keys.map((key, i) => [key, i]));
  const n = keys.length;
  const A = Array.from({ length: n }, () => new Float64Array(n));
  for (const edge of edgesOf(doc, ids)) {
    const a = index.get(keyOf[edge.fromId])!;
    const b = index.get(keyOf[edge.toId])!;
    A[a][b] += edge.weight;
    A[b][a] += edge.weight;
  }
  const group = keys.map((key) => members.get(key) ?? null);
  // Members in no community: label each by a flood fill over links among them.
  keys.forEach((key, i) => {
    if (group[i] !== null) return;
    const stack = [i];
    group[i] = `small:${key}`;
    while (stack.length) {
      const at = stack.pop()!;
      for (let j = 0; j < n; j++) {
        if (A[at][j] > 0 && group[j] === null) {
          group[j] = `small:${key}`;
          stack.push(j);
        }
      }
    }
  });
  const k = A.map((row) => row.reduce((s, w) => s + w, 0));
  const twoM = k.reduce((s, d) => s + d, 0);
  let q = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (group[i] === group[j]) q += A[i][j] - (k[i] * k[j]) / twoM;
  return q / twoM;
}

describe('recomputeCommunities', () => {
  const world = plantedWorld();
  const { server, ids } = useTestServer({ graph: world });

  it('finds the planted groups, each with its people, organization and user; smaller groups get none', async () => {
    const run = await recompute(server);
    // Every test database also holds the signed-in test ADMIN, a user without relationships: a group of its own.
    expect(run).toMatchObject({ communities: 4, nodes: world.nodes.length + 1, unassigned: 4 });
    const members = await membership(server);
    expect(groupsOf(members)).toEqual(
      [0, 1, 2, 3].map((g) => [`o${g}`, `p${g}-0`, `p${g}-1`, `p${g}-2`, `p${g}-3`, `u${g}`]),
    );
    for (const key of ['pair-a', 'pair-b', 'loner']) expect(members.get(key)).toBeNull();

    const { communities } = await server.data(COMMUNITIES, { first: 10 });
    expect(communities.totalCount).toBe(4);
    for (const { node: community } of communities.edges) {
      expect(community.size).toBe(6);
      expect(community.computedAt).toBe(run.computedAt);
      const g = community.organizations[0].key.slice(1);
      expect(community.organizations.map((o: { key: string }) => o.key)).toEqual([`o${g}`]);
      expect(community.users.map((u: { key: string }) => u.key)).toEqual([`u${g}`]);
      expect(community.members.totalCount).toBe(4);
      expect(community.members.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual([0, 1, 2, 3].map((i) => `p${g}-${i}`));
    }
  });

  it('reports the modularity of the stored partition, as the definition computes it', async () => {
    const run = await recompute(server);
    const expected = modularityByDefinition(world, ids, await membership(server));
    expect(expected).toBeGreaterThan(0.5);
    expect(run.modularity).toBeCloseTo(expected, 10);
    // 4 × C(4,2) KNOWS + 4 × 4 WORKS_AT + 4 × 4 user KNOWS + 3 bridges + the pair; each REFERRED adds to a KNOWS pair.
    expect(run.linkedPairs).toBe(24 + 16 + 16 + 3 + 1);
  });

  it('gives the same partition on every run, and replaces the previous communities', async () => {
    await recompute(server);
    const first = groupsOf(await membership(server));
    const run = await recompute(server);
    expect(groupsOf(await membership(server))).toEqual(first);
    const [{ communities, memberships }] = await server.db.read<{ communities: number; memberships: number }>(
      'MATCH (c:Community) RETURN count(c) AS communities, COUNT { ()-[:IN_COMMUNITY]->() } AS memberships',
    );
    expect({ communities, memberships }).toEqual({ communities: run.communities, memberships: 24 });
  });

  it('ranks hubs by weighted degree inside the community, ties by id', async () => {
    await recompute(server);
    const query = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { community { hubs(first: 6) { id } top: hubs { id } } } } }`;
    const { node } = await server.data(query, { id: ids['p2-0'] });
    // p2-0 and p2-1: 3 × 0.9 + 0.5 + 0.8 + 0.7 (REFERRED) = 4.7; p2-2, p2-3: 4.0; u2: 4 × 0.8 = 3.2; o2: 4 × 0.5 = 2.0.
    const byId = (...keys: string[]) => keys.map((key) => ids[key]).sort();
    expect(node.community.hubs.map((h: { id: string }) => h.id)).toEqual([
      ...byId('p2-0', 'p2-1'), ...byId('p2-2', 'p2-3'), ids.u2, ids.o2,
    ]);
    expect(node.community.top).toHaveLength(5);
  });

  it('pages communities largest first and members by name', async () => {
    await recompute(server, 2);
    const page1 = (await server.data(COMMUNITIES, { first: 3 })).communities;
    expect(page1.totalCount).toBe(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await server.data(COMMUNITIES, { first: 3, after: page1.pageInfo.endCursor })).communities;
    const sizes = [...page1.edges, ...page2.edges].map((e: { node: { size: number } }) => e.node.size);
    expect(sizes).toEqual([6, 6, 6, 6, 2]);
    const members = /* GraphQL */ `query ($id: ID!, $after: String) { node(id: $id) { ... on Person { community { members(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } } } }`;
    const first = (await server.data(members, { id: ids['p1-3'] })).node.community.members;
    const second = (await server.data(members, { id: ids['p1-3'], after: first.pageInfo.endCursor })).node.community.members;
    expect([...first.edges, ...second.edges].map((e: { node: { name: string } }) => e.node.name)).toEqual(['p1-0', 'p1-1', 'p1-2', 'p1-3']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('selects an audience by community, consent still honoured', async () => {
    await recompute(server);
    const consent = /* GraphQL */ `mutation ($id: ID!) { recordConsent(personId: $id, channel: EMAIL, purpose: "newsletter", source: "test", textVersion: "v1") { id } }`;
    for (const key of ['p0-1', 'p0-2', 'p3-0']) await server.data(consent, { id: ids[key] });
    const communityOf = async (key: string) => (await membership(server)).get(key)!;
    const audience = /* GraphQL */ `query ($communities: [ID!]) {
      audience(filter: { communityIds: $communities }, channel: EMAIL, purpose: "newsletter") { included excludedWithoutConsent people { edges { node { name } } } }
    }`;
    const { audience: result } = await server.data(audience, { communities: [await communityOf('p0-0')] });
    expect(result.people.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['p0-1', 'p0-2']);
    expect(result.excludedWithoutConsent).toBe(2);
  });

  it('refuses a minSize below 1 or above 10000 with BAD_USER_INPUT', async () => {
    for (const minSize of [0, 10_001]) {
      const { errors } = await server.gql(RECOMPUTE, { minSize });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('recomputeCommunities on a generated world', () => {
  const world = generateWorld({ nodes: 1500, seed: 5 });
  const { server, ids } = useTestServer({ graph: world });

  it('is deterministic and reports the modularity of what it stored', async () => {
    const run = await recompute(server);
    const members = await membershipOfAll(server);
    const again = await recompute(server);
    expect(groupsOf(await membershipOfAll(server))).toEqual(groupsOf(members));
    expect(again.modularity).toBe(run.modularity);
    expect(run.modularity).toBeCloseTo(modularityByDefinition(world as GraphDocument, ids, members), 9);
  });
});

/** Like membership(), for worlds bigger than one page. */
async function membershipOfAll(server: TestServer): Promise<Map<string, string | null>> {
  const rows = await server.db.read<{ key: string; community: string | null }>(
    `MATCH (n:Entity) WHERE n:Person OR n:Organization OR n:User
     OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c:Community) RETURN n.key AS key, c.id AS community`,
  );
  return new Map(rows.map((row) => [row.key, row.community]));
}

describe('npm run communities', () => {
  const { server } = useTestServer({ graph: plantedWorld() });

  it('stores the same communities as the mutation, printing its progress', async () => {
    const result = await runCli('src/communities/cli.ts', ['--min-size', '3']);
    expect(result.code).toBe(0);
    // The 27 nodes of the world and the test ADMIN, who is a group of its own.
    expect(result.stdout).toMatch(/Louvain found 7 groups/);
    expect(result.stdout).toMatch(/done in .* 4 communities over 28 nodes/);
    expect(groupsOf(await membership(server))).toHaveLength(4);
  });
});
