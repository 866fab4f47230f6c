/** Jest project of the Grafana plugins: the scaffold's jsdom set-up, run from the root jest's `projects`. */
// force timezone to UTC so rendered dates do not depend on the machine
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

module.exports = {
  ...base,
  displayName: 'plugin',
  runtime: '<rootDir>/jest/commonjs-runtime.js',
  // d3-color and friends ship only .mjs; the scaffold's transform key matches .js/.ts only.
  transform: { '^.+\\.m?[tj]sx?$': base.transform['^.+\\.(t|j)sx?$'] },
  // Rendering Grafana's components in jsdom takes seconds on a busy two-core machine; speed is not what these tests check.
  testTimeout: 30_000,
};
