/**
 * Ask OpenManager as a user runs it: the built service as a real process over real PostgreSQL and
 * Redis, collecting on its own schedule after backfilling 24 h. The five scenario questions in both
 * languages over HTTP, and the same through the MCP SDK's client.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AskAnswer } from '@openmanager/contract';
import { checkAnswerShape, SCENARIO_QUESTIONS } from '../../collector-service/test/analysis/scenario-questions';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
} from '../../collector-service/test/support/services';
import { freePort, SERVICE_MAIN, startProcess, waitForOk, type RunningProcess } from '../support/process';

jest.setTimeout(120_000);

const KEY = 'panel-secret-420';
const auth = { Authorization: `Bearer ${KEY}` };

describe('/api/ask and /mcp on the running service', () => {
  let proc: RunningProcess;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const prefix = uniqueRedisPrefix();

  const ask = async (question: string) => {
    const res = await fetch(`${proc.baseUrl}/api/ask`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as AskAnswer;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    // A 20 s interval: a machine busy with other test suites must not make every server look stale (3 intervals).
    proc = startProcess(
      SERVICE_MAIN,
      {
        PORT: String(port),
        DATABASE_URL: db.url,
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        API_KEYS: `panel:read:${KEY}`,
        COLLECT_INTERVAL_MS: '20000',
      },
      port
    );
    await waitForOk(`${proc.baseUrl}/api/health`, proc, 60_000);
    // history backfilled, and fresh samples stored since: only the S5 server is offline
    for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 250))) {
      const status = (await (await fetch(`${proc.baseUrl}/api/status`, { headers: auth })).json()) as {
        backfill: { state: string };
      };
      const offline = (await (await fetch(`${proc.baseUrl}/api/servers?status=offline`, { headers: auth })).json()) as {
        servers: Array<{ id: string }>;
      };
      if (status.backfill.state === 'done' && offline.servers.map((s) => s.id).join() === 'WEB-US-003') break;
    }
  });
  afterAll(async () => {
    await proc?.stop();
    await deleteRedisPrefix(prefix);
    await db?.drop();
  });

  test('the first question of the issue: DB-EU-002 서버에 문제가 있나요?', async () => {
    const a = await ask('DB-EU-002 서버에 문제가 있나요?');
    expect(a).toMatchObject({
      intent: 'server_health',
      language: 'ko',
      severity: 'critical',
      entities: { servers: ['DB-EU-002'] },
    });
    expect(a.answer).toMatch(/^DB-EU-002: 위험 — CPU [\d.]+%.*메모리 [\d.]+%\(위험 기준 90% 이상\)/);
  });

  test.each(SCENARIO_QUESTIONS.map((s) => [`${s.scenario} ${s.language}`, s] as const))(
    '%s over HTTP',
    async (_name, s) => {
      const a = await ask(s.question);
      expect(a.intent).toBe(s.intent);
      checkAnswerShape(a, s.language);
      s.check(a);
    }
  );

  test('the same answers through the MCP client', async () => {
    const client = new Client({ name: 'system-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${proc.baseUrl}/mcp`), { requestInit: { headers: auth } })
    );
    try {
      for (const s of SCENARIO_QUESTIONS.filter((q) => q.language === 'ko')) {
        const result = (await client.callTool({ name: 'ask', arguments: { question: s.question } })) as CallToolResult;
        s.check(result.structuredContent as unknown as AskAnswer);
      }
    } finally {
      await client.close();
    }
  });
});
