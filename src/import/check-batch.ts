import type { Tx } from '../neo4j/database';
import { RELATIONSHIP_SPECS, type NodeLabel } from '../model/graph-model';
import type { ParsedBatch } from './parse-batch';
import { refId, type NodeRef } from './parse-row';
import { rejectedImport } from './problems';

interface ExistingNode {
  label: NodeLabel;
  key: string | null;
  id: string;
}

const EXISTING_BY_KEY = `
UNWIND $values AS value
MATCH (n:Entity {key: value})
RETURN value, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n.key AS key, n.id AS id`;

const EXISTING_BY_ID = `
UNWIND $values AS value
MATCH (n:Entity {id: value})
RETURN value, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n.key AS key, n.id AS id`;

/**
 * Checks a parsed batch against itself and the database, in the transaction that will write it:
 * a key or id already used by a node of another type, required properties of new nodes,
 * relationship ends that exist nowhere or have the wrong type. Throws one BAD_USER_INPUT naming
 * the problems (and `outcome`: what was and was not written) when anything is wrong.
 */
export async function checkBatch(tx: Tx, batch: ParsedBatch, outcome: string, details: Record<string, unknown> = {}): Promise<void> {
  // A copy, so that a retried transaction does not count the same problems twice.
  const problems = batch.problems.copy();
  const existing = await existingNodes(tx, batch);
  const inBatch = new Map<string, NodeLabel>();
  for (const node of batch.nodes) {
    inBatch.set(refId(node.ref), node.label);
    if (node.id !== undefined) inBatch.set(refId({ by: 'id', value: node.id }), node.label);
  }

  for (const node of batch.nodes) {
    const found = existing.get(refId(node.ref));
    if (found === undefined) {
      for (const problem of node.missingRequired) problems.push(problem);
      const taken = node.id !== undefined && node.ref.by === 'key' ? existing.get(refId({ by: 'id', value: node.id })) : undefined;
      if (taken) problems.push({ path: `${node.path}.id`, message: `belongs to another node (a ${taken.label} with another key)` });
    } else if (found.label !== node.label) {
      problems.push({ path: `${node.path}.type`, message: `this ${node.ref.by} already belongs to a ${found.label}, not a ${node.label}` });
    } else if (node.id !== undefined && node.id !== found.id) {
      // Ids are given once, on create; a backup restores into an empty store or the one it came from.
      problems.push({ path: `${node.path}.id`, message: 'differs from the id of the existing node with this key; leave "id" out to update that node' });
    }
  }

  for (const rel of batch.relationships) {
    const spec = RELATIONSHIP_SPECS[rel.type];
    for (const end of ['from', 'to'] as const) {
      const ref = rel[end];
      const label = inBatch.get(refId(ref)) ?? existing.get(refId(ref))?.label;
      const allowed: readonly string[] = end === 'from' ? spec.from : spec.to;
      const path = `${rel.path}.${end}${ref.by === 'id' ? 'Id' : ''}`;
      if (label === undefined) {
        problems.push({ path, message: `no node with this ${ref.by} in this import or the database` });
      } else if (!allowed.includes(label)) {
        problems.push({ path, message: `${rel.type} must ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(' or ')}, but this is a ${label}` });
      }
    }
  }
  if (problems.total > 0) throw rejectedImport(problems, outcome, details);
}

/** The nodes the batch names that already exist, by `key:…` and `id:…`, in two round trips at most. */
async function existingNodes(tx: Tx, batch: ParsedBatch): Promise<Map<string, ExistingNode>> {
  const keys = new Set<string>();
  const ids = new Set<string>();
  const add = (ref: NodeRef) => (ref.by === 'key' ? keys : ids).add(ref.value);
  for (const node of batch.nodes) {
    add(node.ref);
    if (node.id !== undefined) ids.add(node.id);
  }
  for (const rel of batch.relationships) {
    add(rel.from);
    add(rel.to);
  }
  const found = new Map<string, ExistingNode>();
  for (const [by, values, cypher] of [['key', keys, EXISTING_BY_KEY], ['id', ids, EXISTING_BY_ID]] as const) {
    if (values.size === 0) continue;
    const rows = await tx.run<ExistingNode & { value: string }>(cypher, { values: [...values] });
    for (const { value, ...node } of rows) found.set(refId({ by, value }), node);
  }
  return found;
}
