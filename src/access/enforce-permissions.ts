import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { UserRole } from '../generated/graphql';
import type { Context } from '../graphql/context';
import { forbidden } from '../graphql/errors';
import type { Viewer } from '../graphql/viewer';
import { ANYONE_SIGNED_IN, FIELD_PERMISSIONS, INPUT_LIMITS, PERMISSIONS, type RootRule } from './permissions';

/**
 * The one place permissions are enforced: every Query and Mutation field checks the viewer's
 * roles against PERMISSIONS before its resolver runs (a field without an entry is refused), and
 * the fields of FIELD_PERMISSIONS check theirs when they are read.
 */
export function enforcePermissions(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    const table = PERMISSIONS[root.name as keyof typeof PERMISSIONS] as Record<string, RootRule> | undefined;
    for (const field of Object.values(root.getFields())) {
      const coordinate = `${root.name}.${field.name}`;
      const rule = table?.[field.name];
      guard(field, (viewer, args) => checkRootField(coordinate, rule, viewer, args));
    }
  }
  for (const [target, roles] of Object.entries(FIELD_PERMISSIONS)) {
    for (const [coordinate, field] of fieldsOf(schema, target)) {
      guard(field, (viewer) => {
        if (!hasAnyRole(viewer, roles)) throw refusal(coordinate, roles, viewer);
      });
    }
  }
  return schema;
}

function guard(field: GraphQLField<unknown, Context>, check: (viewer: Viewer, args: Record<string, unknown>) => void): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    check(context.viewer, args);
    return resolve(source, args, context, info);
  };
}

function checkRootField(coordinate: string, rule: RootRule | undefined, viewer: Viewer, args: Record<string, unknown>): void {
  if (rule === ANYONE_SIGNED_IN) return;
  if (!rule) throw forbidden(`${coordinate} has no entry in the permission table, so nobody may use it yet.`);
  const limit = INPUT_LIMITS[coordinate];
  const fullRoles = limit ? rule.filter((role) => role !== limit.role) : rule;
  if (hasAnyRole(viewer, fullRoles)) return;
  if (!limit || !viewer.roles.includes(limit.role)) throw refusal(coordinate, rule, viewer);
  const given = Object.keys((args.input as Record<string, unknown> | undefined) ?? {});
  const beyond = given.filter((name) => !limit.inputFields.includes(name));
  if (beyond.length) {
    throw forbidden(
      `With the role ${limit.role}, ${coordinate} may change only ${limit.inputFields.join(' and ')}; not ${beyond.join(', ')}.`,
    );
  }
}

const hasAnyRole = (viewer: Viewer, roles: readonly UserRole[]) => viewer.roles.some((role) => roles.includes(role));

function refusal(coordinate: string, allowed: readonly UserRole[], viewer: Viewer) {
  const yours = viewer.roles.length ? viewer.roles.join(', ') : 'no role';
  return forbidden(`${coordinate} is for ${allowed.join(', ')}; this ${viewer.kind === 'apiKey' ? 'API key has' : 'user has'} ${yours}.`);
}

/** The fields a FIELD_PERMISSIONS key names: "Type.field", or every field of "Type" but id. */
function fieldsOf(schema: GraphQLSchema, target: string): [string, GraphQLField<unknown, Context>][] {
  const [typeName, fieldName] = target.split('.');
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`FIELD_PERMISSIONS names ${target}, but ${typeName} is no object type of the schema`);
  const fields = Object.values(type.getFields()).filter((field) => (fieldName ? field.name === fieldName : field.name !== 'id'));
  if (!fields.length) throw new Error(`FIELD_PERMISSIONS names ${target}, which is no field of the schema`);
  return fields.map((field) => [`${typeName}.${field.name}`, field]);
}
