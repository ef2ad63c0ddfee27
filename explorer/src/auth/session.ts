/**
 * The signed-in credential, kept for the browser tab only (sessionStorage): closing the tab
 * signs out.
 */
const TOKEN_KEY = 'xrm-explorer.token';
const SIGNED_IN_KEY = 'xrm-explorer.signed-in';

export function isSignedIn(): boolean {
  return sessionStorage.getItem(SIGNED_IN_KEY) === 'yes';
}

export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
  sessionStorage.setItem(SIGNED_IN_KEY, 'yes');
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SIGNED_IN_KEY);
}

/** `Authorization: Bearer <token>` when a token is kept, else nothing. */
export function authorizationHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}
