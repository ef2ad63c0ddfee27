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
  /** Largest request body the API reads, in bytes (BODY_LIMIT_MB). */
  bodyLimitBytes: number;
  /** Most rows (nodes + relationships) one importGraph mutation takes (IMPORT_MAX_ROWS). */
  importMaxRows: number;
  /** Interactions older than this many days are purged (npm run purge, daily in npm start); unset keeps all. */
  retentionInteractionsDays: number | undefined;
}

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
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    neo4jUri: neo4jUri(env),
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD ?? '',
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    neo4jDataDir: path.resolve(env.NEO4J_DATA_DIR || '.data/neo4j'),
    seed: flag(env, 'SEED', true),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    nodeEnv: oneOf(env, 'NODE_ENV', NODE_ENVS, 'development'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_MB', 16, 1, 1024) * 1024 * 1024,
    importMaxRows: integer(env, 'IMPORT_MAX_ROWS', 50_000, 1, 10_000_000),
    retentionInteractionsDays: optionalInteger(env, 'RETENTION_INTERACTIONS_DAYS', 1, 36_500),
  };
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
