import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createLoaders, handlePublicPage, mutationRecorders, resolvers } from './areas';
import { loadConfig } from './config';
import { createContext, type Context, type RequestLimits } from './graphql/context';
import { formatError } from './graphql/errors';
import { aliasLimit, depthLimit, LIMITS } from './graphql/limits';
import { buildSchema } from './graphql/schema';
import type { Logger } from './logger';
import type { Database } from './neo4j/database';
import { EVERYTHING_VISIBLE, type Scope } from './neo4j/scoped-database';
import { handleBrowserRequest } from './web';

export interface AppOptions {
  db: Database;
  log: Logger;
  production: boolean;
  /** Request bounds (BODY_LIMIT_MB, IMPORT_MAX_ROWS); unset ones take the configuration's defaults. */
  limits?: Partial<AppLimits>;
  /**
   * Fixes what every request may see (DESIGN §9) instead of the viewer's scope: the tests drive
   * the partner's view with it (null: everything).
   */
  scope?: Scope;
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
export async function startApp({ db, log, production, limits: given, scope }: AppOptions, port: number): Promise<RunningApp> {
  const limits: AppLimits = { ...DEFAULT_LIMITS, ...given };
  const httpServer = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(resolvers),
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
    if (handleBrowserRequest(req, res, url.pathname, { production })) return;
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found; GraphQL is served at /graphql' });

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.method === 'POST' ? await readJsonBody(req, limits.bodyLimitBytes) : undefined;
    if (body instanceof Error) return sendJson(res, 400, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      // Until sign-in lands every request sees everything; at merge the lead replaces
      // EVERYTHING_VISIBLE with viewerScope(db, viewer) from src/access.
      context: async () => createContext({
        db, log, createLoaders, scope: scope ?? EVERYTHING_VISIBLE, limits: { importMaxRows: limits.importMaxRows }, recorders: mutationRecorders,
      }),
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
