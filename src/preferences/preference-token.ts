import { SignJWT, jwtVerify } from 'jose';
import { linkSigningSecret } from '../public-links';

const AUDIENCE = 'preference-centre';

/** A signed link token naming the person, valid for `ttlDays` (HS256 with the server's link secret). */
export async function signPreferenceToken(personId: string, ttlDays: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(personId)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlDays}d`)
    .sign(linkSigningSecret());
}

/** The person a token names; null when it is forged, expired, for something else or malformed. */
export async function verifyPreferenceToken(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, linkSigningSecret(), { audience: AUDIENCE, algorithms: ['HS256'] });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
