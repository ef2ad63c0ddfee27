import type { AuthConfig } from '../config';
import { developmentSecret } from '../development-secret';

/** What the sign-in checks a token against. */
export interface AuthSettings {
  /** HS256 secret; tokens of `npm run token` and of the tests are signed with it. */
  jwtSecret?: string;
  /** An identity provider's JWKS (RS256, ES256). */
  jwksUrl?: string;
  /** Required `iss` when set. */
  issuer?: string;
  /** Required `aud` when set. */
  audience?: string;
}

/**
 * The settings of this process: the configured ones, and in development without a secret or
 * JWKS URL the secret kept in the data folder (production refuses to start without one: config.ts).
 */
export function authSettings(config: AuthConfig, production: boolean): AuthSettings {
  const { jwtSecret, jwksUrl, issuer, audience } = config;
  if (!jwtSecret && !jwksUrl && !production) return { jwtSecret: developmentSecret(config.devSecretFile), issuer, audience };
  return { jwtSecret, jwksUrl, issuer, audience };
}
