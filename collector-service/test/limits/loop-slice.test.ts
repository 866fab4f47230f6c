/**
 * Sliced work gives the event loop a turn every few milliseconds, counted across the process: tasks that run
 * one after another, or at the same time, must not add their slices up into one long stall.
 */
import { QueryBudget } from '../../src/limits';
import { pauseSlice } from '../../src/limits/loop-slice';
import { watchEventLoop } from '../support/event-loop-watch';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test('short tasks run one after another, each under a slice, still leave the loop turns between them', async () => {
  // As a rule group's rules: each with its own budget, each pausing between 1 ms batches.
  const watched = await watchEventLoop(async () => {
    for (let rule = 0; rule < 40; rule++) {
      const budget = new QueryBudget({ timeoutMs: 60_000, maxSamples: 1e9 });
      for (let batch = 0; batch < 2; batch++) {
        busy(1);
        await budget.pause();
      }
    }
  });
  // A turn every slice of 80 ms of work (counted in turns, not gaps: a loaded machine preempts the test itself).
  // With a clock per task, no rule reached a slice of its own: other work got no turn at all.
  expect(watched.tookMs).toBeGreaterThanOrEqual(80);
  expect(watched.turns).toBeGreaterThanOrEqual(10);
});

test('two sliced tasks at once take turns with other work: never two slices in one turn of the loop', async () => {
  const events: string[] = [];
  let running = true;
  const otherWork = () => {
    events.push('other');
    if (running) setImmediate(otherWork);
  };
  setImmediate(otherWork);
  const task = async (name: string) => {
    for (let step = 0; step < 15; step++) {
      busy(1);
      events.push(name);
      await pauseSlice();
    }
  };
  await Promise.all([task('A'), task('B')]);
  running = false;

  // Each run of one task's steps is a slice; from the loop's first turn on (both began in the same one),
  // other work had its turn between any two slices.
  const afterStart = events.slice(events.indexOf('other'));
  const slices = afterStart.filter((e, i) => e !== 'other' && afterStart[i - 1] !== e);
  expect(slices.length).toBeGreaterThanOrEqual(8);
  afterStart.forEach((e, i) => {
    if (e !== 'other' && afterStart[i - 1] !== e) expect(afterStart[i - 1]).toBe('other');
  });
});
