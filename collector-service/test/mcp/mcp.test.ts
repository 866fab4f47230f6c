/**
 * /mcp through the MCP SDK's own client (streamable HTTP) against a service listening on a free
 * loopback port, over real PostgreSQL and Redis with 24 h of dummy history, behind an API key.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AskAnswer } from '@openmanager/contract';
import type { MetricsAnswer, ServerDetail, ServerView } from '@openmanager/contract';
import { createHttpServer } from '../../src/http/server';
import type { RunningService } from '../../src/service';
import { checkAnswerShape, SCENARIO_QUESTIONS } from '../analysis/scenario-questions';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../support/services';
import { startTestService } from '../support/test-service';

const READ_KEY = 'assistant-secret-1';

describe('MCP server at /mcp', () => {
  let db: TestDatabase;
  let prefix: string;
  let service: RunningService;
  let server: Server;
  let url: URL;
  let client: Client;

  async function connect(key: string | null): Promise<Client> {
    const c = new Client({ name: 'openmanager-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(
      url,
      key ? { requestInit: { headers: { Authorization: `Bearer ${key}` } } } : {}
    );
    await c.connect(transport);
    return c;
  }
  const call = async <T>(name: string, args: Record<string, unknown>) => {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    return { result, data: result.structuredContent as T };
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
        API_KEYS: `assistant:read:${READ_KEY}`,
        COLLECT_INTERVAL_MS: '60000',
      },
    });
    await service.backfillDone;
    await service.context.manager.tick();
    server = createHttpServer(service, '127.0.0.1').listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
    client = await connect(READ_KEY);
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await new Promise((resolve) => server.close(resolve));
    await service.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  test('lists the six tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'ask',
      'detect_anomalies',
      'get_server',
      'list_alerts',
      'list_servers',
      'query_metrics',
    ]);
    const ask = tools.find((t) => t.name === 'ask')!;
    expect(ask.inputSchema).toMatchObject({
      type: 'object',
      required: ['question'],
      properties: { question: { type: 'string' } },
    });
  });

  test.each(SCENARIO_QUESTIONS.map((s) => [`${s.scenario} ${s.language}`, s] as const))(
    'ask %s: the scenario truth',
    async (_name, s) => {
      const { result, data } = await call<AskAnswer>('ask', { question: s.question });
      expect(result.isError).toBeFalsy();
      expect(result.content).toEqual([{ type: 'text', text: data.answer }]);
      expect(data.intent).toBe(s.intent);
      checkAnswerShape(data, s.language);
      s.check(data);
    }
  );

  test('list_alerts gives the firing alerts of a server with their explanations', async () => {
    // The shipped threshold rules (for: 5m) evaluated over the backfilled history: pending, then firing.
    const now = Date.now();
    await service.context.alerting.evaluateGroup(0, now - 6 * 60_000);
    await service.context.alerting.evaluateGroup(0, now);
    const { result, data } = await call<{ alerts: any[]; total: number }>('list_alerts', {
      server: 'db-eu-002',
      state: 'firing',
    });
    expect(result.isError).toBeFalsy();
    const memory = data.alerts.find((a) => a.name === 'OpenManagerMemoryCritical');
    expect(memory).toMatchObject({
      server: 'DB-EU-002',
      severity: 'critical',
      state: 'firing',
      labels: { metric: 'memory' },
    });
    expect(memory.description).toMatch(/DB-EU-002: critical — .*memory 9\d(\.\d)?% \(≥ critical threshold 90%\)/);
    expect(data.alerts.every((a) => a.server === 'DB-EU-002')).toBe(true);
  });

  test('list_servers filters like the API', async () => {
    const { data } = await call<{ servers: ServerView[]; total: number }>('list_servers', { status: 'offline' });
    expect(data.servers.map((s) => s.id)).toEqual(['WEB-US-003']);
    const aws = await call<{ total: number }>('list_servers', { provider: 'aws' });
    expect(aws.data.total).toBe(10);
  });

  test('get_server gives the newest sample; ids are matched case-insensitively', async () => {
    const { data } = await call<ServerDetail>('get_server', { id: 'db-eu-002' });
    expect(data).toMatchObject({ id: 'DB-EU-002', status: 'critical' });
    expect(data.metrics!.memory).toBeGreaterThanOrEqual(90);
  });

  test('query_metrics returns a downsampled series within the point limit', async () => {
    const { data } = await call<MetricsAnswer>('query_metrics', {
      server: 'ONPREM-FILE-01',
      metrics: ['disk'],
      from: 'now-6h',
      to: 'now',
      stepSeconds: 600,
    });
    expect(data.stepSeconds).toBe(600);
    expect(data.points.length).toBeGreaterThanOrEqual(36);
    expect(data.points.length).toBeLessThanOrEqual(37);
    expect(data.points.every((p) => typeof p.disk === 'number' && p.disk >= 80)).toBe(true);
  });

  test('HTTP and MCP answer the same question alike: the same points, the same id ignoring case', async () => {
    const http = async <T>(path: string) => {
      const res = await service.app.request(path, { headers: { Authorization: `Bearer ${READ_KEY}` } });
      return { status: res.status, body: (await res.json()) as T };
    };
    const to = Date.now() - 60_000;
    const from = to - 3 * 3_600_000;
    const viaHttp = await http<MetricsAnswer>(
      `/api/servers/db-eu-002/metrics?from=${from}&to=${to}&metrics=cpu,memory`
    );
    const viaMcp = await call<MetricsAnswer>('query_metrics', {
      server: 'db-eu-002',
      metrics: ['cpu', 'memory'],
      from,
      to,
    });
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body.id).toBe('DB-EU-002');
    expect(viaMcp.data).toEqual(viaHttp.body);
    // No step: the smallest whole-minute step (at least the collection interval) within 1,000 points, here one minute.
    expect(viaHttp.body.stepSeconds).toBe(60);
    expect(viaHttp.body.points.length).toBeGreaterThanOrEqual(180);

    // A step finer than the points cap allows is refused by both, with the same message.
    const weekAgo = to - 7 * 86_400_000;
    const tooFine = await http<{ error: { code: string; message: string } }>(
      `/api/servers/DB-EU-002/metrics?from=${weekAgo}&to=${to}&step=1`
    );
    expect(tooFine.status).toBe(422);
    expect(tooFine.body.error.code).toBe('points_limit');
    const mcpTooFine = await call('query_metrics', { server: 'DB-EU-002', from: weekAgo, to, stepSeconds: 1 });
    expect(mcpTooFine.result.isError).toBe(true);
    expect((mcpTooFine.result.content as Array<{ text: string }>)[0].text).toBe(tooFine.body.error.message);

    const detail = await http<ServerDetail>('/api/servers/Db-Eu-002');
    const mcpDetail = await call<ServerDetail>('get_server', { id: 'Db-Eu-002' });
    expect(detail.body).toMatchObject({ id: 'DB-EU-002', status: 'critical', source: 'cache' });
    expect(mcpDetail.data).toEqual(detail.body);

    const list = await http<{ servers: ServerView[] }>('/api/servers?provider=aws&region=eu-west-1');
    const mcpList = await call<{ servers: ServerView[] }>('list_servers', { provider: 'aws', region: 'eu-west-1' });
    expect(list.body.servers).toHaveLength(3);
    expect(mcpList.data.servers).toEqual(list.body.servers);
  });

  test('detect_anomalies uses the same analysis: the leak and the spikes', async () => {
    const { data } = await call<Pick<AskAnswer, 'findings' | 'severity' | 'answer'>>('detect_anomalies', {
      servers: ['K8S-WORKER-03', 'API-US-001'],
    });
    expect(
      data.findings.some((f) => f.kind === 'trend' && f.serverId === 'K8S-WORKER-03' && f.metric === 'memory')
    ).toBe(true);
    expect(data.findings.some((f) => f.kind === 'threshold' && f.serverId === 'API-US-001' && f.metric === 'cpu')).toBe(
      true
    );
    expect(data.severity).toBe('warning');
  });

  test('bad input is a tool error naming the argument, not a crash', async () => {
    const unknown = await call('get_server', { id: 'NOPE-1' });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.result.content).toEqual([
      { type: 'text', text: expect.stringContaining('server: no server with id "NOPE-1"') },
    ]);
    const badTime = await call('query_metrics', { server: 'DB-EU-001', from: 'last tuesday' });
    expect(badTime.result.isError).toBe(true);
    expect((badTime.result.content as Array<{ text: string }>)[0].text).toContain('from: expected epoch milliseconds');
    const schema = (await client.callTool({ name: 'ask', arguments: { question: '' } })) as CallToolResult;
    expect(schema.isError).toBe(true);
  });

  test('the same API keys: no key or a wrong key cannot connect', async () => {
    await expect(connect(null)).rejects.toMatchObject({
      code: 401,
      message: expect.stringContaining('missing API key'),
    });
    await expect(connect('not-the-key-1')).rejects.toMatchObject({
      code: 401,
      message: expect.stringContaining('API key not recognised'),
    });
  });

  test('GET /mcp (no server-initiated stream in stateless mode) → 405', async () => {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${READ_KEY}`, accept: 'text/event-stream' } });
    expect(res.status).toBe(405);
  });
});
