import { notFound } from '../graphql/errors';
import type { Context } from '../graphql/context';
import type { NodeLabel } from '../model/graph-model';
import type { EntityRow } from './entity-row';

/** The node with this id, of one of `labels` if given; NOT_FOUND otherwise. */
export async function requireNode(context: Context, id: string, labels?: readonly NodeLabel[]): Promise<EntityRow> {
  const node = await context.loaders.nodeById.load(id);
  if (!node || (labels && !labels.includes(node.__typename))) {
    throw notFound(labels ? labels.join(' or ') : 'node', id);
  }
  return node;
}

/** The node with this id if it has the label, else null (for nullable lookups like `organization(id)`). */
export async function nodeOfType(context: Context, id: string, label: NodeLabel): Promise<EntityRow | null> {
  const node = await context.loaders.nodeById.load(id);
  return node && node.__typename === label ? node : null;
}
