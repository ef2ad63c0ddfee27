import type { Tx } from '../neo4j/database';
import { RELATIONSHIP_SPECS, type NodeLabel } from '../model/graph-model';
import { erasedKeyMessage, erasedKeys } from '../privacy';
import type { ParsedBatch } from './parse-batch';
import { refId, type NodeRef } from './parse-row';
import type { ProblemList } from './problems';

export interface ExistingNode {
  label: NodeLabel;
  key: string | null;
  id: string;
}

/** Nodes already in the database, by `key:…` and `id:…` (refId). */
export type ExistingNodes = Map<string, ExistingNode>;

const EXISTING_BY_KEY = `
UNWIND $values AS value
MATCH (n:Entity {key: value})
RETURN value, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n.key AS key, n.id AS id`;

const EXISTING_BY_ID = `
UNWIND $values AS value
MATCH (n:Entity {id: value})
RETURN value, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n.key AS key, n.id AS id`;

/** The nodes among `refs` that exist, in one round trip per kind of reference at most. */
export async function existingNodes(tx: Tx, refs: Iterable<NodeRef>): Promise<ExistingNodes> {
  const values = { key: new Set<string>(), id: new Set<string>() };
  for (const ref of refs) values[ref.by].add(ref.value);
  const found: ExistingNodes = new Map();
  for (const [by, cypher] of [['key', EXISTING_BY_KEY], ['id', EXISTING_BY_ID]] as const) {
    if (values[by].size === 0) continue;
    const rows = await tx.run<ExistingNode & { value: string }>(cypher, { values: [...values[by]] });
    for (const { value, ...node } of rows) found.set(refId({ by, value }), node);
  }
  return found;
}

/** Every node the batch's node rows name: by their identity, and by a given id. */
export function* nodeRowRefs(batch: ParsedBatch): Generator<NodeRef> {
  for (const node of batch.nodes) {
    yield node.ref;
    if (node.id !== undefined && node.ref.by === 'key') yield { by: 'id', value: node.id };
  }
}

/**
 * Problems of node rows against the database: a key or id used by a node of another type, an
 * id that belongs to another node, required properties missing on a new node.
 */
export function checkNodes(batch: ParsedBatch, existing: ExistingNodes, problems: ProblemList): void {
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
}

/** A new node row may not bring back an erased person's key (DESIGN §9): one lookup per batch. */
export async function checkErasedKeys(tx: Tx, batch: ParsedBatch, existing: ExistingNodes, problems: ProblemList): Promise<void> {
  const fresh = batch.nodes.filter((node) => node.ref.by === 'key' && !existing.has(refId(node.ref)));
  const erased = await erasedKeys(tx, fresh.map((node) => node.ref.value));
  for (const node of fresh) {
    const erasedOn = erased.get(node.ref.value);
    if (erasedOn) problems.push({ path: `${node.path}.key`, message: erasedKeyMessage(node.ref.value, erasedOn) });
  }
}

/**
 * Problems of relationship ends: named by no node of the batch or the database (or by the key of
 * an erased person), or by a node of a type the relationship does not join.
 */
export async function checkRelationshipEnds(tx: Tx, batch: ParsedBatch, problems: ProblemList): Promise<void> {
  const inBatch = new Map<string, NodeLabel>();
  for (const node of batch.nodes) {
    inBatch.set(refId(node.ref), node.label);
    if (node.id !== undefined) inBatch.set(refId({ by: 'id', value: node.id }), node.label);
  }
  const elsewhere: NodeRef[] = [];
  for (const rel of batch.relationships) for (const ref of [rel.from, rel.to]) if (!inBatch.has(refId(ref))) elsewhere.push(ref);
  const existing = await existingNodes(tx, elsewhere);
  const erased = await erasedKeys(tx, elsewhere.filter((ref) => ref.by === 'key' && !existing.has(refId(ref))).map((ref) => ref.value));

  for (const rel of batch.relationships) {
    const spec = RELATIONSHIP_SPECS[rel.type];
    for (const end of ['from', 'to'] as const) {
      const ref = rel[end];
      const label = inBatch.get(refId(ref)) ?? existing.get(refId(ref))?.label;
      const allowed: readonly string[] = end === 'from' ? spec.from : spec.to;
      const path = `${rel.path}.${end}${ref.by === 'id' ? 'Id' : ''}`;
      const erasedOn = ref.by === 'key' ? erased.get(ref.value) : undefined;
      if (label === undefined) {
        problems.push({ path, message: erasedOn ? erasedKeyMessage(ref.value, erasedOn) : `no node with this ${ref.by} in this import or the database` });
      } else if (!allowed.includes(label)) {
        problems.push({ path, message: `${rel.type} must ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(' or ')}, but this is a ${label}` });
      }
    }
  }
}
