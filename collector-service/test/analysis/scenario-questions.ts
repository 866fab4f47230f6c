/** The five dummy-fleet scenarios as questions in both languages, with what a correct answer must show. */
import type { AskAnswer } from '@openmanager/contract';

export interface ScenarioQuestion {
  scenario: 'S1' | 'S2' | 'S3' | 'S4' | 'S5';
  language: 'ko' | 'en';
  question: string;
  intent: AskAnswer['intent'];
  /** Throws (jest expect) when the answer misses the scenario's truth. */
  check(answer: AskAnswer): void;
}

const HANGUL = /[\uac00-\ud7a3]/;

function s1(a: AskAnswer): void {
  expect(a.severity).toBe('critical');
  for (const metric of ['cpu', 'memory'] as const) {
    const f = a.findings.find((x) => x.kind === 'threshold' && x.serverId === 'DB-EU-002' && x.metric === metric);
    expect(f).toBeDefined();
    // the value is in the answer text, as printed (one decimal)
    expect(a.answer).toContain(`${Math.round(f!.value! * 10) / 10}%`);
  }
  expect(a.findings.find((x) => x.metric === 'cpu')!.value).toBeGreaterThanOrEqual(80);
  expect(a.findings.find((x) => x.metric === 'memory')!).toMatchObject({ threshold: 90, level: 'critical' });
  expect(a.answer).toMatch(a.language === 'ko' ? /CPU.*메모리/ : /CPU.*memory/);
}

function s2(a: AskAnswer): void {
  const fills = a.findings.filter((f) => f.kind === 'forecast').sort((x, y) => x.etaHours! - y.etaHours!);
  expect(fills[0]).toMatchObject({ serverId: 'ONPREM-FILE-01', metric: 'disk', threshold: 100 });
  expect(fills[0].etaHours).toBeLessThanOrEqual(24);
  expect(fills[0].ratePerHour).toBeGreaterThanOrEqual(1);
  expect(a.answer.split('\n')[0]).toContain('ONPREM-FILE-01');
}

function s3(a: AskAnswer): void {
  const leak = a.findings.find((f) => f.kind === 'trend' && f.serverId === 'K8S-WORKER-03' && f.metric === 'memory');
  expect(leak).toBeDefined();
  expect(leak!.ratePerHour).toBeGreaterThan(3);
  expect(a.answer).toMatch(
    a.language === 'ko'
      ? /K8S-WORKER-03 메모리 꾸준히 증가.*누수/
      : /K8S-WORKER-03 memory is rising steadily.*memory leak/
  );
}

function s4(a: AskAnswer): void {
  const c = a.findings.find((f) => f.kind === 'correlation' && f.relatedServerId === 'API-US-001');
  expect(c).toMatchObject({ serverId: 'DB-EU-001', metric: 'cpu', relatedMetric: 'cpu', lagSeconds: 60 });
  expect(c!.value).toBeGreaterThan(0.8);
  expect(a.answer).toMatch(a.language === 'ko' ? /API-US-001 쪽이 먼저 움직입니다/ : /API-US-001 leads/);
}

function s5(a: AskAnswer): void {
  expect(a.severity).toBe('critical');
  expect(a.findings.filter((f) => f.kind === 'offline').map((f) => f.serverId)).toEqual(['WEB-US-003']);
  expect(a.answer).toContain('WEB-US-003');
}

export const SCENARIO_QUESTIONS: ScenarioQuestion[] = [
  { scenario: 'S1', language: 'ko', question: 'DB-EU-002 서버에 문제가 있나요?', intent: 'server_health', check: s1 },
  {
    scenario: 'S1',
    language: 'en',
    question: 'Is there a problem with DB-EU-002?',
    intent: 'server_health',
    check: s1,
  },
  { scenario: 'S2', language: 'ko', question: '디스크가 언제 꽉 찰까?', intent: 'forecast', check: s2 },
  { scenario: 'S2', language: 'en', question: 'Which disk fills up first?', intent: 'forecast', check: s2 },
  { scenario: 'S3', language: 'ko', question: 'K8S-WORKER-03 메모리 누수 있어?', intent: 'anomalies', check: s3 },
  { scenario: 'S3', language: 'en', question: 'Is K8S-WORKER-03 leaking memory?', intent: 'anomalies', check: s3 },
  { scenario: 'S4', language: 'ko', question: 'DB-EU-001 CPU가 왜 튀어?', intent: 'root_cause', check: s4 },
  { scenario: 'S4', language: 'en', question: "Why is DB-EU-001's CPU spiking?", intent: 'root_cause', check: s4 },
  { scenario: 'S5', language: 'ko', question: '오프라인 서버 있어?', intent: 'availability', check: s5 },
  { scenario: 'S5', language: 'en', question: 'Which servers are offline?', intent: 'availability', check: s5 },
];

/** What every answer must satisfy whatever the question: the contract's shape and the language asked. */
export function checkAnswerShape(a: AskAnswer, language: 'ko' | 'en'): void {
  expect(a.language).toBe(language);
  expect(HANGUL.test(a.answer)).toBe(language === 'ko');
  expect(['ok', 'warning', 'critical', 'unknown']).toContain(a.severity);
  expect(Object.keys(a.entities).sort()).toEqual([
    'limit',
    'metrics',
    'period',
    'provider',
    'rangeMinutes',
    'region',
    'role',
    'servers',
  ]);
  for (const f of a.findings) {
    expect(['threshold', 'anomaly', 'trend', 'forecast', 'correlation', 'offline']).toContain(f.kind);
    expect(typeof f.serverId).toBe('string');
    expect(typeof f.message).toBe('string');
    expect(f.value === null || typeof f.value === 'number').toBe(true);
    expect(f.threshold === null || typeof f.threshold === 'number').toBe(true);
  }
}
