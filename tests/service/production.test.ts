/**
 * Production mode end to end: the built service collecting this machine through a real Prometheus
 * scraping a real node_exporter, and through the on-prem agent — into PostgreSQL and Redis. When one
 * collector breaks, the other keeps storing.
 */
import { statfs } from 'node:fs/promises';
import { Client } from 'pg';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../../collector-service/test/support/services';
import { waitFor } from '../collectors/support/binaries';
import { ensureAgentBuilt } from '../collectors/support/built-agent';
import { startPrometheusStack, type PrometheusStack } from '../collectors/support/prometheus-stack';
import { freePort, SERVICE_MAIN, startProcess, waitForOk, type RunningProcess } from '../support/process';

jest.setTimeout(180_000);

const AGENT_KEY = 'om-production-agent-key-51c0';
const API_KEY = 'om-production-read-key-9d2e';
const AGENT_SERVER = 'ONPREM-LAB-01';

describe('COLLECTOR_MODE=production with Prometheus and the on-prem agent', () => {
  let stack: PrometheusStack;
  let agent: RunningProcess;
  let service: RunningProcess;
  let db: TestDatabase;
  const prefix = uniqueRedisPrefix();
  const api = async (path: string) => {
    const res = await fetch(`${service.baseUrl}${path}`, { headers: { Authorization: `Bearer ${API_KEY}` } });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    stack = await startPrometheusStack('node', { region: 'lab-1' });
    const agentPort = await freePort();
    agent = startProcess(
      ensureAgentBuilt(),
      {
        AGENT_API_KEY: AGENT_KEY,
        AGENT_PORT: String(agentPort),
        AGENT_SERVER_ID: AGENT_SERVER,
        AGENT_SAMPLE_INTERVAL_MS: '500',
      },
      agentPort
    );
    db = await createTestDatabase();
    const port = await freePort();
    service = startProcess(
      SERVICE_MAIN,
      {
        PORT: String(port),
        COLLECTOR_MODE: 'production',
        API_KEYS: `ci:read:${API_KEY}`,
        DATABASE_URL: db.url,
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        COLLECT_INTERVAL_MS: '1000',
        PROMETHEUS_ENDPOINT: stack.prometheusUrl,
        PROMETHEUS_RATE_WINDOW: '5s',
        ONPREM_API_ENDPOINT: `http://127.0.0.1:${agentPort}`,
        ONPREM_API_KEY: AGENT_KEY,
      },
      port
    );
    await waitForOk(`${service.baseUrl}/api/health`, service, 60_000);
    // Both servers reporting full samples (the first reading of a rate has no cpu yet), then one run more.
    const fullSample = async (id: string) => {
      const { status, body } = await api(`/api/servers/${encodeURIComponent(id)}`);
      return status === 200 && body.status !== 'offline' && body.metrics?.cpu != null
        ? (body.lastSeen as string)
        : undefined;
    };
    const seen = await waitFor(
      'both servers reporting cpu, memory and disk',
      async () => {
        const [prom, onprem] = [await fullSample(stack.instance), await fullSample(AGENT_SERVER)];
        return prom && onprem ? { prom, onprem } : undefined;
      },
      60_000,
      500
    ).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${service.output()}`)));
    await waitFor(
      'another collection run',
      async () => {
        const [prom, onprem] = [await fullSample(stack.instance), await fullSample(AGENT_SERVER)];
        return prom && onprem && prom !== seen.prom && onprem !== seen.onprem ? true : undefined;
      },
      30_000,
      500
    );
  });

  afterAll(async () => {
    await service?.stop();
    await agent?.stop();
    await stack?.close();
    await deleteRedisPrefix(prefix);
    await db?.drop();
  });

  test('this machine appears twice — through Prometheus and through the agent — with real figures', async () => {
    const { body } = await api('/api/servers');
    const byId = new Map(body.servers.map((s: any) => [s.id, s]));
    expect(byId.get(stack.instance)).toMatchObject({
      provider: 'kubernetes',
      region: 'lab-1',
      collector: 'prometheus',
      status: expect.stringMatching(/online|warning|critical/),
    });
    expect(byId.get(AGENT_SERVER)).toMatchObject({ provider: 'onprem', collector: 'custom-api' });

    const fs = await statfs('/');
    const rootDisk = (100 * (fs.blocks - fs.bfree)) / (fs.blocks - fs.bfree + fs.bavail);
    for (const id of [stack.instance, AGENT_SERVER]) {
      const { body: server } = await api(`/api/servers/${encodeURIComponent(id)}`);
      expect(server.metrics.disk).toBeCloseTo(rootDisk, 0);
      expect(server.metrics.memory).toBeGreaterThan(0);
      expect(server.metrics.memory).toBeLessThan(100);
      expect(server.metrics.cpu).toBeGreaterThanOrEqual(0);
      expect(server.metrics.uptime_seconds).toBeGreaterThan(0);
    }
  });

  test('/api/status says the Prometheus collector found no kube-state-metrics, while it runs fine', async () => {
    const { body } = await api('/api/status');
    expect(body.collectors.find((c: { name: string }) => c.name === 'prometheus')).toMatchObject({
      state: 'ok',
      notices: [expect.stringMatching(/^Prometheus has no kube-state-metrics series/)],
    });
  });

  test('their samples are in server_metrics', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT server_id, count(*)::int AS n FROM server_metrics GROUP BY 1 ORDER BY 1'
    );
    await client.end();
    expect(rows.map((r) => r.server_id).sort()).toEqual([AGENT_SERVER, stack.instance].sort());
    expect(rows.every((r) => r.n >= 2)).toBe(true);
  });

  test('with Prometheus gone, its collector reports the error and the agent’s server keeps being stored', async () => {
    await stack.stopPrometheus();
    const status = await waitFor(
      'the prometheus collector to report an error',
      async () => {
        const { body } = await api('/api/status');
        const prom = body.collectors.find((c: { name: string }) => c.name === 'prometheus');
        return prom?.state === 'error' ? body : undefined;
      },
      30_000,
      500
    );
    const prom = status.collectors.find((c: { name: string }) => c.name === 'prometheus');
    expect(prom.lastError).toMatch(/Prometheus at http:\/\/127\.0\.0\.1:\d+/);
    const before = (await api(`/api/servers/${AGENT_SERVER}`)).body.lastSeen;
    await new Promise((r) => setTimeout(r, 2_500));
    const after = await api(`/api/servers/${AGENT_SERVER}`);
    expect(Date.parse(after.body.lastSeen)).toBeGreaterThan(Date.parse(before));
    expect(status.collectors.find((c: { name: string }) => c.name === 'custom-api')).toMatchObject({ state: 'ok' });
  });
});
