/** Cross-package tests: the service against real PostgreSQL/Redis/Prometheus, the plugins against a running service, browser tests. */
module.exports = {
  displayName: 'system',
  testEnvironment: 'node',
  rootDir: '.',
  // Tests run against the contract's TypeScript source, so they need no build of packages/contract first.
  moduleNameMapper: {
    '^@openmanager/contract$': '<rootDir>/../packages/contract/src/index.ts',
    '^@openmanager/contract/names$': '<rootDir>/../packages/contract/src/names.ts',
  },
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
};
