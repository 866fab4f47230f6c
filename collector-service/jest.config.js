/** Unit and integration tests of the collector service (Node environment, TypeScript through swc). */
module.exports = {
  displayName: 'collector-service',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  restoreMocks: true,
  // Tests run against the contract's TypeScript source, so they need no build of packages/contract first.
  moduleNameMapper: {
    '^@openmanager/contract$': '<rootDir>/../packages/contract/src/index.ts',
    '^@openmanager/contract/names$': '<rootDir>/../packages/contract/src/names.ts',
    // A dynamic import() names the compiled file (`./x.js`); under jest it is the TypeScript source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
};
