/** Raw samples gathered per server (binary doubles) are exactly the rows read one by one, on both storage engines. */
import { RAW_COLUMNS, readRawSamples, readRawServerSamples } from '../../src/storage/raw-samples';
import { recordsFor, sample } from '../support/samples';
import { STORAGE_ENGINES, type OpenedStorage } from '../support/storage-engines';

const T = Date.UTC(2026, 0, 1, 12);
const AWKWARD = [0.1 + 0.2, 1e-300, -5.5, 1.7976931348623157e308, 0, 123.456789012345, -0.000001];

describe.each(STORAGE_ENGINES)('$name', (engine) => {
  let opened: OpenedStorage;

  beforeAll(async () => {
    opened = await engine.open();
    const samples = ['a-1', 'b-2', 'c-3'].flatMap((id, s) =>
      AWKWARD.map((v, i) =>
        sample(id, T + i * 1_000 + s, {
          cpuUsage: v,
          memoryUsage: i % 3 === 0 ? null : v * 2,
          diskUsage: s === 1 ? null : -v,
          status: i % 2 === 0 ? 'online' : 'offline',
        })
      )
    );
    await opened.storage.store.write({ servers: recordsFor(samples), samples });
  }, 60_000);
  afterAll(() => opened.dispose());

  const query = { serverIds: ['a-1', 'b-2', 'c-3'], columns: [...RAW_COLUMNS], fromMs: T - 1, toMs: T + 60_000 };

  test('each column holds the times and values of its non-null rows, in time order', async () => {
    const { sql } = opened.storage.store;
    const { rows } = await readRawSamples(sql, query, 1_000);
    const { servers, truncated } = await readRawServerSamples(sql, query, 1_000);
    expect(truncated).toBe(false);
    const expected = query.serverIds.map((id) => {
      const own = rows.filter((r) => r.server_id === id);
      const columns = Object.fromEntries(
        RAW_COLUMNS.map((c) => {
          const present = own.filter((r) => r[c] !== null);
          return [c, { times: present.map((r) => r.time_ms), values: present.map((r) => r[c]) }];
        })
      );
      return { serverId: id, rows: own.length, columns };
    });
    expect(servers.sort((a, b) => a.serverId.localeCompare(b.serverId))).toEqual(expected);
    expect(servers[1].columns.disk_usage).toEqual({ times: [], values: [] });
  });

  test('at most maxRows rows, and truncated when there were more', async () => {
    const { sql } = opened.storage.store;
    const rows = 3 * AWKWARD.length;
    expect((await readRawServerSamples(sql, query, rows)).truncated).toBe(false);
    const cut = await readRawServerSamples(sql, query, rows - 1);
    expect(cut.truncated).toBe(true);
    expect(cut.servers.reduce((n, s) => n + s.rows, 0)).toBe(rows);
  });
});
