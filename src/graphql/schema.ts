import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/graphql';
import { importResolvers } from '../import/resolvers';
import { influenceResolvers } from '../influence/resolvers';
import { networkResolvers } from '../network/resolvers';
import { nodeResolvers } from '../nodes/resolvers';
import { organizationResolvers } from '../organizations/resolvers';
import { pathResolvers } from '../paths/resolvers';
import { peopleResolvers } from '../people/resolvers';
import { relationshipResolvers } from '../relationships/resolvers';
import { searchResolvers } from '../search/resolvers';
import { userResolvers } from '../users/resolvers';
import { opportunityResolvers } from '../opportunities/resolvers';
import { buyingCenterResolvers } from '../buying-center/resolvers';
import { partnerResolvers } from '../partners/resolvers';
import { interactionResolvers } from '../interactions/resolvers';
import { commerceResolvers } from '../commerce/resolvers';
import { caseResolvers } from '../cases/resolvers';
import { analyticsResolvers } from '../analytics/resolvers';
import { lifecycleResolvers } from '../lifecycle/resolvers';
import { consentResolvers } from '../consent/resolvers';
import { dashboardResolvers } from '../dashboard/resolvers';
import { pipelineResolvers } from '../pipeline/resolvers';
import { nullMeansDefault } from './argument-defaults';
import { capFirstArguments } from './limits';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars';
import { PROJECT_ROOT } from '../project-root';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The SDL of every area, in file-name order. */
export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
}

const AREA_RESOLVERS: Resolvers[] = [
  nodeResolvers, importResolvers,
  organizationResolvers, peopleResolvers, userResolvers, relationshipResolvers, searchResolvers,
  pathResolvers, networkResolvers, influenceResolvers,
  opportunityResolvers,
  buyingCenterResolvers,
  partnerResolvers,
  interactionResolvers,
  commerceResolvers, caseResolvers, analyticsResolvers, lifecycleResolvers, consentResolvers, dashboardResolvers, pipelineResolvers,
];

export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime: DateTimeScalar, Date: DateScalar, JSON: JSONScalar }, ...AREA_RESOLVERS],
  });
  return capFirstArguments(nullMeansDefault(schema));
}
