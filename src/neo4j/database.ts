import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { serviceUnavailable, conflict } from '../graphql/errors';
import { toNative } from './values';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A transaction as the areas see it: run Cypher, get plain rows. */
export interface Tx {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/** The reading half of the Database: what resolvers and loaders get (a mutation writes through Context.mutate). */
export type Reader = Pick<Database, 'read' | 'readTransaction'>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The one door to Neo4j (STYLE: only src/neo4j imports the driver). Reads go through
 * executeRead, writes through executeWrite, sessions always close, results come back as
 * plain rows, and driver failures become the project's error codes here and nowhere else.
 * One bookmark manager per process gives read-your-writes across sessions and cluster members.
 */
export class Database {
  private readonly bookmarks = neo4j.bookmarkManager();
  /** Database round trips since start (a `run`); tests use it to prove batching. */
  roundTrips = 0;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  static connect(options: DatabaseOptions): Database {
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 10_000,
      logging: { level: 'error', logger: () => undefined },
    });
    return new Database(driver, options.database);
  }

  /** Runs one read query in its own read transaction. */
  read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.readTransaction((tx) => tx.run<T>(cypher, params));
  }

  /** Runs one write query in its own write transaction. */
  write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(cypher, params));
  }

  /** Several reads in one transaction. The work may be retried: keep it free of side effects. */
  readTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('READ', (session) => session.executeRead((tx) => work(this.wrap(tx))));
  }

  /** Several writes in one transaction: all of it lands or none. The work may be retried on transient errors. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) => session.executeWrite((tx) => work(this.wrap(tx))));
  }

  /** Answers whether Neo4j accepts a query right now (for /readyz). */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  /** Waits until Neo4j answers, or throws after `timeoutMs` with the last driver error. */
  async waitUntilReachable(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.driver.getServerInfo({ database: this.database });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async <T>(cypher: string, params: Params = {}) => {
        this.roundTrips += 1;
        // Outside a request (seeds, imports, the CLI) everything is visible; a request's
        // ScopedDatabase sets $visible itself (see VISIBLE in src/nodes/visibility.ts).
        const result = await tx.run(cypher, { visible: null, ...params });
        return result.records.map((record) => toNative(record.toObject()) as T);
      },
    };
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await work(session);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Driver failures a client can act on become coded GraphQL errors; anything else passes through. */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof neo4j.Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code) || error.code === 'Neo.TransientError.General.DatabaseUnavailable') {
    return serviceUnavailable('The graph database is not reachable right now; retry in a moment.');
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return conflict('This would create a duplicate: a node with the same key already exists.');
  }
  return error;
}
