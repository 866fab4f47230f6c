/** Long work must leave the event loop to others: counts the turns other work got while `work` ran, and the longest wait between two. */
export interface EventLoopWatch<T> {
  result: T;
  tookMs: number;
  turns: number;
  longestGapMs: number;
}

export async function watchEventLoop<T>(work: () => Promise<T>): Promise<EventLoopWatch<T>> {
  let turns = 0;
  let longestGapMs = 0;
  let last = performance.now();
  let running = true;
  const otherWork = () => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    turns++;
    if (running) setImmediate(otherWork);
  };
  setImmediate(otherWork);
  const started = performance.now();
  try {
    const result = await work();
    return { result, tookMs: performance.now() - started, turns, longestGapMs };
  } finally {
    running = false;
  }
}
