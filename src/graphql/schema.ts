import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/graphql';
import { nullMeansDefault } from './argument-defaults';
import { bindMutations } from './bind-mutations';
import { capFirstArguments } from './limits';
import { markPropertyFields } from './property-fields';
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

/** The executable schema: the SDL of schema/ with the resolvers every area hands in (src/areas.ts). */
export function buildSchema(areaResolvers: Resolvers[]): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime: DateTimeScalar, Date: DateScalar, JSON: JSONScalar }, ...areaResolvers],
  });
  return bindMutations(capFirstArguments(nullMeansDefault(markPropertyFields(schema))));
}
