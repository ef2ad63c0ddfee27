import { LRUCache } from 'lru-cache';
import type { Viewer } from '../graphql/viewer';

/** Credentials kept at most; the least recently used goes first. */
const MAX_VIEWERS = 10_000;

/**
 * The viewers this process signed in during the last `ttlSeconds` (AUTH_CACHE_SECONDS; 0 keeps
 * none), keyed by what names the credential (a token's `sub`, an API key's hash), so that a
 * client's further requests skip the database lookup of signing in. Only successful sign-ins
 * are kept. Every mutation committed in this process forgets them all, so a user deactivated or
 * a key revoked here is refused at once; a change made by another process (a replica, a CLI)
 * takes effect within the TTL.
 */
export class SignInCache {
  private readonly viewers: LRUCache<string, Viewer> | undefined;
  /** Counts forgetAll calls: a sign-in that read the database across one keeps nothing. */
  private generation = 0;

  /** How long a sign-in is kept (0: not at all); a verified token is kept as long (src/access/verify-token.ts). */
  constructor(readonly ttlSeconds: number) {
    this.viewers = ttlSeconds > 0 ? new LRUCache<string, Viewer>({ max: MAX_VIEWERS, ttl: ttlSeconds * 1000 }) : undefined;
  }

  /** The viewer kept for `credential`, or the one `signIn` answers (then kept). */
  async viewerOf(credential: string, signIn: () => Promise<Viewer>): Promise<Viewer> {
    const known = this.viewers?.get(credential);
    if (known) return known;
    const generation = this.generation;
    const viewer = await signIn();
    // A change committed while this sign-in read may have made its answer stale.
    if (generation === this.generation) this.viewers?.set(credential, viewer);
    return viewer;
  }

  /** Forgets every kept sign-in (after a committed change, which may have touched a user or key). */
  forgetAll(): void {
    this.generation += 1;
    this.viewers?.clear();
  }
}
