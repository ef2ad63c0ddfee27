import type http from 'node:http';
import { serveGraphiQL, wantsGraphiQL } from './graphiql-page';
import { DEVELOPMENT_TOKEN_PATH, serveDevelopmentToken } from './development-token';
import { EXPLORER_PATH, serveExplorer } from './static-files';

export { ensureExplorerBuilt, ExplorerBuildError, isExplorerBuildCurrent } from './explorer-build';
export { prepareExplorer } from './prepare-explorer';
export { escapeHtml, readForm, sendPage, type PublicPage, type PublicRequest } from './public-page';

/**
 * The browser side of the server: `/` → the explorer, `/explorer/…` → its static files, and in
 * development a browser's GET /graphql → the bundled GraphiQL and the development token for the
 * sign-in form. Answers true when it handled the request; everything else is left to the API.
 */
export function handleBrowserRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  { production, developmentToken }: { production: boolean; developmentToken?: string },
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname === '/') {
    res.writeHead(302, { location: `${EXPLORER_PATH}/` });
    res.end();
    return true;
  }
  if (pathname === DEVELOPMENT_TOKEN_PATH) {
    serveDevelopmentToken(res, production ? undefined : developmentToken);
    return true;
  }
  if (pathname === EXPLORER_PATH || pathname.startsWith(`${EXPLORER_PATH}/`)) {
    serveExplorer(req, res, pathname);
    return true;
  }
  if (!production && wantsGraphiQL(req, pathname)) {
    serveGraphiQL(res);
    return true;
  }
  return false;
}
