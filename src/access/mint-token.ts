import { SignJWT } from 'jose';
import type { AuthSettings } from './auth-settings';

/** How long a minted token is valid unless told otherwise. */
export const DEFAULT_TOKEN_LIFETIME = '24h';

/**
 * An HS256 token for the user with this key or id (`sub`), as `npm start`, `npm run token` and the
 * tests hand out; `expiresIn` like "24h", "30m", "7d".
 */
export function mintToken(settings: AuthSettings, sub: string, expiresIn = DEFAULT_TOKEN_LIFETIME): Promise<string> {
  if (!settings.jwtSecret) {
    throw new Error('No AUTH_JWT_SECRET is set, so this server cannot sign tokens: get them from your identity provider (AUTH_JWKS_URL).');
  }
  let token = new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn);
  if (settings.issuer) token = token.setIssuer(settings.issuer);
  if (settings.audience) token = token.setAudience(settings.audience);
  return token.sign(new TextEncoder().encode(settings.jwtSecret));
}
