import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { badUserInput } from './errors';
import { selectedFields } from './selected-fields';

/** A Relay connection as resolvers return it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Left out when the selection does not read it (readsTotalCount): counting can cost more than the page. */
  totalCount?: number;
}

/**
 * Cursors are opaque offsets into a result ordered by the requested sort with `id` as the last
 * tie-break, so a page boundary never splits or repeats equal sort values.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset at which the page after `after` starts. */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  // At most 15 digits: any real offset fits, and a forged one cannot overflow Neo4j's integers.
  const match = /^o:(\d{1,15})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw badUserInput(`"after" is not a cursor this API gave out: ${JSON.stringify(after)}. Use pageInfo.endCursor.`);
  return Number(match[1]) + 1;
}

/** Builds the connection for `rows` (at most `first`) that start at `offset` of `totalCount`. */
export function toConnection<T>(rows: T[], offset: number, totalCount: number): Connection<T> {
  return { ...connectionOf(rows, offset, offset + rows.length < totalCount), totalCount };
}

/** The connection for a window read one row longer than `first`, without the total: that row tells whether a next page exists. */
export function toUncountedConnection<T>(rows: T[], offset: number, first: number): Connection<T> {
  return connectionOf(rows.slice(0, first), offset, rows.length > first);
}

function connectionOf<T>(rows: T[], offset: number, hasNextPage: boolean): Connection<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Whether the selection of the connection field being resolved reads `totalCount` (in any fragment, under any alias). */
export function readsTotalCount(info: GraphQLResolveInfo): boolean {
  const sets = info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  return selectedFields(info, sets, getNamedType(info.returnType)).some(({ field }) => field.name.value === 'totalCount');
}

/** The page arguments every connection field takes (`first` has its default from the SDL). */
export interface PageArgs {
  first: number;
  after?: string | null;
}

/** Which rows a page query returns: `first` rows from `offset` on. */
export interface PageWindow {
  offset: number;
  first: number;
}

/** What a page query answers: the rows of the window and how many there are in all. */
export interface PageRows<T> {
  total: number;
  page: T[];
}

/** The one route from page arguments to a connection: `fetch` loads the window after the cursor. */
export async function paginate<T>(args: PageArgs, fetch: (window: PageWindow) => Promise<PageRows<T>>): Promise<Connection<T>> {
  const offset = offsetAfter(args.after);
  const { total, page } = await fetch({ offset, first: args.first });
  return toConnection(page, offset, total);
}

/**
 * Cypher returning the PageRows of the list `rows`: its size, and the window $offset…$first,
 * each row turned into what the page holds by `project` (e.g. ENTITY_ROW).
 */
export const PAGE_OF = (rows: string, project: (row: string) => string = (paged) => paged) =>
  `size(${rows}) AS total, [paged IN ${rows}[$offset..$offset + $first] | ${project('paged')}] AS page`;
