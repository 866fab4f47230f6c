/** Long synchronous work cut into slices: between two slices the event loop serves other requests and collection. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/**
 * Longest stretch of synchronous work between two yields to the event loop: what a cheap request can wait
 * behind long work. Under 50 connections a cache-hit read takes 1-2 ms, so 10 ms slices were what its p99
 * showed; a yield with nothing waiting costs microseconds (PromQL range reads timed no slower at 3 ms).
 */
const SLICE_MS = 3;

export class LoopSlice {
  private sliceStart = performance.now();

  /** Yields to the event loop once this slice has held it for SLICE_MS; otherwise returns at once. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await yieldToLoop();
    this.sliceStart = performance.now();
  }
}
