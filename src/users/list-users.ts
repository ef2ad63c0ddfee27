import type { Reader } from '../neo4j/database';
import { BY_NAME_KEY, listPage } from '../graphql/list-page';
import type { PageArgs } from '../graphql/pagination';

const BY_NAME = { NAME: BY_NAME_KEY.ASC };

/** Our users by name (then id), a page at a time. */
export function listUsers(db: Reader, page: PageArgs & { counted: boolean }) {
  return listPage(db, { label: 'User', conditions: {}, orders: BY_NAME, defaultOrder: 'NAME' }, page);
}
