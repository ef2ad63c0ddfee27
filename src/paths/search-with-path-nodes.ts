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
export function searchWithPathNodes(
  context: Context,
  search: (db: Reader, pathNodes: Map<string, EntityRow>) => Promise<PathRow[]>,
): Promise<PathRow[]> {
  return context.db.readTransaction(async (tx) => {
    const db = readerIn(tx);
    const found = new Map<string, EntityRow>();
    const paths = await search(db, found);
    for (const [id, node] of await nodesOnPaths(db, paths, found)) context.loaders.nodeById.prime(id, node);
    return paths;
  });
}

/**
 * The rows of the visible nodes on `paths`, by id: those the search brought along (`found`, read
 * in its own statement inside Neo4j), the rest read here (a search in the API brings none).
 */
export async function nodesOnPaths(db: Reader, paths: Iterable<PathRow>, found: Map<string, EntityRow>): Promise<Map<string, EntityRow>> {
  const ids = new Set([...paths].flatMap((path) => path.nodeIds));
  const missing = [...ids].filter((id) => !found.has(id));
  const read = missing.length ? await nodesById(db, missing) : new Map<string, EntityRow>();
  return new Map([...ids].flatMap((id): [string, EntityRow][] => {
    const node = found.get(id) ?? read.get(id);
    return node ? [[id, node]] : [];
  }));
}
