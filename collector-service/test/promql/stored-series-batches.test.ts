/**
 * A rule's range functions over hours of a fleet read the database a batch of series at a time, on both storage
 * engines: the largest read is one batch (or one server's samples), the answer the same as reading them whole.
 */
import { evaluateInstant } from '../../src/promql/eval/query-engine';
import { parsePromQL } from '../../src/promql/parse/parse';
import { StoredSeriesSource } from '../../src/promql/store/stored-series';
import { ServerQueries } from '../../src/servers/query';
import { SampleHead } from '../../src/storage/head/sample-head';
import type { SqlClient } from '../../src/storage/sql-client';
import { budget } from './support/memory-source';
import { wholeEvaluation } from './support/whole-evaluation';
import { recordsFor, sample, serverInfo } from '../support/samples';
import { STORAGE_ENGINES, type OpenedStorage } from '../support/storage-engines';

const T = Date.UTC(2026, 0, 1, 12);
const MIN = 60_000;
const SERVERS = 40;
const SAMPLES = 30;
const RULE = parsePromQL(
  'deriv(openmanager_disk_usage_percent[2h]) > 0 and predict_linear(openmanager_disk_usage_percent[1h], 3600) >= 0'
);
const AT = T + SAMPLES * MIN;

describe.each(STORAGE_ENGINES)('$name', (engine) => {
  let opened: OpenedStorage;
  /** Samples each read of server_metrics returned. */
  let reads: number[];

  /** The stored series through a database spy, with a head that holds nothing (as when hours outgrow it). */
  const source = (): StoredSeriesSource => {
    const { store, reader } = opened.storage;
    const servers = new ServerQueries({
      store,
      reader,
      lastCollected: () => undefined,
      collectIntervalMs: MIN,
      now: () => T,
    });
    const sql: SqlClient = {
      ...store.sql,
      async query<Row>(text: string, params?: unknown[], bounds?: Parameters<SqlClient['query']>[2]) {
        const rows = await store.sql.query<Row>(text, params, bounds);
        // Rows each read of server_metrics gathered per server.
        if (text.includes('FROM server_metrics')) reads.push(rows.reduce((n, r) => n + (r as { n: number }).n, 0));
        return rows;
      },
    };
    const head = new SampleHead({ maxBytes: 1 << 20, spanMs: 24 * 60 * MIN, now: () => AT });
    return new StoredSeriesSource(servers, { head, rollups: store.rollups, history: store.history }, sql);
  };

  beforeAll(async () => {
    opened = await engine.open();
    const samples = Array.from({ length: SERVERS }, (_, i) =>
      Array.from({ length: SAMPLES }, (_, j) =>
        sample(`srv-${String(i).padStart(2, '0')}`, T + (j + 1) * MIN, { diskUsage: 40 + i * 0.1 + j * (i % 3) * 0.5 })
      )
    ).flat();
    await opened.storage.store.write({
      servers: recordsFor(
        samples,
        samples.map((s) => serverInfo(s.serverId))
      ),
      samples,
    });
  }, 60_000);
  afterAll(() => opened.dispose());
  beforeEach(() => {
    reads = [];
  });

  test('the largest read is one batch, and the answer is the one read whole', async () => {
    const expected = await wholeEvaluation(source(), RULE, AT, budget());
    expect(reads).toEqual([SERVERS * SAMPLES, SERVERS * SAMPLES]);
    reads = [];
    const batched = await evaluateInstant(source(), RULE, AT, { budget: budget(), batchSamples: 100 });
    expect(batched).toEqual(expected);
    // The servers whose disk climbs: i % 3 ≠ 0.
    expect(expected.type === 'vector' && expected.samples.length).toBe(26);
    expect(Math.max(...reads)).toBeLessThanOrEqual(100);
    // The two functions share one read of the wider span.
    expect(reads.reduce((a, b) => a + b, 0)).toBe(SERVERS * SAMPLES);
  });

  test("a server's samples past a batch are read whole, one server at a time", async () => {
    const batched = await evaluateInstant(source(), RULE, AT, { budget: budget(), batchSamples: 10 });
    expect(batched).toEqual(await wholeEvaluation(source(), RULE, AT, budget()));
    expect(reads.slice(0, SERVERS)).toEqual(Array(SERVERS).fill(SAMPLES));
  });

  test('every sample read counts against QUERY_MAX_SAMPLES, whatever the batches', async () => {
    const deriv = parsePromQL('deriv(openmanager_disk_usage_percent[2h])');
    const run = (maxSamples: number) =>
      evaluateInstant(source(), deriv, AT, { budget: budget({ maxSamples }), batchSamples: 100 });
    // 1,200 samples read, 40 produced.
    await expect(run(SERVERS * SAMPLES + SERVERS)).resolves.toMatchObject({ type: 'vector' });
    await expect(run(SERVERS * SAMPLES + SERVERS - 1)).rejects.toMatchObject({ code: 'samples_limit' });
    await expect(run(SERVERS * SAMPLES - 1)).rejects.toMatchObject({ code: 'samples_limit' });
  });
});
