import type { Reader } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { nodesById } from '../nodes/loaders';
import type { PathRow } from './path-row';

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
