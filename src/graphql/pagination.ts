import { badUserInput } from './errors';

/** A Relay connection as resolvers return it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
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
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + rows.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
