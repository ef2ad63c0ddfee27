import type { ApolloServerPlugin } from '@apollo/server';
import { Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { HeavyQuestionBound } from '../config';
import type { Context } from './context';
import { serviceUnavailable } from './errors';

/** The graph questions whose cost grows with the graph, not with the answer (DESIGN §4). */
export const HEAVY_QUESTIONS = [
  'relationshipPaths',
  'warmIntroductions',
  'accountNetwork',
  'influencers',
  'accountInfluencers',
  'buyingCenter',
  'dormantCustomers',
] as const;

const NO_TURN = new Error('no turn for a heavy question');

/**
 * Bounds how many heavy questions run at once (HEAVY_QUERY_CONCURRENCY). An operation takes one
 * turn per heavy field it selects (at any depth, e.g. `Opportunity.buyingCenter` too) for its
 * whole execution, nested loaders included; one that gets no
 * turn within HEAVY_QUERY_WAIT_MS (or before its deadline) is answered SERVICE_UNAVAILABLE with
 * `reason: "BUSY"` and Retry-After, instead of waiting in a queue without end.
 */
export function heavyQuestionBound(bound: HeavyQuestionBound, fields: readonly string[] = HEAVY_QUESTIONS): ApolloServerPlugin<Context> {
  const turns = new Semaphore(bound.concurrency);
  const heavy = new Set(fields);
  // Heavy fields per operation: Apollo keeps one parsed document per query text, so a repeated query is counted once.
  const heavyCounts = new WeakMap<OperationDefinitionNode, number>();
  return {
    async requestDidStart() {
      let release: SemaphoreInterface.Releaser | undefined;
      const done = () => {
        release?.();
        release = undefined;
      };
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          let count = heavyCounts.get(operation);
          if (count === undefined) {
            count = fieldNames(document, operation).filter((name) => heavy.has(name)).length;
            heavyCounts.set(operation, count);
          }
          if (count === 0) return;
          const weight = Math.min(count, bound.concurrency);
          const waitMs = Math.max(0, Math.min(bound.waitMs, contextValue.remainingMs()));
          try {
            [, release] = await withTimeout(turns, waitMs, NO_TURN).acquire(weight);
          } catch (error) {
            if (error !== NO_TURN) throw error;
            throw serviceUnavailable(
              `The server is busy: it already answers as many heavy graph questions at once as it may (HEAVY_QUERY_CONCURRENCY=${bound.concurrency}); retry in a moment.`,
              'BUSY',
              1,
            );
          }
        },
        async executionDidStart() {
          return { executionDidEnd: async () => done() };
        },
        async willSendResponse() {
          done();
        },
      };
    },
  };
}

/** Every field name selected anywhere in `operation`, through fragments (each walked once). */
function fieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [],
    ),
  );
  const seen = new Set<string>();
  const names: string[] = [];
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        names.push(selection.name.value);
        if (selection.selectionSet) walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}
