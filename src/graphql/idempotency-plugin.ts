import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Context } from './context';
import { badUserInput } from './errors';

/**
 * The request side of Idempotency-Key (src/graphql/idempotency.ts): a key covers exactly one
 * mutation, so an operation with a key and several mutation fields is refused before anything
 * runs; a query ignores the key. An answer replayed from the key's first request carries the
 * header `Idempotent-Replayed: true`.
 */
export function idempotencyPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!contextValue.idempotency || operation?.operation !== 'mutation') return;
          const fields = rootFields(document, operation.selectionSet, new Set());
          if (fields !== 1) {
            throw badUserInput(`An Idempotency-Key covers one mutation, and this operation has ${fields} mutation fields; send each mutation in a request of its own, each with its own key.`);
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (contextValue.idempotency?.replayed) response.http.headers.set('idempotent-replayed', 'true');
        },
      };
    },
  };
}

/** How many fields an operation selects at its root, through fragments (`__typename` not counted). */
function rootFields(document: DocumentNode, set: SelectionSetNode, seen: Set<string>): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFields(document, selection.selectionSet, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) count += rootFields(document, fragment.selectionSet, seen);
    }
  }
  return count;
}
