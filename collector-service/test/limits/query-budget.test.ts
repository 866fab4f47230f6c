/** One budget per request: samples counted across every read, a deadline, and a signal for whatever can stop early. */
import { LimitError, QueryBudget } from '../../src/limits';

test('samples are counted across charges; past QUERY_MAX_SAMPLES the request fails with 422 and its signal fires', () => {
  const budget = new QueryBudget({ timeoutMs: 10_000, maxSamples: 100 });
  budget.charge(60);
  expect(budget.remaining).toBe(40);
  expect(() => budget.charge(41)).toThrow(
    expect.objectContaining({
      status: 422,
      code: 'samples_limit',
      message: expect.stringContaining('QUERY_MAX_SAMPLES=100'),
    })
  );
  // Every other read of the same request now stops too.
  expect(budget.signal.aborted).toBe(true);
  expect(() => budget.checkDeadline()).toThrow(expect.objectContaining({ code: 'samples_limit' }));
});

test('past the deadline every check fails with 422 naming QUERY_TIMEOUT_MS', () => {
  let now = 0;
  const budget = new QueryBudget({ timeoutMs: 1_000, maxSamples: 100 }, { clock: () => now });
  expect(() => budget.checkDeadline()).not.toThrow();
  now = 1_001;
  expect(() => budget.checkDeadline()).toThrow(
    expect.objectContaining({
      status: 422,
      code: 'query_timeout',
      message: expect.stringContaining('QUERY_TIMEOUT_MS=1000'),
    })
  );
});

test('a client that goes away abandons the work', () => {
  const client = new AbortController();
  const budget = new QueryBudget({ timeoutMs: 10_000, maxSamples: 100 }, { signal: client.signal });
  client.abort();
  expect(budget.signal.aborted).toBe(true);
  expect(() => budget.checkDeadline()).toThrow(expect.objectContaining({ code: 'client_closed' }));
});

test('a statement cancelled by statement_timeout (SQLSTATE 57014) is explained as the deadline', () => {
  const budget = new QueryBudget({ timeoutMs: 10_000, maxSamples: 100 });
  const explained = budget.explain(
    Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })
  );
  expect(explained).toBeInstanceOf(LimitError);
  expect(explained).toMatchObject({ code: 'query_timeout' });
  const other = new Error('relation does not exist');
  expect(new QueryBudget({ timeoutMs: 10_000, maxSamples: 100 }).explain(other)).toBe(other);
});

test('pause lets other work run once a slice of synchronous work has passed', async () => {
  const budget = new QueryBudget({ timeoutMs: 10_000, maxSamples: 100 });
  let ran = false;
  setImmediate(() => (ran = true));
  const until = performance.now() + 15;
  while (performance.now() < until); // hold the event loop past one slice
  await budget.pause();
  expect(ran).toBe(true);
});
