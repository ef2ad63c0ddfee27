import type { Logger } from '../logger';
import type { Database, Params, Reader, Row, Tx } from './database';

/** The ids of the nodes a request may see, or null when it may see everything. */
export type VisibleIds = readonly string[] | null;

/**
 * Works out what a request may see (DESIGN §9): null for every internal role, the ids of a
 * PARTNER's scope otherwise. The request's door calls it at most once, when the first query runs.
 */
export type Scope = () => Promise<VisibleIds>;

/** The scope of a viewer who may see everything. */
export const EVERYTHING_VISIBLE: Scope = async () => null;

const MENTIONS_VISIBLE = /\$visible\b/;

/** A query that cannot keep hidden nodes out ran under a scope; never a client's fault. */
export class UnscopedQueryError extends Error {
  constructor() {
    super("A query that does not filter its nodes with VISIBLE() was refused under a partner's scope; see the log for its Cypher.");
    this.name = 'UnscopedQueryError';
  }
}

/**
 * One request's door to Neo4j, in front of the shared Database: every query it runs (reads, and
 * the steps of a mutation's write transaction) gets the parameter `$visible` that VISIBLE()
 * (src/nodes/visibility.ts) tests on each node. Fail closed: under a scope (a list, not null) a
 * query whose text never mentions `$visible` is refused before it reaches Neo4j, logged with its
 * Cypher, because nothing in it could keep a hidden node out.
 */
export class ScopedDatabase implements Reader {
  private visibleIds: Promise<VisibleIds> | undefined;

  constructor(
    private readonly db: Database,
    private readonly scope: Scope,
    private readonly log: Logger,
  ) {}

  /** Runs one read query in its own read transaction. */
  read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.readTransaction((tx) => tx.run<T>(cypher, params));
  }

  /** Several reads in one transaction (may be retried: keep the work free of side effects). */
  async readTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const visible = await this.visible();
    return this.db.readTransaction((tx) => work(this.scoped(tx, visible)));
  }

  /**
   * The one write transaction of a mutation (src/graphql/mutate.ts); its steps are scoped like
   * reads. `unscoped` is the same transaction without the scope, for the records every mutation
   * writes about itself (its audit entry, its event, its idempotency key), which touch no node a
   * viewer could see. `bulk` gives it the import's transaction timeout and no request deadline
   * (IMPORT_TX_TIMEOUT_MS).
   */
  async writeTransaction<T>(work: (tx: Tx, unscoped: Tx) => Promise<T>, options: { bulk?: boolean } = {}): Promise<T> {
    const visible = await this.visible();
    const db = options.bulk ? this.db.forImport() : this.db;
    return db.writeTransaction((tx) => work(this.scoped(tx, visible), tx));
  }

  /** The request's visible ids, worked out on first use and then kept for the rest of the request. */
  private visible(): Promise<VisibleIds> {
    this.visibleIds ??= this.scope();
    return this.visibleIds;
  }

  private scoped(tx: Tx, visible: VisibleIds): Tx {
    return {
      run: async <T>(cypher: string, params: Params = {}) => {
        if (visible !== null && !MENTIONS_VISIBLE.test(cypher)) {
          this.log.error({ cypher }, "refused a query without VISIBLE() under a partner's scope");
          throw new UnscopedQueryError();
        }
        return tx.run<T>(cypher, { ...params, visible });
      },
    };
  }
}
