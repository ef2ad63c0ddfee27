import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A secret of a development machine (the sign-in's HS256 key without AUTH_JWT_SECRET, the link
 * signing key without LINK_SIGNING_SECRET): generated on first use and kept in `file` (the
 * git-ignored data folder, readable by its owner only), so tokens and links stay valid across
 * restarts and `npm run token` signs with the same secret as `npm start`.
 */
export function developmentSecret(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': when two processes start at once, the second reads what the first wrote.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  }
}
