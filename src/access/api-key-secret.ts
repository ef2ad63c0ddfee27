import { createHash, randomBytes } from 'node:crypto';

/** Every secret starts so, which lets secret scanners and people recognise it. */
const SECRET_PREFIX = 'xrm_';

/** A new API key secret: 256 random bits, e.g. "xrm_Ab3dE9fQ…" (47 characters). */
export function newApiKeySecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of the secret. A plain SHA-256 suffices (no slow password hash): the
 * secret is 256 random bits, so there is nothing to guess from the hash.
 */
export function hashOfSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The first characters of a secret, shown to tell keys apart. */
export function visiblePrefix(secret: string): string {
  return secret.slice(0, SECRET_PREFIX.length + 8);
}
