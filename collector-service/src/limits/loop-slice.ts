/**
 * Long synchronous work cut into slices: between two slices the event loop serves other requests and collection.
 * The slice is the process's, not each task's: rules evaluated one after another, each under 3 ms, held the loop
 * 10 ms together when each kept its own clock; and work waiting to resume goes on one task per turn of the loop,
 * so several sliced tasks at once never run their slices back to back.
 */

/**
 * Longest stretch of synchronous work between two turns of the event loop: what a cheap request can wait
 * behind long work. Under 50 connections a cache-hit read takes 1-2 ms, so 10 ms slices were what its p99
 * showed; a yield with nothing waiting costs microseconds (PromQL range reads timed no slower at 3 ms).
 */
const SLICE_MS = 3;

/**
 * Small steps of a long loop taken between two calls of pauseSlice (`if (i % ITEMS_PER_PAUSE === 0)`): a clock
 * read and an await at every step would cost more than the steps. At 10,000 servers, collection's loops and a
 * rule's series lookups held the event loop 10-60 ms each before they paused.
 */
export const ITEMS_PER_PAUSE = 64;

/** When the running slice began: the last time sliced work resumed after the loop's turn. */
let sliceStart = performance.now();
/** Sliced work waiting for a turn, oldest first. */
const waiting: Array<() => void> = [];

function resumeNext(): void {
  const next = waiting.shift()!;
  // Scheduled from within this turn's immediates, the next one waits for the loop's next turn.
  if (waiting.length > 0) setImmediate(resumeNext);
  sliceStart = performance.now();
  next();
}

/** Gives the event loop a turn once the running slice has held it for SLICE_MS; otherwise returns at once. */
export function pauseSlice(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (waiting.length === 1) setImmediate(resumeNext);
  });
}
