import { gql } from './client';

/** Who the signed-in credential is (`viewer`, which any signed-in caller may ask). */
export interface SignedInViewer {
  user: { name: string };
  roles: string[];
  actsFor: { name: string } | null;
}

/**
 * Asks the API who the credential belongs to, so a refused token is noticed at the sign-in
 * screen rather than on the first map.
 */
export async function checkCredential(): Promise<SignedInViewer> {
  const { viewer } = await gql<{ viewer: SignedInViewer }>('query SignInCheck { viewer { user { name } roles actsFor { name } } }');
  return viewer;
}

/**
 * In development the server offers the ADMIN token that `npm start` printed; undefined in
 * production or when the server has none.
 */
export async function developmentToken(): Promise<string | undefined> {
  try {
    const response = await fetch('/explorer/development-token.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const { token } = (await response.json()) as { token?: unknown };
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}
