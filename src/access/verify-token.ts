import { createSecretKey } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthSettings } from './auth-settings';
import { identityProviderUnreachable, unauthenticated } from './refusal';

/** Identity providers sign with RSA or EC keys (Keycloak, Entra ID and Auth0 use RS256 by default). */
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** Checks a token's signature and claims and answers its `sub`; anything wrong is a SignInRefused. */
export type VerifyToken = (token: string) => Promise<string>;

/** Verified tokens kept at most; the least recently used goes first. */
const MAX_TOKENS = 10_000;

/**
 * HS256 tokens are checked against the secret, RS256/ES256 ones against the identity provider's
 * JWKS (fetched once and cached by jose, refetched when an unknown `kid` turns up). A token must
 * carry `sub` and `exp`; `iss` and `aud` must match when AUTH_ISSUER / AUTH_AUDIENCE are set.
 *
 * A token that verified is kept for `keepSeconds` (AUTH_CACHE_SECONDS, as the sign-in it names;
 * 0 keeps none): a client sends the same token with every request, and checking its signature
 * again cost the API about 0.1 ms of CPU per request (issue 12). Its expiry is still checked on
 * every request; a kept token past it goes through the full check, which refuses it.
 */
export function tokenVerifier(settings: AuthSettings, keepSeconds = 0): VerifyToken {
  // A KeyObject made once: given the bytes, jose would make one on every request.
  const secret = settings.jwtSecret ? createSecretKey(Buffer.from(settings.jwtSecret, 'utf8')) : undefined;
  const jwks = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  const algorithms = [...(secret ? ['HS256'] : []), ...(jwks ? JWKS_ALGORITHMS : [])];

  const keyFor: JWTVerifyGetKey = async (header, token) => {
    if (header.alg === 'HS256' && secret) return secret;
    if (jwks && JWKS_ALGORITHMS.includes(header.alg)) {
      try {
        return await jwks(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw identityProviderUnreachable((error as Error).message);
      }
    }
    throw notAccepted(header.alg);
  };
  const notAccepted = (alg: unknown) => unauthenticated(`Tokens signed with ${JSON.stringify(alg)} are not accepted here; accepted: ${algorithms.join(', ')}.`);

  const verified = keepSeconds > 0 ? new LRUCache<string, { sub: string; exp: number }>({ max: MAX_TOKENS, ttl: keepSeconds * 1000 }) : undefined;

  return async (token) => {
    const known = verified?.get(token);
    // jose's own rule: a token is expired from the second `exp` on.
    if (known && known.exp > Math.floor(Date.now() / 1000)) return known.sub;
    try {
      const { payload } = await jwtVerify(token, keyFor, {
        algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['sub', 'exp'],
      });
      verified?.set(token, { sub: payload.sub!, exp: payload.exp! });
      return payload.sub!;
    } catch (error) {
      if (error instanceof errors.JOSEAlgNotAllowed) throw notAccepted(decodeProtectedHeader(token).alg);
      throw refusalOf(error);
    }
  };
}

function refusalOf(error: unknown): Error {
  if (!(error instanceof errors.JOSEError)) return error as Error;
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired; sign in again for a new one.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(`The token's "${error.claim}" claim is not accepted (${error.reason}): ${error.message}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return unauthenticated('The token\'s signature does not verify: it was not signed with this server\'s secret or its identity provider\'s keys.');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated('No key of the identity provider (AUTH_JWKS_URL) matches the token\'s "kid".');
  }
  return unauthenticated(`The token is malformed (${error.message}); send "Authorization: Bearer <JWT>".`);
}
