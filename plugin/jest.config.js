/** Jest project of the Grafana plugins: the scaffold's jsdom set-up, run from the root jest's `projects`. */
// force timezone to UTC so rendered dates do not depend on the machine
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

module.exports = {
  ...base,
  displayName: 'plugin',
  // The contract's TypeScript source, so tests need no build of packages/contract first.
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^@openmanager/contract$': '<rootDir>/../packages/contract/src/index.ts',
    '^@openmanager/contract/names$': '<rootDir>/../packages/contract/src/names.ts',
  },
  runtime: '<rootDir>/jest/commonjs-runtime.js',
  // d3-color and friends ship only .mjs; the scaffold's transform key matches .js/.ts only.
  transform: { '^.+\\.m?[tj]sx?$': base.transform['^.+\\.(t|j)sx?$'] },
};
