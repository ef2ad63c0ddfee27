import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { PAGE_OF, paginate, type Connection, type PageArgs } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

const COMMUNITIES = `
MATCH (c:Community) WHERE ${VISIBLE('c')}
WITH c ORDER BY c.size DESC, c.id
WITH collect(c) AS communities
RETURN ${PAGE_OF('communities', ENTITY_ROW)}`;

/** The communities of the last run, largest first (ties by id). */
export function listCommunities(db: Reader, page: PageArgs): Promise<Connection<EntityRow>> {
  return paginate(page, async ({ offset, first }) => {
    const [row] = await db.read<{ total: number; page: EntityRow[] }>(COMMUNITIES, {
      offset: param.integer(offset),
      first: param.integer(first),
    });
    return row;
  });
}
