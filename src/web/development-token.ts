import type http from 'node:http';

/** Where the explorer and GraphiQL ask for the development token (not a static file). */
export const DEVELOPMENT_TOKEN_PATH = '/explorer/development-token.json';

/**
 * `{token}` of the ADMIN that `npm start` printed, so the sign-in form can offer it; 404 in
 * production or when there is none (a configured secret or identity provider).
 */
export function serveDevelopmentToken(res: http.ServerResponse, token: string | undefined): void {
  res.writeHead(token ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(token ? { token } : { error: 'No development token here: sign in with your own token.' }));
}
