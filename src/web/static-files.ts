import type http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { EXPLORER_DIST } from './explorer-build';

export const EXPLORER_PATH = '/explorer';

/**
 * Only this origin: the explorer and GraphiQL are bundled, so a request anywhere else would be
 * a bug (or an injected script). Inline styles stay allowed for cytoscape and GraphiQL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Reads the folder on every request (ETag, no-cache), so a rebuild is served at once.
const serveDist = sirv(EXPLORER_DIST, {
  dev: true,
  etag: true,
  setHeaders: (res) => res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY),
});

/** GET/HEAD /explorer/… → the built explorer; a missing build says how to make one. */
export function serveExplorer(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
  if (pathname === EXPLORER_PATH) {
    res.writeHead(308, { location: `${EXPLORER_PATH}/` });
    res.end();
    return;
  }
  const original = req.url;
  req.url = pathname.slice(EXPLORER_PATH.length) || '/';
  serveDist(req, res, () => {
    req.url = original;
    notFound(res, pathname);
  });
}

function notFound(res: http.ServerResponse, pathname: string): void {
  const built = path.join(EXPLORER_DIST, 'index.html');
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(
    pathname === `${EXPLORER_PATH}/`
      ? `The explorer is not built (${built} is missing): npm start builds it, or run npm run build:explorer.\n`
      : `Not found: ${pathname}\n`,
  );
}
