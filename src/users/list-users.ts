import type { Reader } from '../neo4j/database';
import { listPage } from '../graphql/list-page';

/** Our users by name (then id), a page at a time. */
export function listUsers(db: Reader, first: number, after?: string | null) {
  return listPage(db, { label: 'User', where: [], params: {}, order: ['toLower(n.name)'], first, after });
}
