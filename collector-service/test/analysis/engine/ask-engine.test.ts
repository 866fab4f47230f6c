/** The whole analysis on a constructed fleet with known truths: each intent, Korean and English, against the real (embedded) store. */
import type { AskAnswer } from '@openmanager/contract';
import type { RunningService } from '../../../src/service';
import { startTestService } from '../../support/test-service';
import { TRUTH, writeConstructedFleet } from './constructed-fleet';

const HANGUL = /[\uac00-\ud7a3]/;

describe('analysis engine on a constructed fleet', () => {
  let service: RunningService;
  let endMs: number;
  const ask = (question: string, range?: { fromMs?: number; toMs?: number }) =>
    service.context.analysis.ask(question, range);
  const kinds = (a: AskAnswer, serverId: string) =>
    a.findings.filter((f) => f.serverId === serverId).map((f) => f.kind);

  beforeAll(async () => {
    service = await startTestService({ env: { COLLECT_INTERVAL_MS: '60000' } });
    ({ endMs } = await writeConstructedFleet(service.context.storage.store, Date.now()));
  }, 60_000);
  afterAll(() => service.close());

  test.each([
    ['DB-1 상태 어때?', 'ko'],
    ['Is there a problem with DB-1?', 'en'],
  ])('server_health: %s → critical, cpu named with its value and threshold', async (q, lang) => {
    const a = await ask(q);
    expect(a).toMatchObject({ intent: 'server_health', language: lang, severity: 'critical' });
    const cpu = a.findings.find((f) => f.kind === 'threshold' && f.metric === 'cpu')!;
    expect(cpu).toMatchObject({ serverId: TRUTH.critical, threshold: 85, level: 'critical' });
    expect(cpu.value).toBeGreaterThan(94);
    expect(a.answer).toContain(`${Math.round(cpu.value! * 10) / 10}%`);
    expect(a.answer).toContain('85%');
    expect(HANGUL.test(a.answer)).toBe(lang === 'ko');
  });

  test('server_health of a healthy server: ok, says nothing is wrong', async () => {
    const a = await ask('APP-1 괜찮아?');
    expect(a.severity).toBe('ok');
    expect(a.findings).toEqual([]);
    expect(a.answer).toMatch(/APP-1: 정상/);
  });

  test.each(['디스크가 언제 꽉 찰까?', 'When will the disks fill up?'])(
    'forecast: %s → the filling disk, its rate and when',
    async (q) => {
      const a = await ask(q);
      const f = a.findings.find((x) => x.kind === 'forecast')!;
      expect(f).toMatchObject({ serverId: TRUTH.filling, metric: 'disk', threshold: 100 });
      expect(f.ratePerHour).toBeCloseTo(TRUTH.fillRatePerHour, 1);
      expect(f.etaHours).toBeCloseTo((100 - f.value!) / TRUTH.fillRatePerHour, 1);
      expect(a.answer.split('\n')[0]).toContain(TRUTH.filling);
      expect(a.severity).toBe('warning');
    }
  );

  test('forecast with 10 minutes of history says so instead of a verdict', async () => {
    const ko = await ask('NEW-1 디스크 언제 꽉 차?');
    expect(ko.answer).toContain('기록이 충분하지 않습니다');
    expect(ko.findings.filter((f) => f.kind === 'forecast')).toEqual([]);
    expect((await ask('When will NEW-1 disk be full?')).answer).toContain('Not enough history');
  });

  test.each(['LEAK-1 메모리 누수 있어?', 'Is LEAK-1 leaking memory?'])(
    'trend: %s → the sawtooth leak, at the rate of the current tooth',
    async (q) => {
      const a = await ask(q);
      const t = a.findings.find((f) => f.kind === 'trend')!;
      expect(t).toMatchObject({ serverId: TRUTH.leaking, metric: 'memory', role: 'cause' });
      expect(t.ratePerHour).toBeCloseTo(8, 0);
      expect(a.answer).toMatch(/누수|leak/);
    }
  );

  test.each(['Why is DOWN-1 CPU spiking?', 'UP-1 CPU 스파이크 다음에 뭐가 따라와?'])(
    'root_cause: %s → UP-1 leads DOWN-1 by 2 minutes; cpu is a symptom',
    async (q) => {
      const a = await ask(q);
      const c = a.findings.find((f) => f.kind === 'correlation')!;
      expect(c).toMatchObject({
        serverId: TRUTH.follower,
        relatedServerId: TRUTH.leader,
        metric: 'cpu',
        relatedMetric: 'cpu',
        lagSeconds: 120,
      });
      expect(c.value).toBeGreaterThan(0.8);
      expect(a.answer).toMatch(/symptom|증상/);
      expect(a.answer).not.toMatch(/Probable cause|추정 원인/);
    }
  );

  test('root_cause: an upstream traffic jump that leads is the probable cause', async () => {
    const a = await ask('Why is API-1 CPU high?');
    const jump = a.findings.find((f) => f.role === 'cause')!;
    expect(jump).toMatchObject({
      serverId: TRUTH.upstream,
      metric: 'network_in',
      kind: 'anomaly',
      event: 'traffic-jump',
    });
    expect(a.answer).toMatch(
      /Probable cause: WEB-1 inbound network jumped from (3\.9|4|4\.1) MB\/s to (7\.9|8|8\.1) MB\/s since/
    );
    expect(jump.at).toBe(new Date(endMs - 9 * 60_000).toISOString());
    expect(a.findings.some((f) => f.kind === 'correlation' && f.relatedServerId === TRUTH.upstream)).toBe(true);
  });

  test('root_cause: a restart is a probable cause', async () => {
    const a = await ask('BOOT-1 왜 느려?');
    expect(a.answer).toMatch(/추정 원인: BOOT-1 재시작/);
    expect(a.findings.find((f) => f.role === 'cause')).toMatchObject({
      serverId: TRUTH.restarted,
      kind: 'anomaly',
      event: 'restart',
      metric: null,
      value: 600,
    });
  });

  test('root_cause of a silent server: the outage is the cause, its last sample is what is known', async () => {
    const a = await ask('GONE-1이 멈춘 원인이 뭐야?');
    expect(a.severity).toBe('critical');
    expect(a.answer).toMatch(/^추정 원인: GONE-1: 오프라인 — 2[01]분 동안/);
    expect(a.answer).toMatch(/GONE-1 마지막 샘플\(\d\d:\d\d UTC\): CPU [\d.]+%/);
    expect(a.answer).not.toMatch(/증상/);
    expect(a.findings.map((f) => [f.kind, f.role])).toEqual([['offline', 'cause']]);
  });

  test.each(['오프라인 서버 있어?', 'Any servers down?'])(
    'availability: %s → the unreachable server and since when',
    async (q) => {
      const a = await ask(q);
      expect(a.severity).toBe('critical');
      expect(a.findings.filter((f) => f.kind === 'offline').map((f) => f.serverId)).toEqual([TRUTH.offline]);
      expect(a.answer).toMatch(/GONE-1/);
      expect(a.answer).toMatch(/2[01] ?(분|min)/);
    }
  );

  test('compare: the higher and the one with headroom, in both languages', async () => {
    const en = await ask('Compare APP-1 and DB-1 CPU');
    expect(en.answer).toMatch(/DB-1 uses more CPU .*APP-1 has more headroom/);
    const ko = await ask('APP-1이랑 DB-1 CPU 비교해줘');
    expect(ko.answer).toMatch(/DB-1 쪽이 CPU 사용이 더 많고/);
    expect(kinds(ko, TRUTH.critical)).toEqual(['threshold']);
  });

  test('top_usage: ranked by the metric, limit respected', async () => {
    const a = await ask('CPU 많이 쓰는 서버 2개');
    const lines = a.answer.split('\n');
    expect(lines[1]).toMatch(/^1\. DB-1 9\d(\.\d)?%/);
    expect(lines.filter((l) => /^\d\. /.test(l))).toHaveLength(2);
  });

  test('metric_value over a range gives now, average, min, max', async () => {
    const a = await ask('APP-1 CPU for the last 30 minutes');
    expect(a.answer).toMatch(/APP-1 CPU over the last 30 min: now [\d.]+%, average [\d.]+%, min [\d.]+%, max [\d.]+%/);
    expect(new Date(a.range.to).getTime() - new Date(a.range.from).getTime()).toBe(30 * 60_000);
  });

  test('anomalies: threshold crossings that came and went are reported; a server above all along is not an episode', async () => {
    const a = await ask('Anything unusual in the last hour?');
    const crossings = a.findings.filter((f) => f.kind === 'threshold');
    expect(crossings.map((f) => f.serverId)).toContain(TRUTH.leader);
    expect(crossings.map((f) => f.serverId)).not.toContain(TRUTH.critical);
    expect(a.findings.some((f) => f.kind === 'offline' && f.serverId === TRUTH.offline)).toBe(true);
  });

  test.each([
    ['Anything unusual on DOWNSTREAM_ID in the last hour?', /shows a level shift since/],
    ['DOWNSTREAM_ID 지난 1시간 이상 징후 있어?', /이상 징후\(수준 변화\)/],
  ])('anomalies: %s → the detector names a step as a level shift and when it began', async (q, phrase) => {
    const a = await ask(q.replace('DOWNSTREAM_ID', TRUTH.downstream));
    const shift = a.findings.find(
      (f) => f.kind === 'anomaly' && f.metric === 'cpu' && f.serverId === TRUTH.downstream
    )!;
    expect(shift).toMatchObject({ change: 'level_shift' });
    const sinceMinutes = (endMs - Date.parse(shift.since!)) / 60_000;
    expect(sinceMinutes).toBeGreaterThanOrEqual(8);
    expect(sinceMinutes).toBeLessThanOrEqual(11);
    expect(a.answer).toMatch(phrase);
  });

  test.each([
    ['asdf', 'en'],
    ['노래 한 곡 추천해줘', 'ko'],
  ])('unknown: %s → severity unknown and what can be asked', async (q, lang) => {
    const a = await ask(q);
    expect(a).toMatchObject({ intent: 'unknown', severity: 'unknown', language: lang, findings: [] });
    expect(a.answer).toMatch(/DB-EU-002/);
  });

  test('a server that does not exist is named as unknown, not answered for the fleet', async () => {
    const a = await ask('XYZ-999 상태 어때?');
    expect(a.severity).toBe('unknown');
    expect(a.answer).toMatch(/알 수 없는 이름: XYZ-999/);
    expect(a.findings).toEqual([]);
  });

  test('a dashboard range in the past is evaluated at its end', async () => {
    const to = Date.now() - 2 * 3_600_000;
    const a = await ask('GONE-1 상태 어때?', { fromMs: to - 3_600_000, toMs: to });
    // two hours ago GONE-1 was still reporting
    expect(a.findings.filter((f) => f.kind === 'offline')).toEqual([]);
    expect(a.range).toEqual({ from: new Date(to - 3_600_000).toISOString(), to: new Date(to).toISOString() });
    expect(a.answer).toMatch(/범위/);
  });
});
