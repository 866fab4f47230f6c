/** The newest-sample cache in Redis: many samples in one call each stored whole under its key, with the TTL. */
import { LATEST_TTL_SECONDS, RedisLatestCache } from '../../src/storage/latest-cache';
import { sample } from '../support/samples';
import { deleteRedisPrefix, REDIS_URL, redisTtl, silentLog, uniqueRedisPrefix } from '../support/services';

const NOW = Date.UTC(2026, 0, 1, 12);

describe('RedisLatestCache', () => {
  const prefix = uniqueRedisPrefix();
  let cache: RedisLatestCache;

  beforeAll(async () => {
    cache = new RedisLatestCache(REDIS_URL, prefix, silentLog);
    await cache.ready();
  });
  afterAll(async () => {
    await cache.close();
    await deleteRedisPrefix(prefix);
  });

  test('samples past one script call each come back as written, raw text with newlines and non-ASCII included', async () => {
    const samples = Array.from({ length: 2_345 }, (_, i) =>
      sample(`LATEST-${i}`, NOW + i, {
        cpuUsage: i / 7,
        rawData: { note: i % 2 === 0 ? 'line one\nline two' : '서버 상태 ✓', n: i },
      })
    );
    await cache.setMany(samples);
    const ids = samples.map((s) => s.serverId);
    const found = await cache.getMany(ids);
    expect(ids.map((id) => found.get(id))).toEqual(samples);
    expect(await redisTtl(prefix, 'server:LATEST-2344:latest')).toBeGreaterThan(LATEST_TTL_SECONDS - 10);
  });
});
