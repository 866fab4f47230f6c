/**
 * Each input that stopped or killed the service on main, as its own test: every one is answered with a 2xx
 * or a 422 naming the limit, and /api/health still answers afterwards.
 */
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

const JSON_HEADERS = { 'content-type': 'application/json' };
const CATASTROPHIC = '(.*.*)*Z';

describe('the read path under hostile single requests', () => {
  let service: RunningService;
  beforeAll(async () => {
    // A samples budget small enough that 40 selectors over 2 h of history pass it, one does not.
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '2', QUERY_MAX_SAMPLES: '100000' } });
    await service.backfillDone;
    await service.context.manager.tick();
  }, 120_000);
  afterAll(() => service.close());

  afterEach(async () => {
    const health = await service.app.request('/api/health');
    expect(health.status).toBe(200);
  });

  const query = (body: unknown) =>
    service.app.request('/api/query', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  const prom = async (path: string, params: Record<string, string>) => {
    const res = await service.app.request(`/prometheus/api/v1/${path}?${new URLSearchParams(params)}`);
    return {
      status: res.status,
      body: (await res.json()) as { status: string; errorType?: string; error?: string; data?: any },
    };
  };
  const nowS = () => String(Date.now() / 1000);

  test('POST /api/query with from -1, to 1e30 and 2 points answers (the step search used to loop for ever)', async () => {
    const res = await query({ range: { from: -1, to: 1e30 }, maxDataPoints: 2, targets: [{ refId: 'A' }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { A: { frames: Array<{ data: { values: unknown[][] } }> } } };
    for (const frame of body.results.A.frames) expect(frame.data.values[0]?.length ?? 0).toBeLessThanOrEqual(2);
  });

  test(`a catastrophic regex under /prometheus, {__name__=~"${CATASTROPHIC}"}, answers an empty vector`, async () => {
    const { status, body } = await prom('query', { query: `{__name__=~"${CATASTROPHIC}"}`, time: nowS() });
    expect(status).toBe(200);
    expect(body.data).toEqual({ resultType: 'vector', result: [] });
  });

  test('offsets and ranges of millions of years answer with nothing there, not a 500 (found by the read fuzzing)', async () => {
    const end = Date.now() / 1000;
    const range = { start: String(end - 3600), end: String(end), step: '60' };
    const offset = await prom('query_range', { query: 'openmanager_load1 offset 101793706y', ...range });
    expect(offset.status).toBe(200);
    expect(offset.body.data).toEqual({ resultType: 'matrix', result: [] });
    // a range reaching back before the epoch still counts what is stored
    const ever = await prom('query', { query: 'count(changes(openmanager_up[241244140w]))', time: String(end) });
    expect(ever.status).toBe(200);
    expect(ever.body.data.result.map((s: { value: [number, string] }) => s.value[1])).toEqual(['30']);
  });

  test('the same regex in an ad hoc filter of /api/query answers, matching nothing', async () => {
    const now = Date.now();
    const res = await query({
      range: { from: now - 3_600_000, to: now },
      targets: [{ refId: 'A' }],
      filters: [{ key: 'region', operator: '=~', value: CATASTROPHIC }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: { A: { frames: Array<{ schema: { meta?: { notices?: Array<{ text: string }> } } }> } };
    };
    expect(JSON.stringify(body.results.A.frames)).toContain('no server matches');
  });

  test('the same regex in label_replace answers, leaving the labels as they were', async () => {
    const { status, body } = await prom('query', {
      query: `label_replace(openmanager_up{server="DB-EU-002"}, "x", "$1", "server", "${CATASTROPHIC}")`,
      time: nowS(),
    });
    expect(status).toBe(200);
    expect(body.data.result).toHaveLength(1);
    expect(body.data.result[0].metric).not.toHaveProperty('x');
  });

  test('max_over_time(openmanager_up[30d:1ms]) is refused with 422 naming the subquery steps (Node used to abort)', async () => {
    const { status, body } = await prom('query', { query: 'max_over_time(openmanager_up[30d:1ms])', time: nowS() });
    expect(status).toBe(422);
    expect(body.status).toBe('error');
    expect(body.error).toMatch(
      /subquery \[2592000s:0\.001s\] takes \d+ steps per evaluation, more than the 11000 allowed; use a larger subquery step/
    );
  });

  test('50 targets over every server and metric with the most points is refused with 422 naming QUERY_MAX_SAMPLES', async () => {
    const targets = Array.from({ length: 50 }, (_, i) => ({
      refId: `T${i}`,
      metrics: ['cpu', 'memory', 'disk', 'network_in', 'network_out', 'load'],
    }));
    const res = await query({ range: { from: 0, to: Date.now() + 86_400_000 }, maxDataPoints: 10_000, targets });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('samples_limit');
    expect(body.error.message).toContain('QUERY_MAX_SAMPLES=100000');
    expect(body.error.message).toContain('use a shorter range, a larger step, or fewer servers, metrics or targets');
  });

  test('40 selectors share one samples budget under /prometheus: one passes, forty are refused with 422', async () => {
    const start = String(Date.now() / 1000 - 7200);
    const one = 'sum(openmanager_cpu_usage_percent)';
    const range = { start, end: nowS(), step: '60' };
    expect((await prom('query_range', { query: one, ...range })).status).toBe(200);
    const forty = Array.from({ length: 40 }, (_, i) => `sum(openmanager_cpu_usage_percent offset ${i}s)`).join(' + ');
    const { status, body } = await prom('query_range', { query: forty, ...range });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 'error', errorType: 'execution' });
    expect(body.error).toContain('QUERY_MAX_SAMPLES=100000');
  });

  test('a 50 MB /api/ask body is refused with 413 before it is read whole', async () => {
    const body = JSON.stringify({ question: 'x'.repeat(50 * 1024 * 1024) });
    const res = await service.app.request('/api/ask', { method: 'POST', headers: JSON_HEADERS, body });
    expect(res.status).toBe(413);
    const answer = (await res.json()) as { error: { code: string; message: string } };
    expect(answer.error).toEqual({
      code: 'payload_too_large',
      message: expect.stringContaining('BODY_LIMIT_BYTES=1048576'),
    });
  });

  test('a body that is not JSON on a JSON route is refused with 415; Prometheus keeps its form-encoded POST', async () => {
    const res = await service.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"question":"hi"}',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    const form = await service.app.request('/prometheus/api/v1/query', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=1%2B1',
    });
    expect(form.status).toBe(200);
  });
});
