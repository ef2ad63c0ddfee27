import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';

/** Every failure a client sees carries one of these codes in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  TIMEOUT = 'TIMEOUT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One bad part of an input, e.g. `{ path: "relationships[3].to", message: "no node with key p-x" }`. */
export interface InputProblem {
  path: string;
  message: string;
}

export function badUserInput(message: string, problems?: InputProblem[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(problems ? { problems } : {}) },
  });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} with id "${id}" exists; check the id or look it up with search.`, {
    extensions: { code: ErrorCode.NOT_FOUND, id },
  });
}

export function conflict(message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...details } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function tooManyRequests(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.TOO_MANY_REQUESTS } });
}

/** Why a request could not be served now; in `extensions.reason` of SERVICE_UNAVAILABLE. */
export type UnavailableReason = 'DATABASE_UNREACHABLE' | 'BUSY' | 'SHUTTING_DOWN';

/**
 * "Try again later": SERVICE_UNAVAILABLE with `extensions.reason` and `extensions.retryAfter`
 * (seconds); the HTTP answer becomes 503 with a Retry-After header (Apollo lifts `http` off).
 */
export function serviceUnavailable(message: string, reason: UnavailableReason, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      reason,
      retryAfter: retryAfterSeconds,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** The request ran past its deadline or a transaction past its timeout; the work was stopped. */
export function timedOut(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.TIMEOUT } });
}

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// graphql-js's parser stops at `parseOptions.maxTokens` with this message (sic: "more that").
const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens/;

/** The parser's two ways of giving up on a hostile document, told as the limits they are. */
function parseLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens) {
    return {
      message: `The GraphQL document has more than ${tokens[1]} tokens (GRAPHQL_MAX_TOKENS); send a smaller document and pass data in variables.`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'GRAPHQL_MAX_TOKENS' },
    };
  }
  if (formatted.message.includes('Maximum call stack size exceeded')) {
    return {
      message: 'The GraphQL document nests too deeply to be read; flatten its lists and objects, or pass the data in variables.',
      extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'nesting' },
    };
  }
  return formatted;
}

/**
 * Apollo's formatError: known errors pass with their code; anything unexpected becomes
 * INTERNAL_SERVER_ERROR. In production no stack trace, Cypher or driver text reaches the client.
 */
export function formatError(production: boolean, log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo re-codes every validation error; a query over our limits is the client's to fix.
    if (formatted.extensions?.limit) formatted = { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') formatted = parseLimitError(formatted);
    const code = String(formatted.extensions?.code ?? '');
    const original = unwrapResolverError(error);
    const known =
      (CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) || APOLLO_CLIENT_CODES.has(code);
    if (known) {
      if (!production) return formatted;
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(original);
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return {
      message: 'Internal server error; the incident is logged.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
