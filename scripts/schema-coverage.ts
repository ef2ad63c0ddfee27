/**
 * `npm run schema:coverage` prints how much of the schema carries a description, per kind
 * (types, fields, arguments, input fields, enum values); `-- --missing` also lists what lacks one.
 */
import {
  isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema,
} from 'graphql';
import { readSchemaFiles, schemaFromSdl } from './schema-source';

export type DescribedKind = 'types' | 'fields' | 'arguments' | 'input fields' | 'enum values';

export interface KindCoverage {
  kind: DescribedKind;
  described: number;
  total: number;
  /** Schema coordinates without a description, e.g. `Query.audience(first:)`. */
  missing: string[];
}

/** Counts, per kind, the schema elements with a non-blank description. */
export function descriptionCoverage(schema: GraphQLSchema): KindCoverage[] {
  const kinds = new Map<DescribedKind, KindCoverage>();
  for (const kind of ['types', 'fields', 'arguments', 'input fields', 'enum values'] as const) {
    kinds.set(kind, { kind, described: 0, total: 0, missing: [] });
  }
  const count = (kind: DescribedKind, coordinate: string, description: string | null | undefined) => {
    const entry = kinds.get(kind)!;
    entry.total += 1;
    if (description?.trim()) entry.described += 1;
    else entry.missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    count('types', type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        count('fields', `${type.name}.${field.name}`, field.description);
        for (const arg of field.args) count('arguments', `${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) count('input fields', `${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) count('enum values', `${type.name}.${value.name}`, value.description);
    }
  }
  return [...kinds.values()];
}

/** One line per kind, e.g. `fields        589 / 590   99.8 %`. */
export function formatCoverage(rows: KindCoverage[]): string {
  const percent = (row: { described: number; total: number }) =>
    row.total === 0 ? '100.0' : ((100 * row.described) / row.total).toFixed(1);
  const all = rows.reduce((sum, row) => ({ described: sum.described + row.described, total: sum.total + row.total }), { described: 0, total: 0 });
  return [...rows.map((row) => ({ ...row, label: row.kind as string })), { ...all, label: 'all' }]
    .map((row) => `${row.label.padEnd(13)} ${String(row.described).padStart(5)} / ${String(row.total).padEnd(5)} ${percent(row).padStart(6)} %`)
    .join('\n');
}

if (require.main === module) {
  const rows = descriptionCoverage(schemaFromSdl(readSchemaFiles(process.cwd())));
  console.log(formatCoverage(rows));
  if (process.argv.includes('--missing')) {
    for (const row of rows) for (const coordinate of row.missing) console.log(`missing (${row.kind}): ${coordinate}`);
  }
}
