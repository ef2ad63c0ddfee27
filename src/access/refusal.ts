import { ErrorCode } from '../graphql/errors';

/**
 * Why a request gets no answer from the API: a bad credential (HTTP 401, UNAUTHENTICATED), or an
 * identity provider whose keys cannot be fetched (HTTP 503, SERVICE_UNAVAILABLE: not the client's fault).
 */
export class SignInRefused extends Error {
  override name = 'SignInRefused';
  constructor(
    message: string,
    readonly status: 401 | 503 = 401,
    readonly code: ErrorCode = ErrorCode.UNAUTHENTICATED,
    /** Why the service is unavailable (extensions.reason), e.g. DATABASE_UNREACHABLE. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export const unauthenticated = (message: string) => new SignInRefused(message);

export const identityProviderUnreachable = (detail: string) =>
  new SignInRefused(
    `The identity provider's keys (AUTH_JWKS_URL) cannot be fetched right now (${detail}); retry in a moment.`,
    503,
    ErrorCode.SERVICE_UNAVAILABLE,
  );
