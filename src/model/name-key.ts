import type { NodeLabel } from './graph-model';

/**
 * Organizations, people and users keep `nameKey`, their name lower-cased. A list ordered by name
 * reads it from a range index in order and stops after the page, where ORDER BY toLower(n.name)
 * sorted every match: all 15,000 organizations of the bench world for a page of 50. Neo4j indexes
 * no expressions, so the key is stored. It is derived, never given: the graph model has no such
 * property (imports and mutations cannot set it), and exports leave it out.
 */
export const NAME_KEYED_LABELS: readonly NodeLabel[] = ['Organization', 'Person', 'User'];

/** The key a name sorts by. */
export const nameKeyOf = (name: string): string => name.toLowerCase();

/** `properties` of a node of `label` with the nameKey their name gives (as they were when they set no name). */
export function withNameKey(label: NodeLabel, properties: Record<string, unknown>): Record<string, unknown> {
  if (!NAME_KEYED_LABELS.includes(label) || typeof properties.name !== 'string') return properties;
  return { ...properties, nameKey: nameKeyOf(properties.name) };
}

/** A node's stored properties as clients see them: without the derived nameKey. */
export function withoutNameKey(properties: Record<string, unknown>): Record<string, unknown> {
  const { nameKey: _derived, ...given } = properties;
  return given;
}
