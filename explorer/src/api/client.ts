import { authorizationHeaders, signOut } from '../auth/session';

/** The API refused or failed an operation; `code` is the GraphQL error's extensions.code. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** The credential was missing, expired or refused (HTTP 401 or UNAUTHENTICATED): sign in again. */
export class SignInRequired extends Error {
  override name = 'SignInRequired';
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}
interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

const GRAPHQL_URL = '/graphql';
let signInRequired: (message: string) => void = () => undefined;
let partialErrors: (messages: string[]) => void = () => undefined;

/** Who leads the user back to the sign-in screen when the API refuses the credential. */
export function onSignInRequired(listener: (message: string) => void): void {
  signInRequired = listener;
}

/** Who shows the errors of an answer that still has data (e.g. a field the role may not read). */
export function onPartialErrors(listener: (messages: string[]) => void): void {
  partialErrors = listener;
}

/**
 * Runs one operation against the public GraphQL API with the signed-in credential
 * (`Authorization: Bearer <token>` when there is one). Resolves with `data`; rejects with
 * SignInRequired (after signing out) or ApiError, whose message is the API's own.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authorizationHeaders(),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`The API did not answer (${(error as Error).message}). Is the server running?`, 'NETWORK_ERROR');
  }
  const body = (await response.json().catch(() => undefined)) as GraphQLBody<T> | undefined;
  const errors = body?.errors ?? [];
  if (response.status === 401 || errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
    const message = errors[0]?.message ?? 'The API needs you to sign in.';
    signOut();
    signInRequired(message);
    throw new SignInRequired(message);
  }
  if (body?.data) {
    if (errors.length) partialErrors(errors.map((error) => error.message));
    return body.data;
  }
  if (errors.length) throw new ApiError(errors[0].message, errors[0].extensions?.code ?? 'UNKNOWN');
  throw new ApiError(`The API answered HTTP ${response.status} without data.`, `HTTP_${response.status}`);
}
