import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLError } from 'graphql';
import { authenticator, enforcePermissions, SignInCache, SignInRefused, viewerScope, type AuthSettings } from './access';
import { createLoaders, handlePublicPage, mutationRecorders, resolvers } from './areas';
import {
  DEFAULT_AUTH_CACHE_SECONDS, DEFAULT_HEAVY_QUESTIONS, DEFAULT_IDEMPOTENCY_TTL_HOURS, DEFAULT_LIMITS, DEFAULT_TIMEOUTS, loadConfig,
  type HeavyQuestionBound, type RequestLimits as DocumentLimits,
} from './config';
import { createContext, type Context, type RequestLimits } from './graphql/context';
import { formatError } from './graphql/errors';
import { heavyQuestionBound } from './graphql/heavy-questions';
import { IDEMPOTENCY_HEADER, idempotencyClaim } from './graphql/idempotency';
import { idempotencyPlugin } from './graphql/idempotency-plugin';
import { capListArguments, documentLimits } from './graphql/limits';
import { buildSchema } from './graphql/schema';
import type { Logger } from './logger';
import type { Viewer } from './graphql/viewer';
import type { Database } from './neo4j/database';
import { handleBrowserRequest } from './web';

export interface AppOptions {
  db: Database;
  log: Logger;
  /** Off: introspection, GraphiQL, stack traces and field suggestions (everything but NODE_ENV=development). */
  production: boolean;
  /** Interface to listen on (default loopback). */
  host?: string;
  /** How tokens are checked (src/access). */
  auth: AuthSettings;
  /** Document limits (GRAPHQL_MAX_*), BODY_LIMIT_MB and IMPORT_MAX_ROWS; unset ones take the defaults. */
  limits?: Partial<AppLimits>;
  /** Deadline of one request (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  heavyQuestions?: HeavyQuestionBound;
  /** How long an Idempotency-Key and its answer are kept (IDEMPOTENCY_KEY_TTL_HOURS). */
  idempotencyTtlHours?: number;
  /** How long a credential's sign-in is kept (AUTH_CACHE_SECONDS; 0: looked up on every request). */
  authCacheSeconds?: number;
  /**
   * Development only (ignored in production): the ADMIN token `npm start` printed, which the
   * explorer's sign-in form offers so that a developer is signed in with one click.
   */
  developmentToken?: string;
}

export interface AppLimits extends RequestLimits, DocumentLimits {
  /** Largest request body read, in bytes. */
  bodyLimitBytes: number;
}

const { bodyLimitBytes, importMaxRows } = loadConfig({});
const DEFAULT_APP_LIMITS: AppLimits = { ...DEFAULT_LIMITS, bodyLimitBytes, importMaxRows };

export interface RunningApp {
  url: string;
  host: string;
  port: number;
  /** Stops accepting, lets requests in flight finish (at most DRAIN_GRACE_MS), then stops Apollo. */
  close(): Promise<void>;
}

/** How long shutdown waits for requests in flight; the request deadline is normally shorter. */
export const DRAIN_GRACE_MS = 10_000;

/**
 * The HTTP face of the API: POST /graphql (Apollo Server 5), GET /healthz (the process lives),
 * GET /readyz (Neo4j answers). A thin integration over node:http, as Apollo's integration
 * guide describes, so that the health routes need no web framework. Neither health route
 * ever waits on the database: /readyz reads the state the background probe keeps.
 */
export async function startApp(options: AppOptions, port: number): Promise<RunningApp> {
  const { db, log, production, auth, developmentToken } = options;
  const limits: AppLimits = { ...DEFAULT_APP_LIMITS, ...options.limits };
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestMs;
  const host = options.host ?? '127.0.0.1';
  const idempotencyTtlHours = options.idempotencyTtlHours ?? DEFAULT_IDEMPOTENCY_TTL_HOURS;
  const httpServer = http.createServer();
  const protection = documentLimits(limits, !production);
  const signIns = new SignInCache(options.authCacheSeconds ?? DEFAULT_AUTH_CACHE_SECONDS);
  const authenticate = authenticator(db, auth, signIns);
  const apollo = new ApolloServer<Context>({
    schema: enforcePermissions(capListArguments(buildSchema(resolvers))),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    // src/shutdown.ts owns SIGINT/SIGTERM; Apollo's own handler would stop the server a second time.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: protection.validationRules,
    formatError: formatError(production, (error) => log.error({ err: error }, 'unexpected error in a request')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }),
      // No field sets cache hints; Apollo's default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      heavyQuestionBound(options.heavyQuestions ?? DEFAULT_HEAVY_QUESTIONS),
      idempotencyPlugin(),
    ],
  });
  await apollo.start();
  let stopping = false;

  httpServer.on('request', (req, res) => {
    route(req, res).catch((error) => {
      if (clientWentAway(req, error)) {
        // Not a fault of the API: a client (or a load generator at its end) hung up mid-request.
        log.info({ method: req.method, url: req.url }, 'client closed the connection before its request was read');
        return;
      }
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return readiness(res);
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
        if (isCodedError(error)) return sendCodedError(res, error);
        throw error;
      }
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.method === 'POST' ? await readJsonBody(req, limits.bodyLimitBytes) : undefined;
    if (body instanceof Error) return sendJson(res, 400, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });
    const tooLong = queryTooLong(body, url, limits.maxCharacters);
    if (tooLong) return sendJson(res, 400, { errors: [{ message: tooLong, extensions: { code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_CHARACTERS' } }] });
    const idempotency = idempotencyClaim(headers.get(IDEMPOTENCY_HEADER), body, idempotencyTtlHours, viewer?.id ?? '');
    if (idempotency instanceof Error) return sendJson(res, 400, { errors: [{ message: idempotency.message, extensions: { code: 'BAD_USER_INPUT' } }] });

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        if (!viewer) throw new GraphQLError('Sign in to run operations.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        // What the request may see follows from who asks: a PARTNER its partner's scope, everyone else everything.
        return createContext({
          db: db.forRequest(requestTimeoutMs),
          log,
          createLoaders,
          viewer,
          scope: viewerScope(db, viewer),
          limits: { importMaxRows: limits.importMaxRows },
          recorders: mutationRecorders,
          idempotency,
          // A mutation may have changed a user or key: the next request signs in afresh.
          afterCommit: () => signIns.forgetAll(),
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

  function readiness(res: http.ServerResponse): void {
    if (stopping) return sendJson(res, 503, { status: 'shutting down' });
    if (db.isReady()) return sendJson(res, 200, { status: 'ready' });
    res.setHeader('retry-after', '5');
    return sendJson(res, 503, { status: 'neo4j unreachable', reason: db.unreadyReason() });
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/graphql`,
    host,
    port: actualPort,
    close: () => {
      stopping = true;
      return apollo.stop();
    },

  };
}

/** A browser opening the IDE page at GET /graphql (no operation): the page needs no credential. */
function asksForThePage(req: http.IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

/** HTTP 401 (or 503 when the identity provider is unreachable) with one error and no data. */
/** Seconds a client waits before it retries a sign-in that failed on our side (Neo4j or the keys unreachable). */
const SIGN_IN_RETRY_AFTER_SECONDS = 5;

function sendRefusal(res: http.ServerResponse, refusal: SignInRefused): void {
  if (refusal.status === 401) res.setHeader('www-authenticate', 'Bearer realm="xrm-graph"');
  if (refusal.status === 503) {
    res.setHeader('retry-after', String(SIGN_IN_RETRY_AFTER_SECONDS));
    return sendJson(res, 503, { errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason, retryAfter: SIGN_IN_RETRY_AFTER_SECONDS } }] });
  }
  sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}

/** A database failure while signing in (Neo4j gone, the deadline passed): what any request would answer. */
function isCodedError(error: unknown): error is GraphQLError {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT';
}

function sendCodedError(res: http.ServerResponse, error: GraphQLError): void {
  const { http: answer, ...extensions } = error.extensions as { http?: { status?: number; headers?: HeaderMap } };
  for (const [name, value] of answer?.headers ?? []) res.setHeader(name, value);
  sendJson(res, answer?.status ?? 200, { errors: [{ message: error.message, extensions }] });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The GraphQL document's length check (GRAPHQL_MAX_CHARACTERS), before it is parsed at all. */
function queryTooLong(body: unknown, url: URL, maxCharacters: number): string | undefined {
  const query = body && typeof body === 'object' && 'query' in body ? (body as { query: unknown }).query : url.searchParams.get('query');
  if (typeof query !== 'string' || query.length <= maxCharacters) return undefined;
  return `The GraphQL document has ${query.length} characters; at most ${maxCharacters} are allowed (GRAPHQL_MAX_CHARACTERS). Pass data in variables, not in the document.`;
}

/** Reading the request failed because the client hung up before sending all of it. */
function clientWentAway(req: http.IncomingMessage, error: unknown): boolean {
  return req.destroyed && (error as NodeJS.ErrnoException)?.code === 'ECONNRESET';
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
