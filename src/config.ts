import path from 'node:path';

/** The process configuration, read from the environment once at start (DESIGN §2). */
export interface Config {
  port: number;
  /** Interface the API listens on: loopback in development, every interface otherwise. */
  host: string;
  /** Unset means: start the embedded Neo4j. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  /** Store folder of the embedded Neo4j. */
  neo4jDataDir: string;
  seed: boolean;
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
  /** Introspection, GraphiQL, stack traces and field suggestions: only when NODE_ENV=development. */
  development: boolean;
  limits: RequestLimits;
  timeouts: Timeouts;
  heavyQuestions: HeavyQuestionBound;
  auth: AuthConfig;
  /** Largest request body the API reads, in bytes (BODY_LIMIT_MB). */
  bodyLimitBytes: number;
  /** Most rows (nodes + relationships) one importGraph mutation takes (IMPORT_MAX_ROWS). */
  importMaxRows: number;
  /** Where people reach this server from outside (confirmation and preference links); no trailing slash. */
  publicUrl: string;
  /** Signs preference-centre links (LINK_SIGNING_SECRET); unset unless NODE_ENV=production is set: see linkSigningSecretFile. */
  linkSigningSecret: string | undefined;
  /** Where development keeps its generated link-signing secret (in the git-ignored data folder). */
  linkSigningSecretFile: string;
  webhooks: WebhookTiming;
  /** Interactions older than this many days are purged (npm run purge, daily in npm start); unset keeps all. */
  retentionInteractionsDays: number | undefined;
  /** How long an Idempotency-Key and its answer are kept. */
  idempotencyTtlHours: number;
  /** How long this process keeps a credential's sign-in (AUTH_CACHE_SECONDS; 0: not at all). */
  authCacheSeconds: number;
  /** Explicit sizes for the embedded Neo4j; unset means sized from the store and the machine. */
  embeddedMemory: { heapMb?: number; pageCacheMb?: number };
}

/** What one GraphQL document may ask for (see README, Operations). */
export interface RequestLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCharacters: number;
  maxCost: number;
}

export interface Timeouts {
  /** Deadline of one GraphQL request; every transaction it runs ends by then. */
  requestMs: number;
  /** Transaction timeout of reads and ordinary writes. */
  transactionMs: number;
  /** Transaction timeout of the import (mutation, CLI, seeds) and of migrations. */
  importTransactionMs: number;
  /** How long a query waits for a connection from the driver's pool. */
  connectionAcquisitionMs: number;
}

/** How many heavy graph questions run at once, and how long one waits for a turn before BUSY. */
export interface HeavyQuestionBound {
  concurrency: number;
  waitMs: number;
}

/** How tokens are verified (DESIGN §9); in production at least one of secret and JWKS URL is set. */
export interface AuthConfig {
  /** HS256 secret (AUTH_JWT_SECRET). Unset in development: a generated one kept in `devSecretFile`. */
  jwtSecret: string | undefined;
  /** An identity provider's JWKS for RS256/ES256 tokens (AUTH_JWKS_URL). */
  jwksUrl: string | undefined;
  /** Required `iss` claim when set (AUTH_ISSUER). */
  issuer: string | undefined;
  /** Required `aud` claim when set (AUTH_AUDIENCE). */
  audience: string | undefined;
  /** Where development keeps its generated secret (in the git-ignored data folder). */
  devSecretFile: string;
}

/** How long a sign-in is kept (AUTH_CACHE_SECONDS): what a replica may lag behind a change of a user or key elsewhere. */
export const DEFAULT_AUTH_CACHE_SECONDS = 10;

/** HS256 wants a key of at least 256 bits; link signing asks as much. */
const MIN_SECRET_LENGTH = 32;

/** How webhook deliveries are paced (DESIGN §10); tests shorten every one of them. */
export interface WebhookTiming {
  /** How often the delivery worker looks for due deliveries. */
  pollMs: number;
  /** How long one delivery may take before it counts as failed. */
  timeoutMs: number;
  /** Wait before the first retry; each further retry waits twice as long, up to retryMaxMs. */
  retryFirstMs: number;
  retryMaxMs: number;
  /** How long one event is retried before the webhook is marked failing. */
  retryForMs: number;
}

export const DEFAULT_WEBHOOK_TIMING: WebhookTiming = {
  pollMs: 1_000,
  timeoutMs: 10_000,
  retryFirstMs: 5_000,
  retryMaxMs: 3_600_000,
  retryForMs: 86_400_000,
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** The defaults every query in the README and the tests stays within. */
export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 10_000,
  maxCharacters: 100_000,
  maxCost: 100_000,
};

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestMs: 10_000,
  transactionMs: 10_000,
  importTransactionMs: 600_000,
  connectionAcquisitionMs: 5_000,
};

export const DEFAULT_HEAVY_QUESTIONS: HeavyQuestionBound = { concurrency: 4, waitMs: 1_000 };

/** Idempotency keys are kept a day at least: long enough for any client's retries (IETF draft). */
export const DEFAULT_IDEMPOTENCY_TTL_HOURS = 24;

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Unset NODE_ENV is production: development features must be asked for (npm start does).
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'production');
  const development = nodeEnv === 'development';
  const port = integer(env, 'PORT', 4000, 0, 65535);
  return {
    port,
    host: env.HOST || (development ? '127.0.0.1' : '0.0.0.0'),
    neo4jUri: neo4jUri(env),
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD ?? '',
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    neo4jDataDir: path.resolve(env.NEO4J_DATA_DIR || '.data/neo4j'),
    seed: flag(env, 'SEED', true),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    nodeEnv,
    development,
    limits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 1_000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 10_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 10_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 1, 10_000_000),
      maxCharacters: integer(env, 'GRAPHQL_MAX_CHARACTERS', DEFAULT_LIMITS.maxCharacters, 1, 100_000_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', DEFAULT_LIMITS.maxCost, 1, 1_000_000_000),
    },
    timeouts: {
      requestMs: integer(env, 'REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs, 100, 3_600_000),
      transactionMs: integer(env, 'NEO4J_TX_TIMEOUT_MS', DEFAULT_TIMEOUTS.transactionMs, 100, 3_600_000),
      importTransactionMs: integer(env, 'IMPORT_TX_TIMEOUT_MS', DEFAULT_TIMEOUTS.importTransactionMs, 1_000, 86_400_000),
      connectionAcquisitionMs: integer(env, 'NEO4J_ACQUISITION_TIMEOUT_MS', DEFAULT_TIMEOUTS.connectionAcquisitionMs, 100, 600_000),
    },
    heavyQuestions: {
      concurrency: integer(env, 'HEAVY_QUERY_CONCURRENCY', DEFAULT_HEAVY_QUESTIONS.concurrency, 1, 1_000),
      waitMs: integer(env, 'HEAVY_QUERY_WAIT_MS', DEFAULT_HEAVY_QUESTIONS.waitMs, 0, 60_000),
    },
    auth: authConfig(env),
    publicUrl: publicUrl(env, port),
    linkSigningSecret: linkSigningSecret(env),
    linkSigningSecretFile: path.resolve('.data/link-signing-secret'),
    webhooks: {
      pollMs: integer(env, 'WEBHOOK_POLL_MS', DEFAULT_WEBHOOK_TIMING.pollMs, 10, 600_000),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', DEFAULT_WEBHOOK_TIMING.timeoutMs, 100, 600_000),
      retryFirstMs: integer(env, 'WEBHOOK_RETRY_FIRST_MS', DEFAULT_WEBHOOK_TIMING.retryFirstMs, 10, 3_600_000),
      retryMaxMs: integer(env, 'WEBHOOK_RETRY_MAX_MS', DEFAULT_WEBHOOK_TIMING.retryMaxMs, 10, 86_400_000),
      retryForMs: integer(env, 'WEBHOOK_RETRY_FOR_MS', DEFAULT_WEBHOOK_TIMING.retryForMs, 10, 2_592_000_000),
    },
    bodyLimitBytes: integer(env, 'BODY_LIMIT_MB', 16, 1, 1024) * 1024 * 1024,
    importMaxRows: integer(env, 'IMPORT_MAX_ROWS', 50_000, 1, 10_000_000),
    retentionInteractionsDays: optionalInteger(env, 'RETENTION_INTERACTIONS_DAYS', 1, 36_500),
    idempotencyTtlHours: integer(env, 'IDEMPOTENCY_KEY_TTL_HOURS', DEFAULT_IDEMPOTENCY_TTL_HOURS, 24, 8_760),
    authCacheSeconds: integer(env, 'AUTH_CACHE_SECONDS', DEFAULT_AUTH_CACHE_SECONDS, 0, 300),
    embeddedMemory: {
      heapMb: optionalInteger(env, 'NEO4J_HEAP_MB', 128, 1_048_576),
      pageCacheMb: optionalInteger(env, 'NEO4J_PAGECACHE_MB', 8, 1_048_576),
    },
  };
}

// Like LINK_SIGNING_SECRET, required where NODE_ENV=production is said outright; with NODE_ENV
// unset, tokens are checked against the generated random secret (nobody else can sign one).
function authConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError('AUTH_JWT_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters long (e.g. openssl rand -base64 48), got ${jwtSecret.length}`);
  }
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (jwksUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(jwksUrl)) {
    throw new ConfigError('AUTH_JWKS_URL', `must be an http(s) URL of the identity provider's JWKS, got "${jwksUrl}"`);
  }
  if (env.NODE_ENV === 'production' && !jwtSecret && !jwksUrl) {
    throw new ConfigError(
      'AUTH_JWT_SECRET or AUTH_JWKS_URL',
      'must be set when NODE_ENV=production: AUTH_JWT_SECRET (HS256, at least 32 characters) or AUTH_JWKS_URL (your identity provider\'s keys)',
    );
  }
  return {
    jwtSecret,
    jwksUrl,
    issuer: env.AUTH_ISSUER || undefined,
    audience: env.AUTH_AUDIENCE || undefined,
    devSecretFile: path.resolve('.data/jwt-secret'),
  };
}

function publicUrl(env: NodeJS.ProcessEnv, port: number): string {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  if (!/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/.test(raw)) {
    throw new ConfigError('PUBLIC_URL', `must be an http(s) address like https://crm.example.com, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}


// Required only where NODE_ENV=production is said outright: an unset NODE_ENV runs as production
// too (safe defaults), but the commands (npm run import, export, purge) and a single instance may
// use the generated secret, which is random as well; instances behind a balancer must share one.
function linkSigningSecret(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.LINK_SIGNING_SECRET;
  if (raw === undefined || raw === '') {
    if (env.NODE_ENV === 'production') throw new ConfigError('LINK_SIGNING_SECRET', `must be set when NODE_ENV=production (at least ${MIN_SECRET_LENGTH} random characters)`);
    return undefined;
  }
  if (raw.length < MIN_SECRET_LENGTH) throw new ConfigError('LINK_SIGNING_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters long`);
  return raw;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  return optionalInteger(env, name, min, max) ?? fallback;
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
}

function neo4jUri(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.NEO4J_URI;
  if (raw === undefined || raw === '') return undefined;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^/\s]+/.test(raw)) {
    throw new ConfigError('NEO4J_URI', `must look like bolt://host:7687 or neo4j://host:7687, got "${raw}"`);
  }
  return raw;
}
