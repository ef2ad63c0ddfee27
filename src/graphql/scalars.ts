import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseIso(value: unknown, pattern: RegExp, example: string, name: string): string {
  if (typeof value !== 'string' || !pattern.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(`${name} must be an ISO-8601 string like ${example}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * ISO-8601 date-time; output is always UTC ("2026-03-01T09:30:00.000Z"). Resolvers hand it an ISO
 * string, a Date, or epoch milliseconds (rows' createdAt/updatedAt, src/nodes/entity-row.ts).
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 date-time, e.g. 2026-03-01T09:30:00Z',
  serialize: (value) => (value instanceof Date || typeof value === 'number' ? new Date(value).toISOString() : String(value)),
  parseValue: (value) => parseIso(value, ISO_DATETIME, '2026-03-01T09:30:00Z', 'DateTime'),
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : undefined, ISO_DATETIME, '2026-03-01T09:30:00Z', 'DateTime'),
});

/** Calendar date "YYYY-MM-DD". */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date, e.g. 2026-03-01',
  serialize: (value) => String(value),
  parseValue: (value) => parseIso(value, ISO_DATE, '2026-03-01', 'Date'),
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : undefined, ISO_DATE, '2026-03-01', 'Date'),
});

/** Any JSON value (import documents, relationship properties). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalToJson(ast, variables),
});

function literalToJson(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((item) => literalToJson(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalToJson(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
  }
}
