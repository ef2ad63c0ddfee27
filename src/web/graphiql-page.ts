import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { EXPLORER_DIST } from './explorer-build';
import { CONTENT_SECURITY_POLICY } from './static-files';

const GRAPHIQL_PAGE = path.join(EXPLORER_DIST, 'graphiql.html');

/** A browser opening /graphql (GET, Accept: text/html) rather than a client sending an operation. */
export function wantsGraphiQL(req: http.IncomingMessage, pathname: string): boolean {
  return pathname === '/graphql' && req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
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
