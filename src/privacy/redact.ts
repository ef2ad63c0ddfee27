/** What an erased person's name, e-mail, phone or key is replaced with in text that stays. */
export const ERASED_MARK = '[erased]';

/** Terms this short would wreck ordinary words, so they are never redacted. */
const SHORTEST_TERM = 3;

/**
 * A function that replaces every occurrence of the terms (case-insensitive, longest first so an
 * e-mail goes whole before a name inside it) with ERASED_MARK, in a text or a list of texts.
 */
export function redactor(terms: (string | null | undefined)[]): (value: unknown) => unknown {
  const kept = [...new Set(terms.filter((term): term is string => typeof term === 'string' && term.trim().length >= SHORTEST_TERM))]
    .map((term) => term.trim())
    .sort((a, b) => b.length - a.length);
  if (!kept.length) return (value) => value;
  const pattern = new RegExp(kept.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, ERASED_MARK);
    if (Array.isArray(value)) return value.map(redact);
    return value;
  };
  return redact;
}

/** Only the properties whose value the redactor changes, or null when none changes. */
export function redactedProperties(properties: Record<string, unknown>, redact: (value: unknown) => unknown): Record<string, unknown> | null {
  const changed = Object.entries(properties)
    .map(([name, value]): [string, unknown, unknown] => [name, value, redact(value)])
    .filter(([, before, after]) => JSON.stringify(before) !== JSON.stringify(after))
    .map(([name, , after]) => [name, after]);
  return changed.length ? Object.fromEntries(changed) : null;
}
