import { getArgumentValues, getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { resolverArguments } from '../graphql/argument-defaults';
import type { Loaders } from '../graphql/context';
import { LIMITS } from '../graphql/limits';
import { pageParams, type PageFilterArgs } from '../graphql/page-loader';
import { toConnection, type PageRows } from '../graphql/pagination';
import { selectedFields } from '../graphql/selected-fields';
import type { Params } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { ACCOUNT_OPPORTUNITY_PAGE, opportunityPageArgs, type OpportunityPageArgs } from './loaders';

/** The page of opportunities an organization's selection asks for, to be read with the organization. */
export interface OpportunitiesAhead {
  /** The clauses of a `CALL (a) { … }` subquery answering `total, page` for account `a`. */
  page(a: string): string;
  /** Its parameters (`$stages`, `$offset`, `$first`). */
  params: Params;
  /** Hands the page read for account `id` to the loader Organization.opportunities asks. */
  keep(id: string, rows: PageRows<EntityRow>): void;
}

/**
 * Look-ahead for `opportunities` under the organization `info`'s field answers: the same page the
 * loader of Organization.opportunities would read, so that the statement finding the organization
 * reads it too (issue 12: an account page in one read). Null when the selection asks for no page,
 * for pages with different arguments (left to the loader), or with arguments the field refuses.
 */
export function accountOpportunitiesAhead(loaders: Loaders, info: GraphQLResolveInfo): OpportunitiesAhead | null {
  const sets = info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  const asked = new Map<string, PageFilterArgs>();
  for (const { field, parent } of selectedFields(info, sets, getNamedType(info.returnType))) {
    if (field.name.value !== 'opportunities' || !isObjectType(parent) || parent.name !== 'Organization') continue;
    const definition = parent.getFields().opportunities;
    const args = opportunityPageArgs(resolverArguments<OpportunityPageArgs>(getArgumentValues(definition, field, info.variableValues), definition.args));
    asked.set(JSON.stringify(args), args);
  }
  const [args] = asked.values();
  if (asked.size !== 1 || !Number.isInteger(args.first) || args.first < 0 || args.first > LIMITS.maxFirst) return null;
  let params: ReturnType<typeof pageParams>;
  try {
    params = pageParams(args);
  } catch {
    return null; // a cursor we did not give out: the field's resolver refuses it
  }
  return {
    page: ACCOUNT_OPPORTUNITY_PAGE,
    params,
    keep: (id, { total, page }) => loaders.opportunitiesByAccountId.prime({ id, args }, toConnection(page, params.offset, total)),
  };
}
