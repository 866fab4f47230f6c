/**
 * POST /api/ask about what runs on the servers and about longer ranges, on a dummy-mode service over
 * real PostgreSQL and Redis with 48 h of backfilled history (metrics and labelled series): S6's mail
 * service down on a healthy host, S7's pod restarts told with S3's memory leak, and period comparisons.
 */
import type { AskAnswer } from '@openmanager/contract';
import { DummyCollector } from '../../src/collectors/dummy/dummy-collector';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';
import type { RunningService } from '../../src/service';
import { checkAnswerShape } from '../analysis/scenario-questions';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../support/services';
import { startTestService } from '../support/test-service';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('POST /api/ask about services, pods and periods', () => {
  let db: TestDatabase;
  let prefix: string;
  let service: RunningService;
  let startedAt: number;
  const ask = async (question: string): Promise<AskAnswer> => {
    const res = await service.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as AskAnswer;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueRedisPrefix();
    startedAt = Date.now();
    service = await startTestService({
      env: {
        DATABASE_URL: db.url,
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        RETENTION_HOURS: '48',
        DUMMY_BACKFILL_HOURS: '48',
        COLLECT_INTERVAL_MS: '60000',
      },
    });
    await service.backfillDone;
    await service.context.manager.tick();
  }, 300_000);
  afterAll(async () => {
    await service.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  test.each([
    ['ONPREM-MAIL-01 괜찮아?', 'ko'],
    ['Is ONPREM-MAIL-01 ok?', 'en'],
    ['ONPREM-MAIL-01 상태 어때?', 'ko'],
    ['How is ONPREM-MAIL-01 doing?', 'en'],
  ] as const)('S6 %s: postfix is down for about two hours although cpu and memory are fine', async (q, language) => {
    const a = await ask(q);
    expect(a.intent).toBe('server_health');
    checkAnswerShape(a, language);
    expect(a.findings.filter((f) => f.kind === 'threshold')).toEqual([]);
    const down = a.findings.filter((f) => f.event === 'service-down');
    expect(down.map((f) => [f.serverId, f.labels])).toEqual([['ONPREM-MAIL-01', { service: 'postfix.service' }]]);
    const downFor = startedAt - Date.parse(down[0].since!);
    expect(downFor).toBeGreaterThan(110 * MINUTE);
    expect(downFor).toBeLessThan(135 * MINUTE);
    expect(a.severity).toBe('critical');
    expect(a.answer).toContain('postfix.service');
    expect(a.answer).toMatch(language === 'ko' ? /2(\.\d)?시간 전/ : /2(\.\d)? h ago/);
  });

  test('a healthy on-prem host with every unit running has no service finding', async () => {
    const a = await ask('Is ONPREM-LDAP-01 ok?');
    expect(a.findings.filter((f) => f.event === 'service-down')).toEqual([]);
  });

  test.each([
    ['왜 K8S-WORKER-03 파드가 재시작돼?', 'ko'],
    ['Why do pods on K8S-WORKER-03 restart?', 'en'],
    ['K8S-WORKER-03 파드 왜 자꾸 죽어?', 'ko'],
    ['What is making the pods on K8S-WORKER-03 restart?', 'en'],
  ] as const)('S7 %s: the restarts and the memory leak are one story', async (q, language) => {
    const a = await ask(q);
    expect(a.intent).toBe('root_cause');
    checkAnswerShape(a, language);
    const restarts = a.findings.filter((f) => f.event === 'pod-restart');
    expect(restarts).toHaveLength(1);
    const [r] = restarts;
    expect(r).toMatchObject({
      serverId: 'K8S-WORKER-03',
      labels: { namespace: 'payments', pod: 'payment-api-7d9f' },
      relatedServerId: 'K8S-WORKER-03',
      relatedMetric: 'memory',
      role: 'symptom',
    });
    // S3 resets every 6 hours: three or four of them in the last day.
    expect(r.value).toBeGreaterThanOrEqual(3);
    expect(r.value).toBeLessThanOrEqual(4);
    expect(a.findings.some((f) => f.kind === 'trend' && f.metric === 'memory' && f.role === 'cause')).toBe(true);
    expect(a.answer).toContain('payments/payment-api-7d9f');
    expect(a.answer).toContain('OOMKilled');
    expect(a.answer).toMatch(language === 'ko' ? /하나의 문제/ : /one story/);
  });

  test('a pod that does not restart is not blamed on another host', async () => {
    const a = await ask('Why do pods on K8S-WORKER-05 restart?');
    expect(a.findings.filter((f) => f.event === 'pod-restart')).toEqual([]);
  });

  test.each([
    ['지난 주 대비 이번 주 CPU는?', 'ko', /지난주 CPU 데이터가 없어/],
    ['CPU this week compared with last week?', 'en', /no CPU data for last week/],
  ] as const)('%s: last week is not stored, and the answer says so', async (q, language, says) => {
    const a = await ask(q);
    expect(a.intent).toBe('compare');
    expect(a.entities.period).toBe('week');
    checkAnswerShape(a, language);
    expect(a.answer).toMatch(says);
    expect(a.answer).not.toMatch(/\d+(\.\d+)?%/);
    expect(a.severity).toBe('unknown');
  });

  test.each([
    ['오늘 CPU 어제랑 비교하면?', 'ko', /전체 서버 CPU 평균: 오늘\(지금까지\) ([\d.]+)%, 어제 같은 시간대 ([\d.]+)%/],
    [
      'CPU today compared with yesterday?',
      'en',
      /Average CPU of the fleet: ([\d.]+)% today so far against ([\d.]+)% over the same hours yesterday/,
    ],
  ] as const)('%s: today so far against the same hours yesterday, from stored history', async (q, language, says) => {
    const a = await ask(q);
    expect(a.intent).toBe('compare');
    expect(a.entities.period).toBe('day');
    checkAnswerShape(a, language);
    const m = says.exec(a.answer);
    expect(m).not.toBeNull();
    // The simulator's own fleet average over each day, minute by minute.
    const sim = new DummyCollector({ seed: 42, servers: 30, thresholds: DEFAULT_THRESHOLDS });
    const servers = await sim.getServerList();
    const to = Date.parse(a.range.to);
    const midnight = Math.floor(to / DAY) * DAY;
    const fleetAverage = (from: number, to: number) => {
      let sum = 0;
      for (const { id } of servers) {
        let s = 0;
        let n = 0;
        for (let t = Math.ceil(from / MINUTE) * MINUTE; t < to; t += MINUTE) {
          s += sim.sample(id, t).cpuUsage ?? 0;
          n++;
        }
        sum += s / n;
      }
      return sum / servers.length;
    };
    expect(Number(m![1])).toBeCloseTo(fleetAverage(midnight, to), 0);
    expect(Number(m![2])).toBeCloseTo(fleetAverage(midnight - DAY, to - DAY), 0);
  });
});
