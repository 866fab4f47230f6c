/** Configuration: every variable validated once; a bad value is one line naming the variable and what it expects. */
import { createHash } from 'node:crypto';
import { ConfigError, isLoopback, loadConfig } from '../src/config';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  test('defaults are the contract’s: port 8787 on 127.0.0.1, dummy mode, 10 s interval, 24 h, embedded storage, open reads', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      mode: 'dummy',
      dataDir: './data',
      databaseUrl: undefined,
      redisUrl: undefined,
      collectIntervalMs: 10_000,
      retentionHours: 24,
      rollups: { fiveMinuteDays: 30, hourDays: 400 },
      dummy: { seed: 42, servers: 30, backfillHours: 24 },
      openReads: true,
      thresholds: {
        cpu: { warning: 70, critical: 85 },
        memory: { warning: 80, critical: 90 },
        disk: { warning: 80, critical: 90 },
      },
    });
  });

  test('history: rollup retention in days, a dummy backfill of up to 30 days', () => {
    expect(
      loadConfig({ ROLLUP_5M_RETENTION_DAYS: '7', ROLLUP_1H_RETENTION_DAYS: '90', DUMMY_BACKFILL_HOURS: '720' })
    ).toMatchObject({ rollups: { fiveMinuteDays: 7, hourDays: 90 }, dummy: { backfillHours: 720 } });
    expect(fails({ DUMMY_BACKFILL_HOURS: '721' })).toMatch(/DUMMY_BACKFILL_HOURS.*0-720/);
    expect(fails({ ROLLUP_5M_RETENTION_DAYS: '0' })).toMatch(/ROLLUP_5M_RETENTION_DAYS/);
  });

  test('parses keys, URLs, lists and thresholds', () => {
    const config = loadConfig({
      API_KEYS: `grafana:read:abcdefghijklmnop, ops:admin:ijklmnopqrstu:with:colons, ci:read:sha256:${'AB'.repeat(32)}`,
      DATABASE_URL: 'postgres://om@127.0.0.1:5432/om',
      REDIS_URL: 'redis://127.0.0.1:6379',
      AWS_REGION: 'us-east-1, eu-west-1',
      THRESHOLD_CPU_WARNING: '60',
      COLLECTOR_MODE: 'production',
      PROMETHEUS_ENDPOINT: 'http://127.0.0.1:9090',
    });
    expect(config.apiKeys).toEqual([
      { name: 'grafana', role: 'read', sha256: createHash('sha256').update('abcdefghijklmnop').digest('hex') },
      { name: 'ops', role: 'admin', sha256: createHash('sha256').update('ijklmnopqrstu:with:colons').digest('hex') },
      { name: 'ci', role: 'read', sha256: 'ab'.repeat(32) },
    ]);
    expect(config.openReads).toBe(false);
    expect(config.aws.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(config.thresholds.cpu).toEqual({ warning: 60, critical: 85 });
    expect(config.collectorTimeoutMs).toBe(8_000);
  });

  test('alerts: evaluated every collection interval by default, nothing sent, explanations in English', () => {
    expect(loadConfig({ COLLECT_INTERVAL_MS: '5000' }).alerts).toEqual({
      rulesFile: undefined,
      alertmanagerUrls: [],
      evaluationIntervalMs: 5_000,
      resendDelayMs: 60_000,
      language: 'en',
      grafanaUrl: 'http://localhost:3000',
    });
    const config = loadConfig({
      ALERTMANAGER_URL: 'http://am-1:9093, http://am-2:9093',
      ALERT_EVALUATION_INTERVAL_MS: '15000',
      ALERT_LANGUAGE: 'ko',
      ALERT_RULES_FILE: '/etc/openmanager/rules.yml',
      GRAFANA_URL: 'https://grafana.example.com/',
    });
    expect(config.alerts).toMatchObject({
      alertmanagerUrls: ['http://am-1:9093', 'http://am-2:9093'],
      evaluationIntervalMs: 15_000,
      language: 'ko',
      rulesFile: '/etc/openmanager/rules.yml',
      grafanaUrl: 'https://grafana.example.com',
    });
  });

  test('a bad ALERTMANAGER_URL is refused without echoing it (it may hold credentials)', () => {
    expect(fails({ ALERTMANAGER_URL: 'ftp://user:secret@am' })).toBe(
      'ALERTMANAGER_URL expects comma-separated http(s):// URLs of Alertmanager'
    );
    expect(fails({ ALERT_LANGUAGE: 'fr' })).toBe('ALERT_LANGUAGE expects ko or en, got "fr"');
  });

  test.each([
    [{ PORT: '99999' }, 'PORT expects a TCP port 0-65535, got "99999"'],
    [
      { COLLECT_INTERVAL_MS: 'often' },
      'COLLECT_INTERVAL_MS expects milliseconds between collection runs, 100 or more, got "often"',
    ],
    [{ COLLECTOR_MODE: 'prod' }, 'COLLECTOR_MODE expects dummy or production, got "prod"'],
    [{ DUMMY_SERVERS: '20000' }, 'DUMMY_SERVERS expects a fleet size from 30 to 10000, got "20000"'],
    [{ RETENTION_HOURS: '0' }, 'RETENTION_HOURS expects whole hours of history to keep, 1 or more, got "0"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL expects fatal, error, warn, info, debug, trace or silent, got "loud"'],
    [
      { THRESHOLD_CPU_WARNING: '95' },
      'THRESHOLD_CPU_WARNING expects a value not above THRESHOLD_CPU_CRITICAL, got 95 > 85',
    ],
    [{ COLLECTOR_MODE: 'production' }, 'API_KEYS expects at least one name:role:secret entry in production mode'],
    [
      { HOST: '0.0.0.0' },
      'API_KEYS expects at least one name:role:secret entry when HOST is not loopback, got HOST "0.0.0.0"',
    ],
    [
      { HOST: '127.evil.example' },
      'API_KEYS expects at least one name:role:secret entry when HOST is not loopback, got HOST "127.evil.example"',
    ],
    [
      { HOST: '::ffff:10.0.0.1' },
      'API_KEYS expects at least one name:role:secret entry when HOST is not loopback, got HOST "::ffff:10.0.0.1"',
    ],
    [
      { API_KEYS: ',' },
      'API_KEYS expects comma-separated name:role:secret entries (role read or admin, secret of 16+ characters) or name:role:sha256:<64 hex digits>; it is set but holds no key (unset it to run without keys)',
    ],
    [
      { API_KEYS: ' , ,', HOST: '0.0.0.0' },
      'API_KEYS expects comma-separated name:role:secret entries (role read or admin, secret of 16+ characters) or name:role:sha256:<64 hex digits>; it is set but holds no key (unset it to run without keys)',
    ],
    [
      { LLM_BASE_URL: 'http://llm.example.com/v1' },
      'LLM_BASE_URL expects an https:// URL (http only to a loopback address such as 127.0.0.1)',
    ],
    [
      { LLM_BASE_URL: 'http://127.evil.example/v1' },
      'LLM_BASE_URL expects an https:// URL (http only to a loopback address such as 127.0.0.1)',
    ],
  ])('%j → %s', (env, message) => {
    const got = fails(env);
    expect(got).toBe(message);
    expect(got).not.toContain('\n');
  });

  test.each([
    [{ API_KEYS: 'grafana:reader:supersecret1' }, 'API_KEYS', 'supersecret1'],
    [{ API_KEYS: 'grafana:read:short' }, 'API_KEYS', 'short'],
    [{ API_KEYS: 'grafana:read:fifteen-chars-1' }, 'API_KEYS', 'fifteen-chars-1'],
    [{ API_KEYS: 'grafana:read:sha256:abc' }, 'API_KEYS', 'sha256:abc'],
    [{ DATABASE_URL: 'not a url with p4ssword' }, 'DATABASE_URL', 'p4ssword'],
    [{ REDIS_URL: 'nope:hunter2' }, 'REDIS_URL', 'hunter2'],
  ])('a bad secret-bearing value is named but never echoed: %j', (env, name, secret) => {
    const got = fails(env);
    expect(got.startsWith(`${name} expects`)).toBe(true);
    expect(got).not.toContain(secret);
  });

  test('HEAD_MAX_BYTES caps the in-memory head: 48 MiB by default, at least 1 MiB', () => {
    expect(loadConfig({}).headMaxBytes).toBe(48 * 1024 * 1024);
    expect(loadConfig({ HEAD_MAX_BYTES: '16777216' }).headMaxBytes).toBe(16 * 1024 * 1024);
    expect(fails({ HEAD_MAX_BYTES: '1000' })).toBe(
      'HEAD_MAX_BYTES expects a whole number of bytes, at least 1048576, got "1000"'
    );
  });
});

describe('loopback is decided on the parsed address', () => {
  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['127.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.1', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});
