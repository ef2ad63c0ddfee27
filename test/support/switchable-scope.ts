import type { Scope } from '../../src/neo4j/scoped-database';

/**
 * A scope for the test server that a test switches between requests: `scope` goes into
 * useTestServer's options, `within(ids, work)` runs `work`'s requests as a viewer who sees only
 * `ids`, and every other request sees everything. `calls` counts how often the server asked.
 * Until sign-in lands this stands in for a PARTNER's token; the server's scoping is the real one.
 */
export function switchableScope() {
  let visible: readonly string[] | null = null;
  const state = {
    calls: 0,
    scope: (async () => {
      state.calls += 1;
      return visible;
    }) as Scope,
    async within<T>(ids: readonly string[], work: () => Promise<T>): Promise<T> {
      visible = ids;
      try {
        return await work();
      } finally {
        visible = null;
      }
    },
  };
  return state;
}
