import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { conflict, serviceUnavailable, timedOut } from '../graphql/errors';
import { DEFAULT_TIMEOUTS, type Timeouts } from '../config';
import { DatabaseHealth } from './health';
import { toNative } from './values';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A transaction as the areas see it: run Cypher, get plain rows. */
export interface Tx {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/** The reading half of the Database: what resolvers and loaders get (a mutation writes through Context.mutate). */
export type Reader = Pick<Database, 'read' | 'readTransaction'>;

/** A Reader whose reads all run in `tx`: code written for a Reader, inside one transaction. */
export function readerIn(tx: Tx): Reader {
  return {
    read: <T>(cypher: string, params?: Params) => tx.run<T>(cypher, params),
    readTransaction: <T>(work: (tx: Tx) => Promise<T>) => work(tx),
  };
}

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Defaults: DEFAULT_TIMEOUTS. */
  timeouts?: Omit<Timeouts, 'requestMs'>;
  /** Called when Neo4j stops or starts answering (for the log). */
  onHealthChange?: (up: boolean, error?: string) => void;
}

/** What every view of one Database shares: the driver, bookmarks, health, the round-trip and transaction counts. */
interface Shared {
  driver: Driver;
  database: string;
  bookmarks: ReturnType<typeof neo4j.bookmarkManager>;
  health: DatabaseHealth;
  probeDriver: Driver;
  timeouts: Omit<Timeouts, 'requestMs'>;
  counter: { roundTrips: number; transactions: number };
}

/** The time bounds of one view: each transaction's timeout, and the deadline of the request, if any. */
interface Bounds {
  transactionMs: number;
  /** The variable that sets `transactionMs`, named in error messages. */
  transactionVariable: string;
  deadline?: number;
}

const RETRY_AFTER_SECONDS = 5;
/** How long past its timeout a transaction may take before the client stops waiting for Neo4j. */
const CLIENT_GRACE_MS = 2_000;

/**
 * The one door to Neo4j (STYLE: only src/neo4j imports the driver). Reads go through
 * executeRead, writes through executeWrite, sessions always close, results come back as
 * plain rows, and driver failures become the project's error codes here and nowhere else.
 * One bookmark manager per process gives read-your-writes across sessions and cluster members.
 *
 * Every transaction has a timeout (NEO4J_TX_TIMEOUT_MS; the import's own with `forImport`), cut
 * to what is left of the request's deadline in a `forRequest` view. While the health probe says
 * Neo4j is unreachable, calls fail at once with SERVICE_UNAVAILABLE instead of waiting.
 */
export class Database {
  private constructor(
    private readonly shared: Shared,
    private readonly bounds: Bounds,
  ) {}

  static connect(options: DatabaseOptions): Database {
    const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
    const connectMs = Math.min(timeouts.connectionAcquisitionMs, 5_000);
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: timeouts.connectionAcquisitionMs,
      connectionTimeout: connectMs,
      maxTransactionRetryTime: 10_000,
      logging: { level: 'error', logger: () => undefined },
    });
    const { probeDriver, probe } = healthProbe(options.uri, auth, options.database);
    const health = new DatabaseHealth(probe, options.onHealthChange);
    health.start();
    const shared: Shared = {
      driver,
      database: options.database,
      bookmarks: neo4j.bookmarkManager(),
      health,
      probeDriver,
      timeouts,
      counter: { roundTrips: 0, transactions: 0 },
    };
    return new Database(shared, { transactionMs: timeouts.transactionMs, transactionVariable: 'NEO4J_TX_TIMEOUT_MS' });
  }

  /** Database round trips since start (a `run`), over every view; tests use it to prove batching. */
  get roundTrips(): number {
    return this.shared.counter.roundTrips;
  }

  /** Tries of transactions since start, over every view (each BEGIN and COMMIT is a round trip of its own). */
  get transactions(): number {
    return this.shared.counter.transactions;
  }

  /** A view for one GraphQL request: every transaction it runs ends by `timeoutMs` from now. */
  forRequest(timeoutMs: number): Database {
    return new Database(this.shared, { ...this.bounds, deadline: Date.now() + timeoutMs });
  }

  /** A view for the import and migrations: the import's longer transaction timeout, no request deadline. */
  forImport(): Database {
    return new Database(this.shared, { transactionMs: this.shared.timeouts.importTransactionMs, transactionVariable: 'IMPORT_TX_TIMEOUT_MS' });
  }

  /** Milliseconds left before this view's deadline (Infinity without one). */
  remainingMs(): number {
    return this.bounds.deadline === undefined ? Infinity : this.bounds.deadline - Date.now();
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
    return this.withSession('READ', (session, config) => session.executeRead((tx) => this.attempt(tx, work), config));
  }

  /** Several writes in one transaction: all of it lands or none. The work may be retried on transient errors. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session, config) => session.executeWrite((tx) => this.attempt(tx, work), config));
  }

  /** Whether Neo4j answered the last health probe (for /readyz); never waits. */
  isReady(): boolean {
    return this.shared.health.isReady;
  }

  /** Why Neo4j is not ready, while it is not. */
  unreadyReason(): string | undefined {
    return this.shared.health.reason;
  }

  /** Waits until Neo4j answers, or throws after `timeoutMs` with the last driver error. */
  async waitUntilReachable(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.shared.driver.getServerInfo({ database: this.shared.database });
        await this.shared.health.check();
        if (this.shared.health.isUp) return;
        throw new Error(this.shared.health.reason);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async close(): Promise<void> {
    this.shared.health.stop();
    await Promise.all([this.shared.driver.close(), this.shared.probeDriver.close()]);
  }

  /**
   * One try of a transaction's work. The driver retries transient failures; a try is refused at
   * once when Neo4j is known to be down or the deadline has passed, so no retry outlives either.
   */
  private attempt<T>(tx: ManagedTransaction, work: (tx: Tx) => Promise<T>): Promise<T> {
    this.refuseWhenUnable();
    this.shared.counter.transactions += 1;
    return work(this.wrap(tx));
  }

  private refuseWhenUnable(): void {
    if (!this.shared.health.isUp) throw unreachable();
    if (this.remainingMs() <= 0) throw this.timeoutError();
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async <T>(cypher: string, params: Params = {}) => {
        this.shared.counter.roundTrips += 1;
        // Outside a request (seeds, imports, the CLI) everything is visible; a request's
        // ScopedDatabase sets $visible itself (see VISIBLE in src/nodes/visibility.ts).
        const result = await runWithoutCallSite(tx, cypher, { visible: null, ...params });
        this.shared.health.noteAnswer();
        return result.records.map((record) => toNative(record.toObject()) as T);
      },
    };
  }

  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    work: (session: Session, config: { timeout: number }) => Promise<T>,
  ): Promise<T> {
    this.refuseWhenUnable();
    const timeout = Math.max(1, Math.floor(Math.min(this.bounds.transactionMs, this.remainingMs())));
    const session = this.shared.driver.session({
      database: this.shared.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.shared.bookmarks,
    });
    // Neo4j enforces `timeout`; this bounds the wait even for a server that stopped answering.
    // And while the driver retries a lost connection by itself, the health probe may find Neo4j
    // gone: then the call ends at once with SERVICE_UNAVAILABLE instead of retrying on.
    let overran = false;
    let abandoned = false;
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        overran = true;
        reject(new Error('overran'));
      }, timeout + CLIENT_GRACE_MS);
    });
    const outage = this.shared.health.watchDown();
    try {
      return await Promise.race([work(session, { timeout }), overrun, outage.down]);
    } catch (error) {
      if (overran || isUnavailable(error)) void this.shared.health.check();
      abandoned = overran || !this.shared.health.isUp;
      throw overran ? this.timeoutError() : this.shared.health.isUp ? this.mapDriverError(error) : unreachable();
    } finally {
      clearTimeout(timer);
      outage.stop();
      const closing = session.close().catch(() => undefined);
      if (!abandoned) await closing;
    }
  }

  private timeoutError() {
    const what = 'ask for less (fewer hops, a smaller first or nodeLimit) or retry when the server is less busy';
    if (this.remainingMs() <= 50) {
      return timedOut(`The request ran past its deadline (REQUEST_TIMEOUT_MS) and was stopped; ${what}.`);
    }
    const seconds = this.bounds.transactionMs / 1000;
    return timedOut(`A database transaction ran past its ${seconds} s limit (${this.bounds.transactionVariable}) and was stopped; ${what}.`);
  }

  /** Driver failures a client can act on become coded GraphQL errors; anything else passes through. */
  private mapDriverError(error: unknown): unknown {
    if (!(error instanceof neo4j.Neo4jError)) return error;
    if (isUnavailable(error)) return unreachable();
    if (error.message.startsWith('Connection acquisition timed out')) {
      return serviceUnavailable('The server is busy: every database connection is in use; retry in a moment.', 'BUSY', 1);
    }
    if (TIMEOUT_CODES.has(error.code)) return this.timeoutError();
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return conflict('This would create a duplicate: a node with the same key already exists.');
    }
    return error;
  }
}

/** `RETURN 1` on a driver of its own with one connection, so a busy pool never looks like a dead database. */
function healthProbe(uri: string, auth: ReturnType<typeof neo4j.auth.basic> | undefined, database: string) {
  const probeDriver = neo4j.driver(uri, auth, {
    maxConnectionPoolSize: 1,
    connectionAcquisitionTimeout: 4_000,
    connectionTimeout: 4_000,
    logging: { level: 'error', logger: () => undefined },
  });
  const probe = async (timeoutMs: number) => {
    const session = probeDriver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1', {}, { timeout: timeoutMs });
    } finally {
      await session.close().catch(() => undefined);
    }
  };
  return { probeDriver, probe };
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

function isUnavailable(error: unknown): boolean {
  return error instanceof neo4j.Neo4jError && UNAVAILABLE_CODES.has(error.code);
}

/**
 * `tx.run`, without the stack trace the driver captures and formats for every Result so that a
 * failed query's error points at its caller. Here that caller is always `wrap` above. The captures
 * (the statement's, and the commit's inside the driver) were 5 % of a lookup's CPU in the API
 * (`captureStacktrace` and V8's stack formatting); this skips the statement's. The Result is built
 * synchronously, so the limit is back before anything else runs.
 */
function runWithoutCallSite(tx: ManagedTransaction, cypher: string, params: Params) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(cypher, params);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function unreachable() {
  return serviceUnavailable('The graph database is not reachable right now; retry in a moment.', 'DATABASE_UNREACHABLE', RETRY_AFTER_SECONDS);
}
