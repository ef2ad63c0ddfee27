import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';

/**
 * A DataLoader over one batch query: `cypher` gets `$ids` and returns rows `{id, <field>}`;
 * each id gets its row's `field`, or `empty` when the query returned no row for it.
 */
export function loaderById<T>(db: Reader, cypher: string, field: string, empty: T): DataLoader<string, T> {
  return new DataLoader<string, T>(async (ids) => {
    const rows = await db.read<Record<string, unknown>>(cypher, { ids });
    const byId = new Map(rows.map((row) => [row.id as string, row[field] as T]));
    return ids.map((id) => byId.get(id) ?? empty);
  });
}
