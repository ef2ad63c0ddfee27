import type { Context } from '../graphql/context';
import { readerIn, type Reader } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { nodesById } from '../nodes/loaders';
import type { PathRow } from './path-row';

/**
 * A path search and the rows of the nodes on the paths it found, in one read transaction; the
 * rows are kept in the nodeById loader, so RelationshipPath.nodes costs no transaction of its own.
 * (The ends are looked up before, through that loader: the fields of one request share that
 * batch, so which of them fails first, and with it the answer, does not depend on timing.)
 */
export function searchWithPathNodes(context: Context, search: (db: Reader) => Promise<PathRow[]>): Promise<PathRow[]> {
  return context.db.readTransaction(async (tx) => {
    const db = readerIn(tx);
    const paths = await search(db);
    const ids = [...new Set(paths.flatMap((path) => path.nodeIds))];
    const nodes = ids.length ? await nodesById(db, ids) : new Map<string, EntityRow>();
    for (const [id, node] of nodes) context.loaders.nodeById.prime(id, node);
    return paths;
  });
}
