/** Unit and integration tests of the collector service (Node environment, TypeScript through swc). */
module.exports = {
  displayName: 'collector-service',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  restoreMocks: true,
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
};
