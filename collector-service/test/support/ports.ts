/** A loopback TCP port that nothing listens on at the moment (shared with the benchmarks). */
export { freePort } from '../../src/bench/loopback';
