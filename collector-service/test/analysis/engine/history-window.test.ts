/** The in-memory history window against the real store (embedded PGlite): what it loads, refreshes, returns and forgets. */
import { HistoryWindow } from '../../../src/analysis/engine/history-window';
import { openStorage, type Storage } from '../../../src/storage/open-storage';
import { recordsFor, sample } from '../../support/samples';
import { silentLog } from '../../support/services';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0);

describe('HistoryWindow', () => {
  let storage: Storage;

  async function write(samples: ReturnType<typeof sample>[]) {
    await storage.store.write({ servers: recordsFor(samples), samples });
  }

  // One embedded database for the file; each test writes servers of its own.
  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://', redisKeyPrefix: '' }, silentLog);
  }, 60_000);
  afterAll(() => storage.close());

  test('loads a span of per-minute averages, one series per server and metric', async () => {
    const samples = [];
    for (let m = 0; m < 120; m++) {
      samples.push(sample('A1', T0 + m * MINUTE, { cpuUsage: m, memoryUsage: 50 }));
      // B reports every 20 s: its buckets average three samples
      for (const s of [0, 20, 40]) samples.push(sample('A2', T0 + m * MINUTE + s * 1000, { cpuUsage: m + s / 10 }));
    }
    await write(samples);
    const window = new HistoryWindow(storage.store, MINUTE, 3 * 60 * MINUTE);
    await window.reload(['A1', 'A2'], T0 + 120 * MINUTE);

    const a = window.series('A1', 'cpu', T0 + 60 * MINUTE, T0 + 65 * MINUTE);
    expect(a).toEqual({ t: [0, 1, 2, 3, 4].map((k) => T0 + (60 + k) * MINUTE), v: [60, 61, 62, 63, 64] });
    expect(window.series('A1', 'memory', T0, T0 + 120 * MINUTE).v.every((v) => v === 50)).toBe(true);
    expect(window.series('A2', 'cpu', T0 + 10 * MINUTE, T0 + 11 * MINUTE).v).toEqual([12]);
    expect(window.series('A3', 'cpu', T0, T0 + MINUTE)).toEqual({ t: [], v: [] });
  });

  test('refresh reads only what is new, including a late sample inside the overlap', async () => {
    await write(Array.from({ length: 60 }, (_, m) => sample('C1', T0 + m * MINUTE, { cpuUsage: 10 })));
    const window = new HistoryWindow(storage.store, MINUTE, 3 * 60 * MINUTE);
    await window.reload(['C1'], T0 + 60 * MINUTE);
    await write([sample('C1', T0 + 60 * MINUTE, { cpuUsage: 20 }), sample('C1', T0 + 61 * MINUTE, { cpuUsage: 30 })]);
    await write([sample('C1', T0 + 58 * MINUTE + 30_000, { cpuUsage: 30 })]); // arrives late, 2.5 minutes back
    await window.refresh(['C1'], T0 + 57 * MINUTE, T0 + 62 * MINUTE);
    expect(window.series('C1', 'cpu', T0 + 57 * MINUTE, T0 + 62 * MINUTE).v).toEqual([10, 20, 10, 20, 30]);
  });

  test('aligned() puts every series on the same grid with NaN for gaps', async () => {
    await write([0, 1, 3].map((m) => sample('E1', T0 + m * MINUTE, { cpuUsage: m })));
    const window = new HistoryWindow(storage.store, MINUTE, 60 * MINUTE);
    await window.reload(['E1'], T0 + 5 * MINUTE);
    expect([...window.aligned('E1', 'cpu', T0, T0 + 5 * MINUTE)]).toEqual([0, 1, NaN, 3, NaN]);
  });

  test('a ring: buckets older than the span are forgotten and not covered', async () => {
    const window = new HistoryWindow(storage.store, MINUTE, 30 * MINUTE);
    await write(Array.from({ length: 30 }, (_, m) => sample('G1', T0 + m * MINUTE, { cpuUsage: m })));
    await window.reload(['G1'], T0 + 30 * MINUTE);
    expect(window.covers(T0 + MINUTE, T0 + 30 * MINUTE)).toBe(true);
    // an hour later, in steps
    for (let m = 30; m < 90; m++) await write([sample('G1', T0 + m * MINUTE, { cpuUsage: m })]);
    for (let m = 40; m <= 90; m += 10) await window.refresh(['G1'], T0 + (m - 12) * MINUTE, T0 + m * MINUTE);
    expect(window.covers(T0 + MINUTE, T0 + 90 * MINUTE)).toBe(false);
    expect(window.covers(T0 + 65 * MINUTE, T0 + 90 * MINUTE)).toBe(true);
    // the ring holds the newest `capacity` buckets (the span plus two)
    expect(window.series('G1', 'cpu', T0, T0 + 90 * MINUTE).v).toEqual(
      Array.from({ length: window.capacity }, (_, k) => 90 - window.capacity + k)
    );
  });
  test('reads its buckets from the head when the head holds the span, and agrees with the database', async () => {
    await storage.headLoaded;
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const samples = Array.from({ length: 90 }, (_, m) => sample('H1', now - m * 40_000, { cpuUsage: m % 7 }));
    await write(samples);
    const range = jest.spyOn(storage.store, 'range');
    const window = new HistoryWindow(storage.store, MINUTE, 60 * MINUTE, storage.store.head);
    await window.reload(['H1'], now);
    const fromHead = window.series('H1', 'cpu', now - 50 * MINUTE, now + MINUTE);
    expect(range).not.toHaveBeenCalled();
    const [db] = await storage.store.rangeFromDatabase({
      serverIds: ['H1'],
      metrics: ['cpu'],
      fromMs: now - 50 * MINUTE,
      toMs: now + MINUTE,
      stepMs: MINUTE,
      aggregation: 'avg',
    });
    expect(fromHead).toEqual({ t: db.timestamps, v: db.values.cpu });
    expect(fromHead.t.length).toBeGreaterThan(40);
  });
});
