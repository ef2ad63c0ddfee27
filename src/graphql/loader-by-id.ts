import DataLoader from 'dataloader';
import type { Params, Reader, Row } from '../neo4j/database';

/**
 * A DataLoader over one batch query: `cypher` gets `$ids` (and `params`) and returns rows with
 * an `id`; each id gets what `value` takes from its row (a field name, or a function of the
 * row), or `empty` when the query returned no row for it.
 */
export function loaderById<T>(
  db: Reader,
  cypher: string,
  value: string | ((row: Row) => T),
  empty: T,
  params: Params = {},
): DataLoader<string, T> {
  const pick = typeof value === 'string' ? (row: Row) => row[value] as T : value;
  return new DataLoader<string, T>(async (ids) => {
    const rows = await db.read<Row>(cypher, { ...params, ids });
    const byId = new Map(rows.map((row) => [row.id as string, pick(row)]));
    return ids.map((id) => byId.get(id) ?? empty);
  });
}
