import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { EXPLORER_DIST } from './explorer-build';
import { CONTENT_SECURITY_POLICY } from './static-files';

const GRAPHIQL_PAGE = path.join(EXPLORER_DIST, 'graphiql.html');

/**
 * A browser opening /graphql (GET, Accept: text/html, no operation) rather than a client sending
 * an operation; a GET with `?query=` is an operation (and needs a credential) even from a browser.
 */
export function wantsGraphiQL(req: http.IncomingMessage, pathname: string): boolean {
  if (pathname !== '/graphql' || req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return false;
  return !new URL(req.url ?? '/', 'http://localhost').searchParams.has('query');
}

/** The bundled GraphiQL (built with the explorer, its assets under /explorer/assets/), no CDN. */
export function serveGraphiQL(res: http.ServerResponse): void {
  let page: string;
  try {
    page = fs.readFileSync(GRAPHIQL_PAGE, 'utf8');
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('GraphiQL is built with the explorer, which is not built yet: npm start builds it, or run npm run build:explorer.\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
  res.end(page);
}
