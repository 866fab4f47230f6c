/** Cross-package tests: the service against real PostgreSQL/Redis/Prometheus, the plugins against a running service, browser tests. */
module.exports = {
  displayName: 'system',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
};
