import fs from 'node:fs';
import path from 'node:path';
import { NODE_TYPES, RELATIONSHIP_SPECS, type NodeLabel, type RelationshipTypeName } from '../model/graph-model';
import { NAME_KEYED_LABELS } from '../model/name-key';
import type { PropertyKind } from '../model/properties';
import type { NodeRow, RelationshipRow } from './parse-row';
import { refId } from './parse-row';
import { newNodeProperties, newRelationshipProperties } from './row-writes';

/** Between the items of a list property: a control character no value the files hold contains. */
export const ARRAY_DELIMITER = '\u001f';
/** Characters a value may not hold to be written to the files (else its row is replayed through Bolt). */
const UNSAFE = /[\n\r\u001f]/;

/** How the offline importer reads a property, by its kind in the graph model. */
const CSV_TYPE: Record<PropertyKind['kind'], string> = {
  string: 'string', email: 'string', enum: 'string', int: 'long', float: 'double', boolean: 'boolean',
  datetime: 'datetime', date: 'date', enumList: 'string[]', stringList: 'string[]',
};
const TIMES: Record<string, PropertyKind> = { createdAt: { kind: 'datetime' }, updatedAt: { kind: 'datetime' } };
const NODE_IDENTITY: Record<string, PropertyKind> = { key: { kind: 'string' }, id: { kind: 'string' } };
const NAME_KEY: Record<string, PropertyKind> = { nameKey: { kind: 'string' } };

/** The files one offline import reads: a CSV file with a typed header per label and per relationship type. */
export interface OfflineInput {
  nodes: { labels: string[]; file: string }[];
  relationships: { type: string; file: string }[];
}

interface CsvFile {
  fd: number;
  columns: [string, PropertyKind][];
  rows: number;
}

/**
 * Writes the rows an offline first load creates into CSV files for Neo4j's importer, with the
 * properties `row-writes` gives (the same the Bolt writer writes), typed by the graph model:
 * every string quoted, lists joined by ARRAY_DELIMITER, temporal values in ISO-8601 with their
 * offset, whole numbers as long and the rest as double. Nodes are named by their refId
 * (`key:…`), which relationships' ends use too. A row the files cannot hold exactly (see
 * `holds`) is left to the Bolt replay.
 */
export class OfflineFiles {
  private readonly nodes = new Map<NodeLabel, CsvFile>();
  private readonly relationships = new Map<RelationshipTypeName, CsvFile>();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Whether the files hold this row exactly: no line break or list delimiter in a value, no empty list, only the model's properties. */
  holds = (row: NodeRow | RelationshipRow): boolean => {
    const spec = 'label' in row ? NODE_TYPES[row.label].properties : RELATIONSHIP_SPECS[row.type].properties;
    const refs = 'label' in row ? [row.ref.value, row.id ?? ''] : [row.from.value, row.to.value];
    if (refs.some((value) => UNSAFE.test(value))) return false;
    return Object.entries(row.properties).every(([name, value]) => spec[name] !== undefined && safe(value));
  };

  /** Appends the nodes and relationships of one batch. */
  write(nodes: NodeRow[], relationships: RelationshipRow[], now: unknown): void {
    const lines = new Map<CsvFile, string[]>();
    const add = (file: CsvFile, line: string) => {
      const list = lines.get(file);
      if (list) list.push(line);
      else lines.set(file, [line]);
    };
    for (const row of nodes) {
      const file = this.nodeFile(row.label);
      add(file, [quote(refId(row.ref)), ...cells(file, newNodeProperties(row, now))].join(','));
    }
    for (const row of relationships) {
      const file = this.relationshipFile(row.type);
      add(file, [quote(refId(row.from)), quote(refId(row.to)), ...cells(file, newRelationshipProperties(row, now))].join(','));
    }
    for (const [file, part] of lines) {
      fs.writeSync(file.fd, `${part.join('\n')}\n`);
      file.rows += part.length;
    }
  }

  /** Closes the files and names them for the importer. */
  close(): OfflineInput {
    for (const file of [...this.nodes.values(), ...this.relationships.values()]) fs.closeSync(file.fd);
    return {
      nodes: [...this.nodes.keys()].map((label) => ({ labels: ['Entity', label], file: this.path(`nodes-${label}`) })),
      relationships: [...this.relationships.keys()].map((type) => ({ type, file: this.path(`relationships-${type}`) })),
    };
  }

  private nodeFile(label: NodeLabel): CsvFile {
    let file = this.nodes.get(label);
    if (!file) {
      const derived = NAME_KEYED_LABELS.includes(label) ? NAME_KEY : {};
      this.nodes.set(label, (file = this.open(`nodes-${label}`, ':ID', { ...NODE_TYPES[label].properties, ...derived, ...NODE_IDENTITY, ...TIMES })));
    }
    return file;
  }

  private relationshipFile(type: RelationshipTypeName): CsvFile {
    let file = this.relationships.get(type);
    if (!file) this.relationships.set(type, (file = this.open(`relationships-${type}`, ':START_ID,:END_ID', { ...RELATIONSHIP_SPECS[type].properties, ...TIMES })));
    return file;
  }

  private open(name: string, ids: string, properties: Record<string, PropertyKind>): CsvFile {
    const columns = Object.entries(properties);
    const fd = fs.openSync(this.path(name), 'w');
    fs.writeSync(fd, `${[ids, ...columns.map(([column, kind]) => `${column}:${CSV_TYPE[kind.kind]}`)].join(',')}\n`);
    return { fd, columns, rows: 0 };
  }

  private path(name: string): string {
    return path.join(this.dir, `${name}.csv`);
  }
}

/** One row's cells in the file's columns; an absent property is an empty cell (no property). */
function cells(file: CsvFile, properties: Record<string, unknown>): string[] {
  return file.columns.map(([name]) => cell(properties[name]));
}

/** The last temporal value written and its text: the import's `now` is on every row, and the driver formats it slowly. */
const lastTemporal: { value: unknown; text: string } = { value: undefined, text: '' };

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return quote(value.join(ARRAY_DELIMITER));
  // the driver's Integer, DateTime and Date (ISO-8601 with offset)
  if (value !== lastTemporal.value) Object.assign(lastTemporal, { value, text: String(value) });
  return lastTemporal.text;
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

function safe(value: unknown): boolean {
  if (typeof value === 'string') return !UNSAFE.test(value);
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => typeof item === 'string' && item !== '' && !UNSAFE.test(item));
  if (typeof value === 'number') return Number.isFinite(value);
  return value !== undefined;
}
