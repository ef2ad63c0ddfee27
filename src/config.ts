import path from 'node:path';

/** The process configuration, read from the environment once at start (DESIGN §2). */
export interface Config {
  port: number;
  /** Unset means: start the embedded Neo4j. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  /** Store folder of the embedded Neo4j. */
  neo4jDataDir: string;
  seed: boolean;
  logLevel: LogLevel;
  nodeEnv: 'development' | 'production' | 'test';
  auth: AuthConfig;
  /** Largest request body the API reads, in bytes (BODY_LIMIT_MB). */
  bodyLimitBytes: number;
  /** Most rows (nodes + relationships) one importGraph mutation takes (IMPORT_MAX_ROWS). */
  importMaxRows: number;
  /** Where people reach this server from outside (confirmation and preference links); no trailing slash. */
  publicUrl: string;
  /** Signs preference-centre links (LINK_SIGNING_SECRET); unset outside production: see linkSigningSecretFile. */
  linkSigningSecret: string | undefined;
  /** Where development keeps its generated link-signing secret (in the git-ignored data folder). */
  linkSigningSecretFile: string;
  webhooks: WebhookTiming;
  /** Interactions older than this many days are purged (npm run purge, daily in npm start); unset keeps all. */
  retentionInteractionsDays: number | undefined;
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

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 4000, 0, 65535);
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  return {
    port,
    neo4jUri: neo4jUri(env),
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD ?? '',
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    neo4jDataDir: path.resolve(env.NEO4J_DATA_DIR || '.data/neo4j'),
    seed: flag(env, 'SEED', true),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    nodeEnv,
    auth: authConfig(env, nodeEnv),
    publicUrl: publicUrl(env, port),
    linkSigningSecret: linkSigningSecret(env, nodeEnv),
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
  };
}

function authConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv']): AuthConfig {
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError('AUTH_JWT_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters long (e.g. openssl rand -base64 48), got ${jwtSecret.length}`);
  }
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (jwksUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(jwksUrl)) {
    throw new ConfigError('AUTH_JWKS_URL', `must be an http(s) URL of the identity provider's JWKS, got "${jwksUrl}"`);
  }
  if (nodeEnv === 'production' && !jwtSecret && !jwksUrl) {
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

function linkSigningSecret(env: NodeJS.ProcessEnv, nodeEnv: (typeof NODE_ENVS)[number]): string | undefined {
  const raw = env.LINK_SIGNING_SECRET;
  if (raw === undefined || raw === '') {
    if (nodeEnv === 'production') throw new ConfigError('LINK_SIGNING_SECRET', `must be set when NODE_ENV=production (at least ${MIN_SECRET_LENGTH} random characters)`);
    return undefined;
  }
  if (raw.length < MIN_SECRET_LENGTH) throw new ConfigError('LINK_SIGNING_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters long`);
  return raw;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return integer(env, name, min, min, max);
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
