import { RELATIONSHIP_SPECS } from '../model/graph-model';
import { KnownNodes } from './known-nodes';
import { relationshipIdentity, type ParsedBatch } from './parse-batch';
import { refId, type NodeRef, type NodeRow, type RelationshipRow } from './parse-row';
import { WrittenSoFar } from './written-so-far';

/** Where the rows of one batch go in an offline first load. */
export type BatchPlan =
  /** The Bolt import would reject this batch: it and every row after it go through Bolt, which says why. */
  | { stop: true }
  /** Rows written by the offline importer; every other row of the batch is replayed through Bolt afterwards. */
  | { stop: false; nodes: NodeRow[]; relationships: RelationshipRow[] };

/** Whether the offline files can hold a row exactly (see OfflineFiles.holds). */
export type Holds = (row: NodeRow | RelationshipRow) => boolean;

/**
 * Splits a first load into what Neo4j's offline importer writes (surely new, both ends written
 * offline) and what is replayed through Bolt after it, in input order (repeats and updates,
 * relationships named by id or to a replayed node, rows the files cannot hold). The replayed rows
 * find the store as the Bolt import would have had it, so the graph and the report are the same.
 *
 * The plan also foresees every problem the Bolt import would find in a batch (of shape, an
 * unknown end, a node of another type, a new node without its required properties): such a
 * batch stops the plan, and it and the rest of the input go through Bolt, which rejects it as
 * always. Where it cannot tell (a repeated node that gives an `id`), it stops too.
 */
export class OfflinePlan {
  private readonly nodes = new KnownNodes();
  private readonly relationships = new WrittenSoFar();
  private endsById = false;
  private stopped = false;

  constructor(private readonly holds: Holds) {}

  /** Where the rows of `batch` go; call once per batch in input order. After a stop, every batch stops. */
  plan(batch: ParsedBatch): BatchPlan {
    if (this.stopped || batch.problems.total > 0) return this.stop();
    const nodes: NodeRow[] = [];
    for (const row of batch.nodes) {
      const refs = row.id !== undefined && row.ref.by === 'key' ? [row.ref, { by: 'id', value: row.id } as NodeRef] : [row.ref];
      const known = refs.map((ref) => this.nodes.get(refId(ref)));
      if (known.every((node) => node === undefined)) {
        if (row.missingRequired.length > 0) return this.stop();
        const offline = this.holds(row);
        for (const ref of refs) this.nodes.set(refId(ref), { label: row.label, offline });
        if (offline) nodes.push(row);
      } else if (row.id !== undefined || known[0]?.label !== row.label) {
        return this.stop();
      }
    }
    const relationships: RelationshipRow[] = [];
    for (const row of batch.relationships) {
      const spec = RELATIONSHIP_SPECS[row.type];
      const from = this.nodes.get(refId(row.from));
      const to = this.nodes.get(refId(row.to));
      if (!from || !to || !(spec.from as readonly string[]).includes(from.label) || !(spec.to as readonly string[]).includes(to.label)) return this.stop();
      // A node with a key may also be named by its id: after the first such row, one relationship could have two identities.
      this.endsById ||= row.from.by === 'id' || row.to.by === 'id';
      const surelyNew = this.relationships.add(relationshipIdentity(row));
      if (surelyNew && !this.endsById && from.offline && to.offline && this.holds(row)) relationships.push(row);
    }
    return { stop: false, nodes, relationships };
  }

  private stop(): BatchPlan {
    this.stopped = true;
    return { stop: true };
  }
}
