import { badUserInput } from '../graphql/errors';
import type { Database, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { importRows, type ImportProgress } from './import-rows';
import { documentItems, parseBatch, type DocumentLists } from './parse-batch';
import { ProblemList, rejectedImport } from './problems';
import { importBatch, type ImportReport } from './write-batch';

export type { ImportReport } from './write-batch';

export interface ImportOptions {
  /** Rows per transaction (default 10,000). */
  batchSize?: number;
  onProgress?: (done: number, total: number, report: ImportReport) => void;
}

/**
 * Imports a graph document held in memory (seeds, benchmarks) in batches, each in its own
 * transaction and all-or-nothing (see importRows). Nodes MERGE on `key`, relationships on
 * (type, from, to), so importing the same document twice changes nothing.
 */
export async function importGraph(db: Database, input: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  const document = documentLists(input);
  const total = document.nodes.length + document.relationships.length;
  return importRows(db, documentItems(document), {
    batchSize: options.batchSize,
    onBatch: (progress: ImportProgress) => options.onProgress?.(progress.rows, total, progress.report),
  });
}

/**
 * The importGraph mutation as one write step: every row is checked (against the document and
 * the database) and written in the caller's transaction, so a document with any problem writes
 * nothing. More than `maxRows` rows are refused before any row is looked at.
 */
export async function importDocument(tx: Tx, input: unknown, maxRows: number): Promise<ImportReport> {
  const document = documentLists(input);
  const rows = document.nodes.length + document.relationships.length;
  if (rows > maxRows) {
    throw badUserInput(
      `The document has ${rows} rows (nodes and relationships); importGraph takes at most ${maxRows} (IMPORT_MAX_ROWS). ` +
        'Split it into smaller documents, or load big files with npm run import.',
    );
  }
  const parsed = parseBatch(documentItems(document));
  return importBatch(tx, parsed, param.now(), 'Nothing was written.');
}

/** The two lists of a document (DESIGN §6), or one BAD_USER_INPUT when it is not shaped like one. */
function documentLists(input: unknown): DocumentLists {
  const problems = new ProblemList();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ path: '', message: 'must be an object with "nodes" and/or "relationships" lists' });
    throw rejectedImport(problems);
  }
  const { nodes = [], relationships = [] } = input as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    if (name !== 'nodes' && name !== 'relationships') {
      problems.push({ path: name.length > 64 ? `${name.slice(0, 64)}…` : name, message: 'is not part of the import format; use "nodes" and "relationships"' });
    }
  }
  if (!Array.isArray(nodes)) problems.push({ path: 'nodes', message: 'must be a list' });
  if (!Array.isArray(relationships)) problems.push({ path: 'relationships', message: 'must be a list' });
  if (problems.total > 0) throw rejectedImport(problems);
  return { nodes: nodes as unknown[], relationships: relationships as unknown[] };
}
