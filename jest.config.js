/**
 * Every test file runs in one of two workers, each against a Neo4j of its own: the embedded ones
 * test/support/global-setup.ts starts, one per worker. With NEO4J_URI set there is one server,
 * and tests empty its database, so the files run one after another in a single worker.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  maxWorkers: process.env.NEO4J_URI ? 1 : 2,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['<rootDir>/test/support/worker-neo4j.ts'],
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120_000,
};
