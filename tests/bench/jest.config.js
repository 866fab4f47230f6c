/** `npm run bench:outage`: measurements that take minutes and assert nothing about speed; not part of `npm test`. */
module.exports = {
  displayName: 'bench',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/*.bench.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
};
