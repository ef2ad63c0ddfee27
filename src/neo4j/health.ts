/**
 * Whether Neo4j answers, known without waiting: a background probe refreshes the state every
 * `intervalMs`, and a failing query asks for a probe at once. /readyz and the fail-fast check
 * in front of every query read the state; neither ever waits on the database.
 *
 * Two judgements, because they err in different directions:
 * - unreachable: the probe's connection is refused or broken (a dead server says so in
 *   milliseconds). Queries then fail at once with SERVICE_UNAVAILABLE.
 * - unresponsive: SLOW_PROBES_FOR_UNREADY probes in a row got no answer in time, while no query
 *   got one either (a hung server — or a starved one on an overloaded machine). Only /readyz
 *   reports it, so a load balancer looks elsewhere; queries still try, bounded by their timeouts,
 *   since failing them on a guess would turn "slow" into "down".
 */
export class DatabaseHealth {
  private reachable = true;
  private slowProbes = 0;
  private lastAnswerAt = 0;
  private lastError: string | undefined;
  private probing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The calls watching for an outage (watchDown), each with its own promise to reject. */
  private readonly watchers = new Set<(error: Error) => void>();

  constructor(
    /** Resolves when Neo4j answered, rejects otherwise; must give up by itself after `timeoutMs`. */
    private readonly probeOnce: (timeoutMs: number) => Promise<void>,
    private readonly onChange: (up: boolean, error?: string) => void = () => undefined,
    private readonly intervalMs = 1_000,
    private readonly timeoutMs = 5_000,
  ) {}

  /** False while Neo4j refuses or drops connections: queries fail fast. */
  get isUp(): boolean {
    return this.reachable;
  }

  /** For /readyz: reachable, and not silent for several probes in a row. */
  get isReady(): boolean {
    return this.reachable && this.slowProbes < SLOW_PROBES_FOR_UNREADY;
  }

  /** The last probe failure while not ready, for logs and /readyz. */
  get reason(): string | undefined {
    return this.isReady ? undefined : this.lastError;
  }

  /**
   * A watch for one call still waiting on the driver, which retries a lost connection by itself:
   * `down` rejects when Neo4j is found unreachable (at once if it is now), so that the call gives
   * up right then; `stop` ends the watch when the call is done. Each call gets a promise of its
   * own: racing one long-lived promise left a reaction on it per call, which kept every call's
   * answer in memory for as long as Neo4j stayed up.
   */
  watchDown(): { down: Promise<never>; stop: () => void } {
    let reject: (error: Error) => void = () => undefined;
    const down = new Promise<never>((_, rejectDown) => (reject = rejectDown));
    down.catch(() => undefined); // nobody may be waiting when it happens
    if (!this.reachable) {
      reject(new Error(this.lastError ?? 'unreachable'));
      return { down, stop: () => undefined };
    }
    this.watchers.add(reject);
    return { down, stop: () => this.watchers.delete(reject) };
  }

  /** A query just got its answer: Neo4j is alive, however slow the probe may be. */
  noteAnswer(): void {
    this.lastAnswerAt = Date.now();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Probes now (one probe at a time; callers during a probe share it). */
  check(): Promise<void> {
    this.probing ??= this.probe().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async probe(): Promise<void> {
    const wasReady = this.isReady;
    let error: string | undefined;
    let slow = false;
    try {
      // A second try on a fresh connection, so that one stale pooled connection is not an outage.
      await withTimeout(this.probeOnce(this.timeoutMs), this.timeoutMs).catch((failure) => {
        if (failure instanceof ProbeTimeout) throw failure;
        return withTimeout(this.probeOnce(this.timeoutMs), this.timeoutMs);
      });
    } catch (failure) {
      error = (failure as Error).message;
      slow = failure instanceof ProbeTimeout;
    }
    const answeringQueries = Date.now() - this.lastAnswerAt < this.timeoutMs;
    this.slowProbes = slow && !answeringQueries ? this.slowProbes + 1 : 0;
    this.lastError = error;
    const reachable = error === undefined || slow;
    if (reachable !== this.reachable) {
      this.reachable = reachable;
      if (!reachable) {
        for (const reject of this.watchers) reject(new Error(error));
        this.watchers.clear();
      }
    }
    if (this.isReady !== wasReady) this.onChange(this.isReady, error);
  }
}

const SLOW_PROBES_FOR_UNREADY = 3;

class ProbeTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
