/** The head on its own: order, duplicates, late samples, its memory cap, coverage, and what reads return. */
import { SampleHead } from '../../../src/storage/head/sample-head';
import { BYTES_PER_SAMPLE, capacityFor, SeriesBuffer } from '../../../src/storage/head/series-buffer';
import { sample } from '../../support/samples';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0);
const DAY = 24 * 60 * MINUTE;

function headAt(nowMs: number, maxBytes = 64 * 1024 * 1024) {
  const head = new SampleHead({ maxBytes, spanMs: DAY, now: () => nowMs });
  head.clear(); // an empty store: the head holds everything there is
  return head;
}

const times = (buffer: SeriesBuffer) => Array.from(buffer.doubles.subarray(buffer.start, buffer.end));
const column = (buffer: SeriesBuffer, c: number) =>
  Array.from(buffer.doubles.subarray(buffer.columnStart(c) + buffer.start, buffer.columnStart(c) + buffer.end));

describe('SeriesBuffer', () => {
  test('keeps samples in time order whatever order they arrive in, and ignores a second sample at the same time', () => {
    const buffer = new SeriesBuffer(4);
    for (const m of [3, 1, 2, 7, 5, 5, 0, 6, 4]) buffer.insert(sample('A', T0 + m * MINUTE, { cpuUsage: m }), 1000);
    expect(times(buffer)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((m) => T0 + m * MINUTE));
    expect(column(buffer, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(buffer.insert(sample('A', T0 + 5 * MINUTE, { cpuUsage: 99 }), 1000)).toBe(false);
    expect(buffer.doubles[buffer.columnStart(0) + buffer.lowerBound(T0 + 5 * MINUTE)]).toBe(5);
  });

  test('past its cap it drops the oldest samples and says up to when', () => {
    const buffer = new SeriesBuffer(2);
    const dropped: Array<number | false> = [];
    for (let m = 0; m < 10; m++) dropped.push(buffer.insert(sample('A', T0 + m * MINUTE), 4));
    expect(times(buffer)).toEqual([6, 7, 8, 9].map((m) => T0 + m * MINUTE));
    expect(dropped.slice(4)).toEqual([0, 1, 2, 3, 4, 5].map((m) => T0 + m * MINUTE));
    // a late sample older than all that is kept is itself dropped
    expect(buffer.insert(sample('A', T0 + 2.5 * MINUTE), 4)).toBeGreaterThanOrEqual(T0 + 2.5 * MINUTE);
    expect(buffer.length).toBe(4);
    expect(buffer.capacity).toBeLessThanOrEqual(4 + 16);
  });

  test('null and non-finite readings are absent, as the database stores them', () => {
    const buffer = new SeriesBuffer(8);
    buffer.insert(sample('A', T0, { cpuUsage: null, memoryUsage: Number.NaN, diskUsage: Infinity }), 10);
    const back = buffer.sampleAt('A', buffer.start);
    expect(back).toMatchObject({ cpuUsage: null, memoryUsage: null, diskUsage: null, load1m: 0.5, status: 'online' });
  });
});

describe('SampleHead', () => {
  test('downsamples per epoch-aligned bucket: avg, max, min and p95 (percentile_cont)', () => {
    const head = headAt(T0 + 10 * MINUTE);
    const values = [10, 20, 30, 40];
    head.append(values.map((v, i) => sample('A', T0 + i * 15_000, { cpuUsage: v, memoryUsage: i === 1 ? null : v })));
    head.append([sample('A', T0 + 2 * MINUTE, { cpuUsage: 5 })]);
    const q = {
      serverIds: ['A', 'B'],
      metrics: ['cpu', 'memory'] as const,
      fromMs: T0,
      toMs: T0 + 3 * MINUTE,
      stepMs: MINUTE,
    };
    const read = (aggregation: 'avg' | 'max' | 'min' | 'p95') =>
      head.range({ ...q, metrics: [...q.metrics], aggregation })!;
    expect(read('avg')[0]).toEqual({
      serverId: 'A',
      timestamps: [T0, T0 + 2 * MINUTE],
      values: { cpu: [25, 5], memory: [80 / 3, 20] },
    });
    expect(read('max')[0].values.cpu).toEqual([40, 5]);
    expect(read('min')[0].values.memory).toEqual([10, 20]);
    expect(read('p95')[0].values.cpu).toEqual([30 + 0.85 * 10, 5]);
    expect(read('avg')[1]).toEqual({ serverId: 'B', timestamps: [], values: { cpu: [], memory: [] } });
  });

  test('covers nothing until loaded or cleared, and a range older than the retention window is not its to answer', () => {
    const now = T0 + DAY;
    const head = new SampleHead({ maxBytes: 1 << 20, spanMs: DAY, now: () => now });
    head.append([sample('A', now - MINUTE)]);
    expect(head.covers(now - MINUTE)).toBe(false);
    expect(
      head.range({
        serverIds: ['A'],
        metrics: ['cpu'],
        fromMs: now - MINUTE,
        toMs: now,
        stepMs: MINUTE,
        aggregation: 'avg',
      })
    ).toBeNull();
    head.clear();
    head.append([sample('A', now - MINUTE)]);
    expect(head.covers(now - 2 * MINUTE)).toBe(true);
    expect(head.covers(now - DAY - MINUTE)).toBe(false);
  });

  test('under its memory cap each server keeps its newest samples and the head covers only from there', () => {
    const servers = 10;
    const maxBytes = servers * capacityFor(400) * BYTES_PER_SAMPLE;
    const head = headAt(T0 + 500 * MINUTE, maxBytes);
    for (let m = 0; m < 500; m++)
      head.append(Array.from({ length: servers }, (_, s) => sample(`S${s}`, T0 + m * MINUTE)));
    const stats = head.stats();
    expect(stats.samples).toBe(servers * 400);
    expect(stats.bytes).toBeLessThanOrEqual(maxBytes);
    expect(head.covers(T0 + 100 * MINUTE)).toBe(true);
    expect(head.covers(T0 + 99 * MINUTE)).toBe(false);
  });

  test('a big fleet with a short share each stays within the memory cap, and holds its full share from the first samples on', () => {
    const servers = 2_000;
    const maxBytes = servers * 100 * BYTES_PER_SAMPLE;
    const head = headAt(T0 + 200 * MINUTE, maxBytes);
    head.append(Array.from({ length: servers }, (_, s) => sample(`S${s}`, T0)));
    const sized = head.stats().bytes;
    for (let m = 1; m < 200; m++)
      head.append(Array.from({ length: servers }, (_, s) => sample(`S${s}`, T0 + m * MINUTE)));
    const stats = head.stats();
    expect(stats.bytes).toBeLessThanOrEqual(maxBytes);
    expect(stats.bytes).toBe(sized);
    expect(stats.samples).toBeGreaterThanOrEqual(servers * 80);
  });

  test('once the cap trims it, an instant read whose lookback reaches past what the head covers is still answered from it when the newest reading is covered', () => {
    const servers = 10;
    const head = headAt(T0 + 500 * MINUTE, servers * capacityFor(400) * BYTES_PER_SAMPLE);
    head.append([sample('QUIET', T0 + 50 * MINUTE, { cpuUsage: 7 })]);
    for (let m = 0; m < 500; m++)
      head.append(Array.from({ length: servers }, (_, s) => sample(`S${s}`, T0 + m * MINUTE, { cpuUsage: m })));
    expect(head.covers(T0 + 99 * MINUTE)).toBe(false);
    const lookback = [T0 + 495 * MINUTE - 500 * MINUTE, T0 + 495 * MINUTE] as const;
    expect(head.newestReading('S3', 'cpu_usage', ...lookback)).toEqual({ timeMs: T0 + 495 * MINUTE, stored: 495 });
    // Its newest reading is older than what the head covers: a newer one may have been trimmed, so ask the database.
    expect(head.newestReading('QUIET', 'cpu_usage', ...lookback)).toBe(false);
    expect(head.newestReading('NEVER', 'cpu_usage', ...lookback)).toBe(false);
    expect(head.newestReading('NEVER', 'cpu_usage', T0 + 200 * MINUTE, T0 + 495 * MINUTE)).toBeNull();
  });

  test('scan visits raw samples in (from, to], skipping absent readings; status by name', () => {
    const head = headAt(T0 + 10 * MINUTE);
    head.append([
      sample('A', T0, { cpuUsage: 1 }),
      sample('A', T0 + MINUTE, { cpuUsage: null, status: 'offline' }),
      sample('A', T0 + 2 * MINUTE, { cpuUsage: 3 }),
    ]);
    const seen: Array<[number, number | string]> = [];
    expect(head.scan('A', 'cpu_usage', T0, T0 + 2 * MINUTE, (t, v) => seen.push([t, v]))).toBe(true);
    expect(seen).toEqual([[T0 + 2 * MINUTE, 3]]);
    const status: Array<number | string> = [];
    head.scan('A', 'status', T0 - 1, T0 + 2 * MINUTE, (_t, v) => status.push(v));
    expect(status).toEqual(['online', 'offline', 'online']);
    expect(head.count('A', T0 - 1, T0 + MINUTE)).toBe(2);
  });

  test('the newest reading in (from, to] is the last sample scan would visit: absent readings skipped, status by name', () => {
    const head = headAt(T0 + 10 * MINUTE);
    head.append([
      sample('A', T0, { cpuUsage: 1 }),
      sample('A', T0 + MINUTE, { cpuUsage: 2, status: 'offline' }),
      sample('A', T0 + 2 * MINUTE, { cpuUsage: null }),
    ]);
    expect(head.newestReading('A', 'cpu_usage', T0 - 1, T0 + 2 * MINUTE)).toEqual({ timeMs: T0 + MINUTE, stored: 2 });
    expect(head.newestReading('A', 'status', T0 - 1, T0 + MINUTE)).toEqual({ timeMs: T0 + MINUTE, stored: 'offline' });
    expect(head.newestReading('A', 'cpu_usage', T0 + MINUTE, T0 + 2 * MINUTE)).toBeNull();
    expect(head.newestReading('B', 'cpu_usage', T0 - 1, T0 + 2 * MINUTE)).toBeNull();
    // Reaching back past the retention window: the newest reading is held, so nothing newer is missing.
    expect(head.newestReading('A', 'cpu_usage', T0 - 2 * DAY, T0)).toEqual({ timeMs: T0, stored: 1 });
    // Wholly older than what the head holds: not its to answer.
    expect(head.newestReading('A', 'cpu_usage', T0 - 2 * DAY, T0 - 1.5 * DAY)).toBe(false);
  });

  test('a budget is charged the samples a read scans, and an aborted request stops the read', () => {
    const head = headAt(T0 + 10 * MINUTE);
    head.append(Array.from({ length: 6 }, (_, m) => sample('A', T0 + m * MINUTE)));
    const charged: number[] = [];
    head.range(
      { serverIds: ['A'], metrics: ['cpu'], fromMs: T0, toMs: T0 + 4 * MINUTE, stepMs: MINUTE, aggregation: 'avg' },
      { charge: (n) => charged.push(n) }
    );
    expect(charged).toEqual([4]);
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    expect(() =>
      head.range(
        { serverIds: ['A'], metrics: ['cpu'], fromMs: T0, toMs: T0 + 4 * MINUTE, stepMs: MINUTE, aggregation: 'avg' },
        { charge: () => {}, signal: controller.signal }
      )
    ).toThrow('client went away');
  });

  test('the newest sample of a server comes back whole (raw data aside)', () => {
    const head = headAt(T0 + 10 * MINUTE);
    head.append([sample('A', T0 + MINUTE, { cpuUsage: 9, status: 'warning' }), sample('A', T0, { cpuUsage: 1 })]);
    expect(head.newest('A')).toEqual(sample('A', T0 + MINUTE, { cpuUsage: 9, status: 'warning' }));
    expect(head.newest('B')).toBeNull();
  });
});
