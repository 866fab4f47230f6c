/** One jest run for the whole repository: each workspace and the cross-package tests are a project. */
module.exports = {
  projects: ['<rootDir>/collector-service', '<rootDir>/plugin', '<rootDir>/tests'],
};
