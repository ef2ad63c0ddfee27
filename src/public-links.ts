import { createHash, randomBytes } from 'node:crypto';
import { loadConfig } from './config';
import { developmentSecret } from './development-secret';

/**
 * Where people outside reach this server (PUBLIC_URL, default http://localhost:<PORT>), for the
 * links put into e-mails. Read when a link is made (main.ts has validated it at start), so a test
 * server on a free port can point it at itself.
 */
export function publicUrl(): string {
  return loadConfig().publicUrl;
}

let testSecret: string | undefined;

/**
 * The secret that signs preference-centre links: LINK_SIGNING_SECRET; in development without it
 * one generated on first use and kept in the git-ignored data folder (so links survive a
 * restart); in tests one per process. Production refuses to start without it (src/config.ts).
 */
export function linkSigningSecret(): Uint8Array {
  const config = loadConfig();
  if (config.linkSigningSecret) return new TextEncoder().encode(config.linkSigningSecret);
  if (config.nodeEnv === 'test') return new TextEncoder().encode((testSecret ??= randomBytes(48).toString('base64url')));
  return new TextEncoder().encode(developmentSecret(config.linkSigningSecretFile));
}

/** A random single-use token for a link, and the SHA-256 (hex) that is stored instead of it. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
