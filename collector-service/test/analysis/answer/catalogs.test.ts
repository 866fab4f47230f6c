/** Every sentence the answers use, in Korean and English: the right script, and the servers and numbers it was given. */
import type { Catalog } from '../../../src/analysis/answer/catalog';
import { EN } from '../../../src/analysis/answer/catalog-en';
import { KO } from '../../../src/analysis/answer/catalog-ko';
import { CHANGE_KINDS } from '../../../src/analysis/detectors/anomaly';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const HANGUL = /[\uac00-\ud7a3]/;
const scope = { provider: 'aws', region: null, role: null };
const counts = { online: 27, warning: 1, critical: 1, offline: 1 };

/** Method → its arguments and what both languages must state. */
const CASES: { [K in keyof Catalog]?: [Parameters<Extract<Catalog[K], (...a: never[]) => string>>[0], string[]] } = {
  threshold: [
    { server: 'DB-EU-002', metric: 'cpu', value: 86.14, threshold: 85, level: 'critical' },
    ['DB-EU-002', '86.1%', '85%'],
  ],
  offline: [
    {
      serverId: 'WEB-US-003',
      reason: 'unreachable',
      lastSeenMs: NOW - 17 * 60_000,
      silentForMs: 17 * 60_000,
      nowMs: NOW,
    },
    ['WEB-US-003', '17', '11:43 UTC'],
  ],
  anomaly: [
    {
      server: 'API-US-001',
      metric: 'cpu',
      value: 78.2,
      typical: 25.1,
      atMs: NOW - 600_000,
      score: 0.934,
      episodes: 3,
      change: 'level_shift',
      sinceMs: NOW - 900_000,
      nowMs: NOW,
    },
    ['API-US-001', '78.2%', '25.1%', '0.93', '11:45 UTC', '3'],
  ],
  serviceDown: [
    {
      server: 'ONPREM-MAIL-01',
      service: 'postfix.service',
      sinceMs: NOW - 2 * 3_600_000,
      sinceBeforeRange: false,
      hostHealthy: true,
      nowMs: NOW,
    },
    ['ONPREM-MAIL-01', 'postfix.service', '10:00 UTC', 'inactive/failed'],
  ],
  podRestarts: [
    {
      server: 'K8S-WORKER-03',
      pod: 'payments/payment-api-7d9f',
      restarts: 4,
      lastAtMs: NOW - 30 * 60_000,
      rangeMs: 24 * 3_600_000,
      nowMs: NOW,
      leak: { coinciding: 4, ratePerHour: 5.67, peak: 82, after: 48 },
    },
    ['K8S-WORKER-03', 'payments/payment-api-7d9f', '4', '11:30 UTC', '82%', '48%', '5.7', 'OOMKilled'],
  ],
  podNotRunning: [
    { server: 'K8S-WORKER-01', pod: 'batch/report-1', phase: 'Failed', sinceMs: NOW - 15 * 60_000, nowMs: NOW },
    ['K8S-WORKER-01', 'batch/report-1', 'Failed', '11:45 UTC'],
  ],
  periodCompare: [
    { metric: 'cpu', period: 'week', scope: 'aws', current: 41.23, previous: 37.91 },
    ['aws', '41.2%', '37.9%', '3.3'],
  ],
  periodMover: [
    { metric: 'cpu', period: 'day', server: 'DB-EU-002', current: 86.14, previous: 80.47 },
    ['DB-EU-002', '86.1%', '80.5%'],
  ],
  periodMissing: [
    { metric: 'cpu', period: 'week', haveSinceMs: NOW - 3 * 86_400_000, nowMs: NOW },
    ['11-23 12:00 UTC'],
  ],
  trend: [
    {
      server: 'K8S-WORKER-03',
      metric: 'memory',
      ratePerHour: 5.71,
      fromValue: 48,
      toValue: 76.5,
      sinceMs: NOW - 5 * 3_600_000,
      risingCycles: 3,
      basis: 'current',
      nowMs: NOW,
    },
    ['K8S-WORKER-03', '5.7', '48%', '76.5%', '07:00 UTC', '3'],
  ],
  forecast: [
    {
      server: 'ONPREM-FILE-01',
      metric: 'disk',
      current: 90.24,
      target: 100,
      ratePerHour: 1.2,
      etaHours: 8.13,
      atMs: NOW + 8.13 * 3_600_000,
      basis: 'current',
      nowMs: NOW,
    },
    ['ONPREM-FILE-01', '90.2%', '1.2', '8.1', '20:07 UTC'],
  ],
  breachEpisodes: [
    {
      server: 'API-US-001',
      metric: 'cpu',
      episodes: 4,
      peak: 80.56,
      peakAtMs: NOW - 1_800_000,
      threshold: 70,
      level: 'warning',
      rangeMs: 3_600_000,
      nowMs: NOW,
    },
    ['API-US-001', '70%', '4', '80.6%', '11:30 UTC', '60'],
  ],
  restart: [
    { server: 'BOOT-1', bootedAtMs: NOW - 600_000, uptimeSeconds: 600, nowMs: NOW },
    ['BOOT-1', '11:50 UTC', '10'],
  ],
  correlation: [
    {
      leader: 'API-US-001',
      leaderMetric: 'cpu',
      follower: 'DB-EU-001',
      followerMetric: 'cpu',
      lagMs: 60_000,
      r: 0.987,
    },
    ['API-US-001', 'DB-EU-001', '1', '0.99'],
  ],
  levelShift: [
    { server: 'WEB-1', metric: 'network_in', before: 4_000_000, after: 8_100_000, sinceMs: NOW - 540_000, nowMs: NOW },
    ['WEB-1', '4 MB/s', '8.1 MB/s', '11:51 UTC'],
  ],
  serverStatus: [
    {
      server: 'DB-EU-002',
      status: 'critical',
      readings: [
        { metric: 'cpu', value: 86.14, breach: { level: 'critical', threshold: 85 } },
        { metric: 'disk', value: 40 },
      ],
    },
    ['DB-EU-002', '86.1%', '85%', '40%'],
  ],
  serverQuiet: [{ rangeMs: 3_600_000 }, ['60']],
  noData: [{ server: 'NEW-1' }, ['NEW-1']],
  lastKnown: [
    { server: 'WEB-US-003', atMs: NOW - 17 * 60_000, readings: [{ metric: 'cpu', value: 23.4 }], nowMs: NOW },
    ['WEB-US-003', '11:43 UTC', '23.4%'],
  ],
  fleetCounts: [{ scope, total: 30, counts }, ['AWS', '30', '27', '1']],
  fleetGroup: [{ status: 'critical', entries: ['DB-EU-002 (CPU 86.1%)'] }, ['DB-EU-002 (CPU 86.1%)']],
  noServersInScope: [{ scope: { provider: null, region: 'mars-1', role: null } }, ['mars-1']],
  topHeader: [{ metric: 'memory', count: 4, basis: 'avg', rangeMs: 7_200_000, order: 'desc' }, ['4', '2']],
  topEntry: [
    { rank: 1, server: 'DB-EU-002', metric: 'memory', value: 92.31, breach: { level: 'critical', threshold: 90 } },
    ['1. DB-EU-002', '92.3%', '90%'],
  ],
  leftOut: [{ servers: ['WEB-US-003'] }, ['WEB-US-003']],
  metricNow: [
    { server: 'ONPREM-DB-01', metric: 'cpu', value: 23.44, atMs: NOW - 5_000, nowMs: NOW, warningAt: 70 },
    ['ONPREM-DB-01', '23.4%', '11:59 UTC', '70%'],
  ],
  metricRange: [
    {
      server: 'K8S-WORKER-05',
      metric: 'memory',
      rangeMs: 7_200_000,
      stats: { latest: 52.1, avg: 51.04, min: 49.2, max: 53.3 },
      ratePerHour: 0.4,
    },
    ['K8S-WORKER-05', '52.1%', '51%', '49.2%', '53.3%', '0.4', '2'],
  ],
  metricNeedsServer: [{ metric: 'cpu' }, ['CPU']],
  compareLine: [
    {
      metric: 'cpu',
      entries: [
        { server: 'WEB-US-001', value: 31.2 },
        { server: 'WEB-US-002', value: 23.1 },
      ],
      basis: 'now',
      rangeMs: 3_600_000,
    },
    ['WEB-US-001 31.2%', 'WEB-US-002 23.1%'],
  ],
  compareVerdict: [
    { metric: 'cpu', higher: 'WEB-US-001', lower: 'WEB-US-002', difference: 8.1 },
    ['WEB-US-001', 'WEB-US-002', '8.1'],
  ],
  compareNeedsTwo: [{ servers: ['WEB-US-001'] }, ['WEB-US-001']],
  anomaliesHeader: [{ count: 3, rangeMs: 3_600_000 }, ['3', '60']],
  anomaliesNone: [{ rangeMs: 1_200_000, servers: 30, metrics: ['cpu', 'memory'] }, ['20', '30', 'CPU']],
  forecastFirst: [{ server: 'ONPREM-FILE-01', metric: 'disk', etaHours: 8.13 }, ['ONPREM-FILE-01', '8.1']],
  forecastNone: [{ metrics: ['disk'], horizonHours: 24, servers: 30 }, ['24', '30']],
  forecastFlat: [
    { server: 'ONPREM-BACKUP-01', metric: 'disk', current: 45, ratePerHour: 0.05 },
    ['ONPREM-BACKUP-01', '45%', '0.05'],
  ],
  forecastBeyond: [
    { server: 'X-1', metric: 'disk', current: 60, ratePerHour: 1, horizonHours: 3 },
    ['X-1', '60%', '1', '3'],
  ],
  forecastReached: [{ server: 'X-1', metric: 'disk', current: 100, target: 100 }, ['X-1', '100%']],
  notEnoughHistory: [{ server: 'NEW-1', metric: 'disk', haveMs: 600_000, needMs: 1_800_000 }, ['NEW-1', '10', '30']],
  rootCauseHeader: [{ server: 'DB-EU-001', metric: 'cpu', rangeMs: 10_800_000 }, ['DB-EU-001', 'CPU', '3']],
  probableCause: [{ text: 'WEB-US-003 …' }, ['WEB-US-003 …']],
  symptomNote: [{ metric: 'cpu', leader: 'API-US-001' }, ['CPU', 'API-US-001']],
  noRelation: [{ server: 'DB-EU-002', metric: 'cpu' }, ['DB-EU-002']],
  availabilityNone: [{ total: 10, scope: { provider: 'kubernetes', region: null, role: null } }, ['10']],
  availabilityHeader: [{ count: 1, total: 30 }, ['1', '30']],
  alertsUnavailable: [undefined as never, []],
  alertsNone: [{ servers: 30 }, []],
  alertsNow: [{ firing: 2, pending: 1 }, ['2', '1']],
  alertLine: [
    {
      name: 'OpenManagerMemoryCritical',
      server: 'DB-EU-002',
      severity: 'critical',
      state: 'firing',
      sinceMs: NOW - 600_000,
      nowMs: NOW,
      summary: 'memory at 92%',
    },
    ['OpenManagerMemoryCritical', 'DB-EU-002', '11:50 UTC', 'memory at 92%'],
  ],
  alertsHistory: [{ count: 3, fromMs: NOW - 3_600_000, toMs: NOW, nowMs: NOW }, ['3', '11:00 UTC', '12:00 UTC']],
  alertsHistoryLine: [
    {
      name: 'OpenManagerDiskCritical',
      server: 'ONPREM-FILE-01',
      severity: 'warning',
      firedAtMs: NOW - 1_800_000,
      resolvedAtMs: NOW - 600_000,
      nowMs: NOW,
    },
    ['OpenManagerDiskCritical', 'ONPREM-FILE-01', '11:30 UTC', '11:50 UTC'],
  ],
  unknownServers: [{ names: ['XYZ-999'] }, ['XYZ-999']],
  help: [{ understood: null }, ['DB-EU-002']],
  rangeNote: [{ fromMs: NOW - 3_600_000, toMs: NOW, nowMs: NOW }, ['11:00 UTC', '12:00 UTC']],
  fleetAllClear: [undefined as never, ['24']],
  risingHeader: [undefined as never, []],
  anomaliesUnavailable: [undefined as never, ['24']],
  noStateChange: [undefined as never, []],
};

describe.each([
  ['ko', KO],
  ['en', EN],
] as const)('%s catalog', (lang, say) => {
  test.each(Object.entries(CASES))(
    `%s: written in ${lang}, states what it was given`,
    (method, [params, mustContain]) => {
      const text = (say[method as keyof Catalog] as (p: unknown) => string)(params);
      expect(HANGUL.test(text)).toBe(lang === 'ko');
      for (const piece of mustContain) expect(text).toContain(piece);
    }
  );

  test('words: every metric and status has a name', () => {
    for (const m of ['cpu', 'memory', 'disk', 'network_in', 'network_out', 'load'] as const)
      expect(say.metric(m)).not.toBe('');
    for (const s of ['online', 'warning', 'critical', 'offline'] as const) expect(say.status(s)).not.toBe('');
  });
});

test('every sentence method has a case', () => {
  const methods = Object.entries(KO)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k);
  const words = ['metric', 'status', 'duration', 'scope'];
  expect(methods.filter((m) => !words.includes(m) && !(m in CASES))).toEqual([]);
});

test('the two catalogs say the same things', () => {
  expect(Object.keys(KO).sort()).toEqual(Object.keys(EN).sort());
});

test('Korean sentences never put a reading-dependent particle right after a server id', () => {
  const text = Object.entries(CASES)
    .map(([m, [p]]) => (KO[m as keyof Catalog] as (p: unknown) => string)(p))
    .join('\n');
  expect(text).not.toMatch(/[A-Z0-9]-\d+(이|가|을|를|은|는|과|와)\s/);
});

describe('anomaly sentences name the kind of change', () => {
  const base = {
    server: 'API-US-001',
    metric: 'cpu' as const,
    value: 78.2,
    typical: 25.1,
    atMs: NOW - 600_000,
    score: 0.9,
    episodes: 1,
    sinceMs: NOW - 900_000,
    nowMs: NOW,
  };

  it.each([EN, KO])('$language: each kind reads differently, and a change without a kind still reads', (catalog) => {
    const sentences = CHANGE_KINDS.map((change) => catalog.anomaly({ ...base, change }));
    expect(new Set(sentences).size).toBe(CHANGE_KINDS.length);
    for (const s of sentences) expect(s).toContain('11:45 UTC');
    expect(catalog.anomaly({ ...base, change: null })).toContain('11:50 UTC');
  });

  it('English says what happened in words an operator uses', () => {
    expect(EN.anomaly({ ...base, change: 'level_shift' })).toMatch(/level shift since 11:45 UTC/);
    expect(EN.anomaly({ ...base, change: 'spike' })).toMatch(/spike at 11:45 UTC/);
    expect(KO.anomaly({ ...base, change: 'variance_change' })).toMatch(/변동성 변화/);
  });
});
