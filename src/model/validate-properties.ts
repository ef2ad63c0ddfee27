import { badUserInput, type InputProblem } from '../graphql/errors';
import { convertProperty, type PropertyKind } from './properties';

export interface ValidatedProperties {
  values: Record<string, unknown>;
  problems: InputProblem[];
}

/**
 * Checks a property map against its spec: unknown names, wrong values and, when `required`
 * is given, missing required names are problems under `path`. `null` removes a property.
 */
export function validateProperties(
  spec: Record<string, PropertyKind>,
  input: unknown,
  path: string,
  required: readonly string[] = [],
): ValidatedProperties {
  const problems: InputProblem[] = [];
  const values: Record<string, unknown> = {};
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { values, problems: [{ path, message: 'must be an object of property names to values' }] };
  }
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const kind = spec[name];
    if (!kind) {
      const allowed = Object.keys(spec);
      problems.push({
        path: fieldPath(path, name),
        message: allowed.length ? `is not a known property; allowed: ${allowed.join(', ')}` : 'is not allowed: this type has no properties',
      });
      continue;
    }
    if (value === null) {
      values[name] = null;
      continue;
    }
    const converted = convertProperty(kind, value);
    if ('error' in converted) problems.push({ path: fieldPath(path, name), message: converted.error });
    else values[name] = converted.value;
  }
  for (const name of required) {
    const given = (input as Record<string, unknown>)[name];
    if (given === undefined || given === null || given === '') problems.push({ path: `${path}.${name}`, message: 'is required' });
  }
  return { values, problems };
}

const NAME_SHOWN = 64;
/** A message names this many problems, extensions.problems holds at most MAX_PROBLEMS. */
const NAMED_PROBLEMS = 10;
const MAX_PROBLEMS = 100;

/** `path.name`, with a name longer than anyone writes cut short, so that a problem stays small. */
export function fieldPath(path: string, name: string): string {
  return `${path}.${name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN)}…` : name}`;
}

/**
 * The checked values of a mutation's `input` against a property spec; one BAD_USER_INPUT that
 * names every problem ("Invalid case: input.subject is required") when any is wrong.
 */
export function validInput(
  spec: Record<string, PropertyKind>,
  input: unknown,
  what: string,
  required: readonly string[] = [],
): Record<string, unknown> {
  const { values, problems } = validateProperties(spec, input, 'input', required);
  if (problems.length) {
    const named = problems.slice(0, NAMED_PROBLEMS).map((p) => `${p.path} ${p.message}`).join('; ');
    const more = problems.length > NAMED_PROBLEMS ? ` and ${problems.length - NAMED_PROBLEMS} more` : '';
    throw badUserInput(`Invalid ${what}: ${named}${more}`, problems.slice(0, MAX_PROBLEMS));
  }
  return values;
}

/** The values without the nulls (which on an update mean "remove"). */
export function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

/** Keys (external ids) are indexed: longer ones would not fit the index and mean a mistake anyway. */
export const KEY_MAX_LENGTH = 200;

/** The external id given for a new node, checked (absent: none); BAD_USER_INPUT naming `path` otherwise. */
export function validKey(key: string | null | undefined, path = 'input.key'): string | undefined {
  if (key === undefined || key === null) return undefined;
  if (key.trim() === '') throw badUserInput(`${path} must not be blank; leave it out for a node without an external id.`, [{ path, message: 'must not be blank' }]);
  if (key.length > KEY_MAX_LENGTH) {
    throw badUserInput(`${path} must be at most ${KEY_MAX_LENGTH} characters.`, [{ path, message: `must be at most ${KEY_MAX_LENGTH} characters` }]);
  }
  return key;
}
