/**
 * History past the raw retention: two weeks of dummy backfill answer week and month ranges from the rollups, as the
 * fleet dashboard asks them, and a question comparing this week with last week.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataFrameJson, MetricsAnswer, QueryAnswer } from '@openmanager/contract';
import type { RunningService } from '../../src/service';
import { createTestDatabase, type TestDatabase } from '../support/services';
import { startTestService } from '../support/test-service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DASHBOARD = path.resolve(__dirname, '../../../provisioning/dashboards/openmanager/openmanager-fleet.json');

interface Panel {
  title: string;
  targets?: Array<Record<string, unknown> & { queryType?: string }>;
}

/** The fleet dashboard's time-series targets (one request, so refIds named by panel), with the All server selection (an empty list). */
function dashboardTimeseriesTargets(): Array<Record<string, unknown>> {
  const { panels } = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  return panels.flatMap((p) =>
    (p.targets ?? [])
      .filter((t) => t.queryType === 'timeseries')
      .map((t) => ({ ...t, refId: `${p.title} ${String(t.refId)}`, servers: [] }))
  );
}

describe('history beyond the raw retention (two weeks backfilled into PostgreSQL)', () => {
  let db: TestDatabase;
  let service: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService({ env: { DATABASE_URL: db.url, DUMMY_BACKFILL_HOURS: '336' } });
    expect(await service.backfillDone).toMatchObject({ state: 'done' });
  }, 300_000);
  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const metrics = async (query: string) => {
    const res = await service.app.request(`/api/servers/DB-EU-002/metrics?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as MetricsAnswer;
  };

  test('the last 7 days at 1 h: a week of points from the rollups, S1 still critical', async () => {
    const body = await metrics('from=now-7d&step=1h&metrics=cpu,memory');
    expect(body.resolution).not.toBe('raw');
    expect(body.points.length).toBeGreaterThanOrEqual(166);
    expect(body.points.length).toBeLessThanOrEqual(169);
    for (const p of body.points) {
      expect(p.cpu).toBeGreaterThanOrEqual(78);
      expect(p.memory).toBeGreaterThanOrEqual(88);
    }
  });

  test('a step finer than an hour reads the 5-minute rollups; a recent range stays raw', async () => {
    const week = await metrics('from=now-7d&step=30m&metrics=cpu');
    expect(week.resolution).toBe('5m');
    expect(week.points.length).toBeGreaterThanOrEqual(7 * 48 - 4);
    const recent = await metrics('from=now-1h&step=1m&metrics=cpu');
    expect(recent.resolution).toBe('raw');
    expect(recent.points.length).toBeGreaterThanOrEqual(55);
  });

  test('/prometheus reads a day of last week from the 5-minute averages', async () => {
    const end = Math.floor(Date.now() / 1000) - 5 * 86_400;
    const query = encodeURIComponent('openmanager_cpu_usage_percent{server="DB-EU-002"}');
    const res = await service.app.request(
      `/prometheus/api/v1/query_range?query=${query}&start=${end - 86_400}&end=${end}&step=300`
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { result: Array<{ values: Array<[number, string]> }> } };
    const [series] = body.data.result;
    expect(series.values.length).toBeGreaterThanOrEqual(286);
    for (const [, v] of series.values) expect(Number(v)).toBeGreaterThanOrEqual(78);
  });

  test.each([
    ['지난 주 대비 이번 주 CPU는?', /CPU 평균: 이번 주\(지금까지\) \d+(\.\d)?%, 지난주 같은 기간 \d+(\.\d)?%/],
    [
      'How does CPU this week compare with last week?',
      /CPU .*: \d+(\.\d)?% this week so far against \d+(\.\d)?% over the same days and hours of last week/,
    ],
  ])('%s is answered from the rollups with both weeks’ averages', async (question, expected) => {
    const res = await service.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { intent: string; answer: string };
    expect(answer.answer).toMatch(expected);
  });

  test.each([
    ['7 days', 7],
    ['30 days', 30],
  ])("the fleet dashboard's time series over %s show the backfilled weeks", async (_, days) => {
    const now = Date.now();
    const res = await service.app.request('/api/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        range: { from: now - days * DAY, to: now },
        intervalMs: 60_000,
        maxDataPoints: 1000,
        targets: dashboardTimeseriesTargets(),
      }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as QueryAnswer;
    expect(Object.keys(results).length).toBeGreaterThanOrEqual(3);
    for (const result of Object.values(results)) {
      const frames = (result as { frames: DataFrameJson[] }).frames;
      const notices = frames.flatMap((f) => f.schema.meta?.notices ?? []);
      expect(notices).toContainEqual({ severity: 'info', text: expect.stringMatching(/rollups/) });
      const series = frames.filter((f) => f.schema.fields.length === 2);
      expect(series.length).toBeGreaterThanOrEqual(29);
      const db = series.find((f) => f.schema.name?.startsWith('DB-EU-002'))!;
      const [times, values] = db.data.values as [number[], Array<number | null>];
      expect(times.length).toBeLessThanOrEqual(1000);
      // A week of data in the range: the first point is about 7 days old.
      expect(now - times[0]).toBeGreaterThan(6.9 * DAY);
      expect(values.filter((v) => v !== null).length).toBeGreaterThan(100);
    }
  });
});
