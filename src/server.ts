import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLError } from 'graphql';
import { authenticator, enforcePermissions, SignInRefused, viewerScope, type AuthSettings } from './access';
import { createLoaders, handlePublicPage, mutationRecorders, resolvers } from './areas';
import { loadConfig } from './config';
import { createContext, type Context, type RequestLimits } from './graphql/context';
import { formatError } from './graphql/errors';
import { aliasLimit, depthLimit, LIMITS } from './graphql/limits';
import { buildSchema } from './graphql/schema';
import type { Logger } from './logger';
import type { Viewer } from './graphql/viewer';
import type { Database } from './neo4j/database';
import { handleBrowserRequest } from './web';

export interface AppOptions {
  db: Database;
  log: Logger;
  production: boolean;
  /** How tokens are checked (src/access). */
  auth: AuthSettings;
  /** Request bounds (BODY_LIMIT_MB, IMPORT_MAX_ROWS); unset ones take the configuration's defaults. */
  limits?: Partial<AppLimits>;
  /**
   * Development only (ignored in production): the ADMIN token `npm start` printed, which the
   * explorer's sign-in form offers so that a developer is signed in with one click.
   */
  developmentToken?: string;
}

export interface AppLimits extends RequestLimits {
  /** Largest request body read, in bytes. */
  bodyLimitBytes: number;
}

const { bodyLimitBytes, importMaxRows } = loadConfig({});
const DEFAULT_LIMITS: AppLimits = { bodyLimitBytes, importMaxRows };

export interface RunningApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The HTTP face of the API: POST /graphql (Apollo Server 5), GET /healthz (the process lives),
 * GET /readyz (Neo4j answers). A thin integration over node:http, as Apollo's integration
 * guide describes, so that the health routes need no web framework.
 */
export async function startApp({ db, log, production, auth, developmentToken, limits: given }: AppOptions, port: number): Promise<RunningApp> {
  const limits: AppLimits = { ...DEFAULT_LIMITS, ...given };
  const httpServer = http.createServer();
  const authenticate = authenticator(db, auth);
  const apollo = new ApolloServer<Context>({
    schema: enforcePermissions(buildSchema(resolvers)),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    validationRules: [depthLimit(LIMITS.maxDepth), aliasLimit(LIMITS.maxAliases)],
    formatError: formatError(production, (error) => log.error({ err: error }, 'unexpected error in a request')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  httpServer.on('request', (req, res) => {
    route(req, res).catch((error) => {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const ready = await db.ping();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'neo4j unreachable' });
    }
    if (await handlePublicPage(req, res, url, { db, log })) return;
    if (handleBrowserRequest(req, res, url.pathname, { production, developmentToken: production ? undefined : developmentToken })) return;
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found; GraphQL is served at /graphql' });

    // Sign-in comes first: a bad credential is answered here and never reaches Apollo.
    let viewer: Viewer | undefined;
    if (!asksForThePage(req, url)) {
      try {
        viewer = await authenticate(req.headers);
      } catch (error) {
        if (error instanceof SignInRefused) return sendRefusal(res, error);
        throw error;
      }
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.method === 'POST' ? await readJsonBody(req, limits.bodyLimitBytes) : undefined;
    if (body instanceof Error) return sendJson(res, 400, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        if (!viewer) throw new GraphQLError('Sign in to run operations.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        // What the request may see follows from who asks: a PARTNER its partner's scope, everyone else everything.
        return createContext({
          db, log, createLoaders, viewer, scope: viewerScope(db, viewer), limits: { importMaxRows: limits.importMaxRows }, recorders: mutationRecorders,
        });
      },
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}/graphql`,
    port: actualPort,
    close: () => apollo.stop(),
  };
}

/** A browser opening the IDE page at GET /graphql (no operation): the page needs no credential. */
function asksForThePage(req: http.IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

/** HTTP 401 (or 503 when the identity provider is unreachable) with one error and no data. */
function sendRefusal(res: http.ServerResponse, refusal: SignInRefused): void {
  if (refusal.status === 401) res.setHeader('www-authenticate', 'Bearer realm="xrm-graph"');
  sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJsonBody(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return new Error(`The request body is larger than ${maxBytes / 1024 / 1024} MB (BODY_LIMIT_MB); import big files with npm run import.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return new Error('The request body is not valid JSON.');
  }
}
