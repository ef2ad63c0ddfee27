/**
 * Throughput: autocannon on loopback against a server (bounded in time and connections), and the
 * same number of concurrent loops over raw Cypher for the limit. GraphQL errors arrive with HTTP
 * 200, so every response body is checked for them.
 */
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import type { Case, GraphQLWay } from './cases';
import { askRaw, timings, type Endpoint } from './measure';
import type { Picks } from './picks';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

interface LoadRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** Runs autocannon with `connections` connections for `seconds` over `requests`, in turn. */
export async function loadRun(endpoint: Endpoint, requests: LoadRequest[], seconds: number, connections: number): Promise<LoadResult> {
  const url = new URL(endpoint.url);
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: url.origin,
    connections,
    duration: seconds,
    requests: requests.map((request) => ({
      method: 'POST' as const,
      path: url.pathname,
      headers: { 'content-type': 'application/json', ...endpoint.headers },
      body: JSON.stringify(request),
      onResponse: (status: number, body: string) => {
        if (status === 200 && !body.includes('"errors"')) return;
        graphqlErrors += 1;
        firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
      },
    })),
  });
  if (firstError) console.log(`    first error: ${firstError}`);
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + graphqlErrors,
    requests: result.requests.total,
  };
}

/** `connections` loops asking raw Cypher for `seconds`: the throughput of the limit. */
export async function rawLoad(driver: Driver, c: Case, seconds: number, connections: number): Promise<LoadResult> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          await askRaw(driver, c);
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: timings(latencies).median,
    p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
    errors,
    requests: latencies.length,
  };
}

/**
 * Throughput of several ways taking turns: each way's warm-up, then `rounds` rounds in which every
 * way runs `seconds` in turn. Each way's figure is its median round (errors and requests summed), so
 * a machine that slows down or speeds up during the minute weighs on every way alike.
 */
export async function throughputInTurn<Way extends string>(
  ways: Record<Way, (seconds: number) => Promise<LoadResult>>,
  settings: { rounds: number; seconds: number; warmupSeconds: number },
): Promise<Record<Way, { median: LoadResult; rounds: number[] }>> {
  const names = Object.keys(ways) as Way[];
  const rounds = new Map<Way, LoadResult[]>(names.map((way) => [way, []]));
  if (settings.warmupSeconds > 0) for (const way of names) await ways[way](settings.warmupSeconds);
  for (let round = 0; round < settings.rounds; round++) {
    for (const way of names) rounds.get(way)!.push(await ways[way](settings.seconds));
  }
  const figures = {} as Record<Way, { median: LoadResult; rounds: number[] }>;
  for (const [way, results] of rounds) {
    const byRate = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const median = byRate[Math.floor((byRate.length - 1) / 2)];
    const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    figures[way] = {
      median: { ...median, errors: sum((r) => r.errors), requests: sum((r) => r.requests) },
      rounds: results.map((r) => r.requestsPerSecond),
    };
  }
  return figures;
}

export const asLoadRequest = (way: GraphQLWay): LoadRequest => ({ query: way.query, variables: way.variables });

const PERSON_PAGE = /* GraphQL */ `query ($id: ID!) {
  person(id: $id) { id name title email employers(first: 5) { title node { id name } } manager { id name } }
}`;
const NODE_LOOKUP = /* GraphQL */ `query ($id: ID!) { node(id: $id) { id ... on Organization { name city } } }`;
const ACCOUNT_PAGE = /* GraphQL */ `query ($id: ID!) {
  organization(id: $id) {
    id name city industry employees
    people(first: 20) { title node { id name email } }
    partners(first: 10) { territory node { id name } }
    managers(first: 10) { as node { id name } }
    opportunities(first: 5) { totalCount edges { node { id name stage amount expectedCloseDate } } }
  }
}`;
const ACCOUNT_NETWORK = /* GraphQL */ `query ($id: ID!) {
  accountNetwork(accountId: $id, depth: 2, nodeLimit: 100) { nodes { node { id } label depth } edges { type fromId toId } truncated }
}`;
const PERSON_NETWORK = /* GraphQL */ `query ($id: ID!) {
  person(id: $id) { knows(first: 20) { strength node { id ... on Person { name knows(first: 20) { strength node { id } } } } } }
}`;
const PATHS = /* GraphQL */ `query ($a: ID!, $b: ID!) {
  relationshipPaths(fromId: $a, toId: $b, maxHops: 4, first: 5) { strength hops nodes { id } steps { type } }
}`;

/** A request of the mixed workload, named by its kind. */
export interface MixedRequest extends LoadRequest {
  kind: string;
}

/**
 * The mixed read workload: per 20 requests 8 lookups (people, organizations), 5 account pages,
 * 4 networks (an account's, a person's two KNOWS levels) and 3 path searches between ordinary people.
 */
export function mixedWorkload(picks: Picks): MixedRequest[] {
  const person = (i: number) => picks.people[i % picks.people.length];
  const account = (i: number) => picks.accounts[i % picks.accounts.length];
  const requests: MixedRequest[] = [];
  for (let i = 0; i < 200; i++) {
    const slot = i % 20;
    if (slot < 5) requests.push({ kind: 'person page', query: PERSON_PAGE, variables: { id: person(i) } });
    else if (slot < 8) requests.push({ kind: 'organization by node id', query: NODE_LOOKUP, variables: { id: account(i) } });
    else if (slot < 13) requests.push({ kind: 'account page', query: ACCOUNT_PAGE, variables: { id: account(i + 7) } });
    else if (slot < 15) requests.push({ kind: 'account network, depth 2', query: ACCOUNT_NETWORK, variables: { id: account(i + 13) } });
    else if (slot < 17) requests.push({ kind: "person's KNOWS, 2 levels", query: PERSON_NETWORK, variables: { id: person(i + 31) } });
    else requests.push({ kind: 'paths, maxHops 4, first 5', query: PATHS, variables: { a: person(i), b: person(i + 100) } });
  }
  return requests;
}

/** The mixed workload's requests by kind, in the order they first appear. */
export function byKind(requests: MixedRequest[]): Map<string, MixedRequest[]> {
  const kinds = new Map<string, MixedRequest[]>();
  for (const request of requests) kinds.set(request.kind, [...(kinds.get(request.kind) ?? []), request]);
  return kinds;
}

/**
 * What the mix could reach if each kind cost what it costs alone: the time of one mixed request
 * is the sum over the kinds of their share of the mix divided by their own throughput.
 */
export function mixCapacity(kinds: { share: number; requestsPerSecond: number }[]): number {
  return 1 / kinds.reduce((seconds, kind) => seconds + kind.share / kind.requestsPerSecond, 0);
}
