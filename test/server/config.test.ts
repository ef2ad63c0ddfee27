import { ConfigError, DEFAULT_LIMITS, DEFAULT_TIMEOUTS, loadConfig } from '../../src/config';
import { planEmbeddedMemory } from '../../src/neo4j/embedded-memory';

const MB = 1024 * 1024;

describe('safe defaults', () => {
  it('runs as production when NODE_ENV is unset, listening on every interface', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'production', development: false, host: '0.0.0.0' });
  });

  it('turns development features on only when NODE_ENV=development asks, and then listens on loopback', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ development: true, host: '127.0.0.1' });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ development: false, host: '0.0.0.0' });
  });

  it('listens where HOST says', () => {
    expect(loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
  });

  it('has the documented limits and time bounds by default', () => {
    const config = loadConfig({});
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.timeouts).toEqual(DEFAULT_TIMEOUTS);
    expect(config.timeouts.transactionMs).toBeLessThan(config.timeouts.importTransactionMs);
    expect(config.heavyQuestions).toEqual({ concurrency: 4, waitMs: 1000 });
    expect(config.embeddedMemory).toEqual({ heapMb: undefined, pageCacheMb: undefined });
  });

  it('reads every limit, time bound and memory size', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_DIRECTIVES: '7', GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_CHARACTERS: '2000', GRAPHQL_MAX_COST: '900',
      REQUEST_TIMEOUT_MS: '3000', NEO4J_TX_TIMEOUT_MS: '2000', IMPORT_TX_TIMEOUT_MS: '60000', NEO4J_ACQUISITION_TIMEOUT_MS: '500',
      HEAVY_QUERY_CONCURRENCY: '2', HEAVY_QUERY_WAIT_MS: '0', NEO4J_HEAP_MB: '2048', NEO4J_PAGECACHE_MB: '512',
    });
    expect(config.limits).toEqual({ maxDepth: 8, maxAliases: 5, maxDirectives: 7, maxTokens: 500, maxCharacters: 2000, maxCost: 900 });
    expect(config.timeouts).toEqual({ requestMs: 3000, transactionMs: 2000, importTransactionMs: 60000, connectionAcquisitionMs: 500 });
    expect(config.heavyQuestions).toEqual({ concurrency: 2, waitMs: 0 });
    expect(config.embeddedMemory).toEqual({ heapMb: 2048, pageCacheMb: 512 });
  });

  it.each([
    ['GRAPHQL_MAX_COST', 'lots', /GRAPHQL_MAX_COST must be a whole number/],
    ['REQUEST_TIMEOUT_MS', '0', /REQUEST_TIMEOUT_MS must be a whole number from 100/],
    ['HEAVY_QUERY_CONCURRENCY', '0', /HEAVY_QUERY_CONCURRENCY must be a whole number from 1/],
    ['NEO4J_HEAP_MB', '64', /NEO4J_HEAP_MB must be a whole number from 128/],
  ])('stops on a bad %s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('the embedded Neo4j memory plan', () => {
  it('gives a new store the minimum page cache and a 1 GB heap on a large machine', () => {
    expect(planEmbeddedMemory({ storeBytes: 0, machineBytes: 24_000 * MB })).toMatchObject({ heapMb: 1024, pageCacheMb: 64, storeMb: 0 });
  });

  it('holds the whole store in the page cache with room to grow, and grows the heap by half the store', () => {
    const plan = planEmbeddedMemory({ storeBytes: 1500 * MB, machineBytes: 24_000 * MB });
    expect(plan).toMatchObject({ storeMb: 1500, pageCacheMb: 1800, heapMb: 1774 });
  });

  it('leaves three quarters of a small machine to everything else', () => {
    const plan = planEmbeddedMemory({ storeBytes: 10_000 * MB, machineBytes: 4096 * MB });
    expect(plan).toMatchObject({ heapMb: 1024, pageCacheMb: 1024 });
  });

  it('never goes below 512 MB of heap and 64 MB of page cache', () => {
    expect(planEmbeddedMemory({ storeBytes: 0, machineBytes: 1024 * MB })).toMatchObject({ heapMb: 512, pageCacheMb: 64 });
  });

  it('takes NEO4J_HEAP_MB and NEO4J_PAGECACHE_MB over the rule, and says so', () => {
    const plan = planEmbeddedMemory({ storeBytes: 1500 * MB, machineBytes: 24_000 * MB, heapMb: 4096, pageCacheMb: 256 });
    expect(plan).toMatchObject({ heapMb: 4096, pageCacheMb: 256, overridden: { heap: true, pageCache: true } });
  });
});
