import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLSchema, printSchema } from 'graphql';

/** The header of the printed schema: it says where the file comes from. */
export const PRINTED_HEADER =
  '# The whole xrm-graph schema, generated from schema/*.graphql by `npm run schema:print`. Do not edit.\n\n';

/** The SDL files of schema/ (one per area), in file-name order. */
export function readSchemaFiles(root: string): string[] {
  const dir = path.join(root, 'schema');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}

/** One schema from SDL sources (area files, or one printed file); no resolvers needed. */
export function schemaFromSdl(sources: string[]): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: sources });
}

/**
 * The schema as one document. Types come in name order, so moving a type to another area file
 * changes nothing; fields, arguments and enum values keep the order their area declares.
 */
export function printWholeSchema(schema: GraphQLSchema): string {
  const config = schema.toConfig();
  const byName = new GraphQLSchema({ ...config, types: [...config.types].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) });
  return PRINTED_HEADER + printSchema(byName) + '\n';
}
