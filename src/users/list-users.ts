import type { Reader } from '../neo4j/database';
import { listPage } from '../graphql/list-page';
import type { PageArgs } from '../graphql/pagination';

const BY_NAME = { NAME: 'toLower(n.name)' };

/** Our users by name (then id), a page at a time. */
export function listUsers(db: Reader, page: PageArgs & { counted: boolean }) {
  return listPage(db, { label: 'User', conditions: {}, orders: BY_NAME, defaultOrder: 'NAME' }, page);
}
