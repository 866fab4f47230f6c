/**
 * POST /api/ask on a dummy-mode service over real PostgreSQL and Redis (fresh database and key
 * prefix) with 24 h of backfilled history: the five scenario truths in both languages, the
 * dashboard range, input validation and the API key.
 */
import type { AskAnswer } from '@openmanager/contract';
import type { RunningService } from '../../src/service';
import { checkAnswerShape, SCENARIO_QUESTIONS } from '../analysis/scenario-questions';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../support/services';
import { bearer, startTestService } from '../support/test-service';

const READ_KEY = 'reader-secret-12';

describe('POST /api/ask', () => {
  let db: TestDatabase;
  let prefix: string;
  let service: RunningService;
  const post = async (body: unknown, headers: Record<string, string> = bearer(READ_KEY)) => {
    const res = await service.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as AskAnswer & { error?: { code: string; message: string } },
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueRedisPrefix();
    service = await startTestService({
      env: {
        DATABASE_URL: db.url,
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        DUMMY_BACKFILL_HOURS: '24',
        API_KEYS: `panel:read:${READ_KEY}`,
        COLLECT_INTERVAL_MS: '60000',
      },
    });
    await service.backfillDone;
    await service.context.manager.tick();
  }, 120_000);
  afterAll(async () => {
    await service.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  test.each(SCENARIO_QUESTIONS.map((s) => [`${s.scenario} ${s.language}`, s] as const))('%s: %s', async (_name, s) => {
    const { status, body } = await post({ question: s.question });
    expect(status).toBe(200);
    expect(body.intent).toBe(s.intent);
    checkAnswerShape(body, s.language);
    s.check(body);
  });

  test('the dashboard range is used: a range ending before WEB-US-003 went away finds it online', async () => {
    // Half a minute before a 5-minute boundary: the worst case for a day's read bucketed by 5 minutes.
    const to = Math.floor((Date.now() - 3 * 3_600_000) / 300_000) * 300_000 - 30_000;
    const { body } = await post({
      question: 'Is WEB-US-003 healthy?',
      from: new Date(to - 3_600_000).toISOString(),
      to,
    });
    expect(body.range).toEqual({ from: new Date(to - 3_600_000).toISOString(), to: new Date(to).toISOString() });
    expect(body.findings.filter((f) => f.kind === 'offline')).toEqual([]);
    expect(body.answer).toMatch(/WEB-US-003: (healthy|warning|critical)/);
  });

  test('a range in the question wins over the default', async () => {
    const { body } = await post({ question: 'K8S-WORKER-05 메모리 지난 2시간 추이' });
    expect(Date.parse(body.range.to) - Date.parse(body.range.from)).toBe(2 * 3_600_000);
    expect(body.answer).toMatch(/K8S-WORKER-05 메모리 최근 2시간: 현재 [\d.]+%, 평균/);
  });

  test.each([
    [{}, 'question'],
    [{ question: '' }, 'question: must not be empty'],
    [{ question: '   ' }, 'question: must not be empty'],
    [{ question: 'x'.repeat(1001) }, 'question: must be at most 1000 characters'],
    [{ question: 42 }, 'question: expected a string'],
    [{ question: 'ok?', from: 'yesterday' }, 'from: expected epoch milliseconds'],
    [{ question: 'ok?', to: 'soon' }, 'to: expected epoch milliseconds'],
    [{ question: 'ok?', from: 2_000, to: 1_000 }, 'from: must be before to'],
    [[1, 2], 'request'],
  ])('bad body %j → 400 naming %s', async (body, message) => {
    const { status, body: answer } = await post(body);
    expect(status).toBe(400);
    expect(answer.error!.message).toContain(message);
  });

  test('invalid JSON → 400 invalid_json', async () => {
    const { status, body } = await post('{"question": ');
    expect(status).toBe(400);
    expect(body.error!.code).toBe('invalid_json');
  });

  test('without a key → 401; with a wrong key → 401', async () => {
    expect((await post({ question: 'ok?' }, {})).status).toBe(401);
    expect((await post({ question: 'ok?' }, bearer('wrong-secret-9'))).status).toBe(401);
  });

  test('an answer to junk is still an answer: unknown, with what can be asked', async () => {
    const { status, body } = await post({ question: 'ㅎㅎ' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ intent: 'unknown', severity: 'unknown', language: 'ko' });
    expect(body.answer).toContain('물어볼 수 있습니다');
  });
});
