/** One jest run for the whole repository: each workspace and the cross-package tests are a project. */
module.exports = {
  // Rendering Grafana's components in jsdom takes seconds on a busy two-core machine; speed is not what tests check.
  testTimeout: 30_000,
  projects: ['<rootDir>/collector-service', '<rootDir>/plugin', '<rootDir>/tests'],
};
