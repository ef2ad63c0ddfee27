import { nodeRowRefs } from './check-batch';
import { relationshipIdentity, type ParsedBatch } from './parse-batch';
import { refId, type RelationshipRow } from './parse-row';
import { WrittenSoFar } from './written-so-far';

/** What a first load knows to be new in one batch before writing it. */
export interface SurelyNew {
  /** Nodes the node rows name (refId) that no node of the store has: not looked up. */
  nodeRefs: ReadonlySet<string>;
  /** Relationship rows whose relationship the store does not hold: created, not merged. */
  relationships: ReadonlySet<RelationshipRow>;
}

export const NOTHING_SURELY_NEW: SurelyNew = { nodeRefs: new Set(), relationships: new Set() };

/**
 * What is surely new in each batch of an import into a store that held no entities when the
 * import began (a first load): the store then holds only what earlier batches of the import
 * wrote (rows of one batch never repeat a node or relationship; see parseBatch), so a node or
 * relationship that no earlier batch named is new, and is written without looking for an old one.
 *
 * Relationship rows qualify only with both ends named by key, and none after the first row that
 * names an end by id: a node with a key may also be named by its id, so one relationship would
 * have two identities. Everything else is looked up and merged as in any import, with the same
 * graph as the outcome.
 */
export class FirstLoad {
  private readonly written = new WrittenSoFar();
  private endsById = false;

  /** What is new in `batch`; records all of it as written. Call once per batch, in the order of the input. */
  surelyNew(batch: ParsedBatch): SurelyNew {
    const nodeRefs = new Set<string>();
    for (const ref of nodeRowRefs(batch)) {
      const id = refId(ref);
      if (this.written.add(id)) nodeRefs.add(id);
    }
    const relationships = new Set<RelationshipRow>();
    for (const row of batch.relationships) {
      this.endsById ||= row.from.by === 'id' || row.to.by === 'id';
      if (this.written.add(relationshipIdentity(row)) && !this.endsById) relationships.add(row);
    }
    return { nodeRefs, relationships };
  }
}
