import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context';
import type { PageRows } from '../graphql/pagination';
import type { EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { accountOpportunitiesAhead } from '../opportunities';
import { nodeOfTypeWithWalksAhead, rowsWithWalksAhead } from '../relationships';

const ORGANIZATION_WITH_OPPORTUNITIES = (row: string, opportunities: string) => `
MATCH (n:Entity:Organization {id: $id}) WHERE ${VISIBLE('n')}
CALL (n) {${opportunities}
}
RETURN ${row} AS node, total, page`;

/**
 * `organization(id)`: the organization, or null, and in the same statement what its selection will
 * ask of it: the walks (people, partners, managers…) and the first page of its opportunities, kept
 * for their loaders. An account page is then one read transaction, not one per loader.
 */
export async function organizationById(context: Context, info: GraphQLResolveInfo, id: string): Promise<EntityRow | null> {
  const opportunities = accountOpportunitiesAhead(context.loaders, info);
  if (!opportunities) return nodeOfTypeWithWalksAhead(context, info, id, 'Organization');
  const found = await rowsWithWalksAhead(
    context,
    info,
    [],
    async (projection) => {
      const cypher = ORGANIZATION_WITH_OPPORTUNITIES(projection.row('n'), opportunities.page('n'));
      const [row] = await context.db.read<{ node: EntityRow } & PageRows<EntityRow>>(cypher, { ...projection.params, ...opportunities.params, id });
      return row;
    },
    (row) => (row ? [row.node] : []),
  );
  if (!found) return null;
  opportunities.keep(found.node.id, found);
  return found.node;
}
