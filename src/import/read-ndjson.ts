import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { ImportItem } from './parse-batch';

const LINE_SHAPE = 'must be {"node": {...}} or {"relationship": {...}}: one node or relationship of the import format per line';

/**
 * The rows of an NDJSON import file (see ImportLine), one line at a time: memory holds a line,
 * never the file. Empty lines are skipped; a line that is not JSON, or not shaped like a row, is
 * a problem of that line.
 */
export async function* ndjsonItems(input: Readable): AsyncGenerator<ImportItem> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      yield lineItem(line, `line ${number}`);
    }
  } finally {
    lines.close();
  }
}

function lineItem(line: string, path: string): ImportItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'invalid', path, message: 'is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid', path, message: LINE_SHAPE };
  const keys = Object.keys(value);
  if (keys.length !== 1 || (keys[0] !== 'node' && keys[0] !== 'relationship')) return { kind: 'invalid', path, message: LINE_SHAPE };
  const kind = keys[0];
  return { kind, path: `${path}.${kind}`, row: (value as Record<string, unknown>)[kind] };
}
