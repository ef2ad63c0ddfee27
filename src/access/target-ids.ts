/** Ids are server-generated UUIDs; whatever else a value holds (a name, an e-mail) never becomes a target. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `id`, `personId`, `participantIds` …: the arguments and answer fields that hold node ids. */
const ID_NAME = /^id$|Ids?$/;

/**
 * The nodes a mutation touched, derived without its help: every id among its arguments (at any
 * depth of its inputs), and the ids its answer names (a node's `id`; else its `…Id`/`…Ids` fields
 * and the `id` of each node it holds). Only values shaped like ids are kept, so no personal value
 * is ever copied; each id once, in order of appearance.
 */
export function targetIdsOf(args: Record<string, unknown>, result: unknown): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string' && UUID.test(item)) ids.add(item);
  };
  const walkArguments = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walkArguments);
    if (value === null || typeof value !== 'object') return;
    for (const [name, inner] of Object.entries(value)) {
      if (ID_NAME.test(name)) add(inner);
      else walkArguments(inner);
    }
  };
  walkArguments(args);
  if (typeof result === 'string') add(result);
  else if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    // A node answers itself (its other …Id fields name nodes it merely refers to, e.g. a key's
    // owner); anything else (a link, a credit) names the nodes it joins or holds.
    if ('id' in result) add(result.id);
    else {
      for (const [name, inner] of Object.entries(result)) {
        if (ID_NAME.test(name)) add(inner);
        else if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) add((inner as { id?: unknown }).id);
      }
    }
  }
  return [...ids];
}
