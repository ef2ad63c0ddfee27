import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { offsetAfter, toConnection, type Connection, type PageArgs } from './pagination';

/** The page arguments of a connection field plus its filters; every value becomes a $parameter. */
export interface PageFilterArgs extends PageArgs {
  [filter: string]: unknown;
}

export interface PageKey {
  id: string;
  args: PageFilterArgs;
}

/** The $parameters of a page query for `args`, besides `$ids`: the filters, `$offset` (the row after the cursor) and `$first`. */
export function pageParams({ after, first, ...filters }: PageFilterArgs) {
  return { ...filters, offset: offsetAfter(after), first };
}

/**
 * A loader for a paged connection hanging off many parents (e.g. `Organization.opportunities`).
 * `cypher` gets `$ids`, `$offset`, `$first` and the filters, and returns one row
 * `{id, total, page}` per parent (PAGE_OF builds the last two). Keys asking for the same page
 * and filters share one query.
 */
export function pageLoader(db: Reader, cypher: string) {
  return new DataLoader<PageKey, Connection<EntityRow>, string>(
    async (keys) => {
      const groups = new Map<string, { args: PageFilterArgs; ids: string[] }>();
      for (const key of keys) {
        const signature = JSON.stringify(key.args);
        const group = groups.get(signature) ?? { args: key.args, ids: [] };
        group.ids.push(key.id);
        groups.set(signature, group);
      }
      const pages = new Map<string, Connection<EntityRow>>();
      await Promise.all(
        [...groups].map(async ([signature, { args, ids }]) => {
          const params = pageParams(args);
          const rows = await db.read<{ id: string; total: number; page: EntityRow[] }>(cypher, { ...params, ids: [...new Set(ids)] });
          for (const row of rows) pages.set(`${row.id}|${signature}`, toConnection(row.page, params.offset, row.total));
        }),
      );
      return keys.map((key) => pages.get(`${key.id}|${JSON.stringify(key.args)}`) ?? toConnection([], 0, 0));
    },
    { cacheKeyFn: (key) => `${key.id}|${JSON.stringify(key.args)}` },
  );
}
