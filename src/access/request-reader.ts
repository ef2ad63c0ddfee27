import type { Viewer } from '../graphql/viewer';
import type { Database, Reader } from '../neo4j/database';

/**
 * What one request reads through (context.db and the loaders). THE PARTNER SCOPE PLUGS IN HERE
 * (ACCESS.md): for a PARTNER viewer this becomes the scoped reader that passes `$visible`;
 * until then every viewer reads the whole graph.
 */
export function requestReader(db: Database, _viewer: Viewer): Reader {
  return db;
}
