import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that start the embedded Neo4j with the sample world on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, neo4jUri: undefined, seed: true, logLevel: 'info', neo4jDatabase: 'neo4j' });
    expect(config.retentionInteractionsDays).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080', NEO4J_URI: 'neo4j://db:7687', NEO4J_USER: 'app', NEO4J_PASSWORD: 's3cret',
      NEO4J_DATABASE: 'xrm', SEED: 'false', LOG_LEVEL: 'debug', NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(32),
      BODY_LIMIT_MB: '4', IMPORT_MAX_ROWS: '1000', RETENTION_INTERACTIONS_DAYS: '730',
      PUBLIC_URL: 'https://crm.example.com/', LINK_SIGNING_SECRET: 'x'.repeat(40), WEBHOOK_RETRY_FIRST_MS: '200',
    });
    expect(config).toMatchObject({
      port: 8080, neo4jUri: 'neo4j://db:7687', neo4jUser: 'app', neo4jPassword: 's3cret',
      neo4jDatabase: 'xrm', seed: false, logLevel: 'debug', nodeEnv: 'production',
      bodyLimitBytes: 4 * 1024 * 1024, importMaxRows: 1000, retentionInteractionsDays: 730,
      publicUrl: 'https://crm.example.com', linkSigningSecret: 'x'.repeat(40),
      webhooks: { retryFirstMs: 200, pollMs: 1000, timeoutMs: 10000, retryMaxMs: 3600000, retryForMs: 86400000 },
    });
  });

  it('reads the sign-in variables; without them development keeps a generated secret in the data folder', () => {
    expect(loadConfig({}).auth).toEqual({
      jwtSecret: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined, devSecretFile: expect.stringMatching(/\.data\/jwt-secret$/),
    });
    const auth = loadConfig({
      AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://login.example/keys', AUTH_ISSUER: 'https://login.example', AUTH_AUDIENCE: 'xrm-graph',
    }).auth;
    expect(auth).toMatchObject({ jwtSecret: 'x'.repeat(32), jwksUrl: 'https://login.example/keys', issuer: 'https://login.example', audience: 'xrm-graph' });
  });

  it('refuses to start in production without AUTH_JWT_SECRET or AUTH_JWKS_URL, naming both', () => {
    const production = { NODE_ENV: 'production', LINK_SIGNING_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL must be set when NODE_ENV=production/);
    expect(loadConfig({ ...production, AUTH_JWKS_URL: 'https://login.example/keys' }).auth.jwksUrl).toBe('https://login.example/keys');
    expect(loadConfig({ ...production, AUTH_JWT_SECRET: 's'.repeat(40) }).auth.jwtSecret).toBe('s'.repeat(40));
  });

  it.each([
    ['AUTH_JWT_SECRET', 'short', /AUTH_JWT_SECRET must be at least 32 characters/],
    ['AUTH_JWKS_URL', 'login.example/keys', /AUTH_JWKS_URL must be an http\(s\) URL/],
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must look like bolt:\/\//],
    ['SEED', 'maybe', /SEED must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
    ['BODY_LIMIT_MB', '0', /BODY_LIMIT_MB must be a whole number from 1 to 1024/],
    ['IMPORT_MAX_ROWS', 'lots', /IMPORT_MAX_ROWS must be a whole number/],
    ['PUBLIC_URL', 'crm.example.com', /PUBLIC_URL must be an http\(s\) address/],
    ['LINK_SIGNING_SECRET', 'short', /LINK_SIGNING_SECRET must be at least 32 characters/],
    ['WEBHOOK_RETRY_FIRST_MS', '0', /WEBHOOK_RETRY_FIRST_MS must be a whole number/],
    ['RETENTION_INTERACTIONS_DAYS', 'two years', /RETENTION_INTERACTIONS_DAYS must be a whole number from 1 to 36500/],
    ['RETENTION_INTERACTIONS_DAYS', '0', /RETENTION_INTERACTIONS_DAYS must be a whole number from 1 to 36500/],
  ])('stops on a bad %s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('links point at the local server by default, and production needs a link-signing secret', () => {
    expect(loadConfig({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(loadConfig({}).linkSigningSecret).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(32) })).toThrow(/LINK_SIGNING_SECRET must be set when NODE_ENV=production/);
  });
});
