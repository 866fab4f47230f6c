/** The agent's HTTP API through app.request: the key, the three routes, and the contract's error shape. */
import { agentApp } from '../../src/agent/agent-app';
import type { AgentConfig } from '../../src/agent/agent-config';
import type { AgentSample } from '../../src/agent/system-sampler';

type ErrorBody = { error: { code: string; message: string } };

const KEY = 'agent-test-key-0123456789';
const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
const config: AgentConfig = {
  port: 0,
  host: '127.0.0.1',
  apiKey: KEY,
  serverId: 'ONPREM-APP-01',
  region: 'seoul-dc1',
  role: 'app',
  sampleIntervalMs: 1000,
  services: [],
  scrapeUrls: [],
};
const sample: AgentSample = {
  at: new Date(NOW - 400),
  cpuUsage: 12.5,
  memoryUsage: 40,
  diskUsage: 61.2,
  networkInBytes: null,
  networkOutBytes: 2048,
  load1m: 0.3,
  uptimeSeconds: 5000,
};

function app(latest: AgentSample | null = sample) {
  return agentApp({ config, latest: () => latest, now: () => NOW });
}
const withKey = (key = KEY) => ({ headers: { authorization: `Bearer ${key}` } });

describe('the key', () => {
  test.each([
    ['no Authorization header', {}, 'send the agent key as Authorization: Bearer <AGENT_API_KEY>'],
    ['a wrong key', withKey('agent-test-key-0123456780'), 'the key is not valid'],
    ['a key of another length', withKey('x'), 'the key is not valid'],
    [
      'another scheme',
      { headers: { authorization: `Basic ${KEY}` } },
      'the Authorization header must be Bearer <AGENT_API_KEY>',
    ],
  ])('%s → 401 in the contract error shape', async (_case, init, message) => {
    for (const path of ['/api/servers', '/api/servers/ONPREM-APP-01/metrics', '/api/servers/ONPREM-APP-01/status']) {
      const res = await app().request(path, init);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message } });
    }
  });
});

test('GET /api/servers lists this one server', async () => {
  const res = await app().request('/api/servers', withKey());
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    servers: [
      {
        id: 'ONPREM-APP-01',
        region: 'seoul-dc1',
        role: 'app',
        labels: { platform: expect.any(String), kernel: expect.any(String) },
      },
    ],
  });
});

test('GET /api/servers/{id}/metrics answers the newest reading, nulls kept', async () => {
  const res = await app().request('/api/servers/ONPREM-APP-01/metrics', withKey());
  expect(await res.json()).toEqual({
    server_id: 'ONPREM-APP-01',
    timestamp: new Date(NOW - 400).toISOString(),
    cpu_usage: 12.5,
    memory_usage: 40,
    disk_usage: 61.2,
    network_in_bytes: null,
    network_out_bytes: 2048,
    load_1m: 0.3,
    uptime_seconds: 5000,
  });
});

test('services, volumes and application metrics are served in the metrics answer when the agent has them', async () => {
  const extras = {
    services: [{ name: 'postfix.service', state: 'failed' as const, since: '2026-11-26T07:00:00.000Z' }],
    volumes: [{ name: 'sda', read_bytes_per_second: 4096, write_bytes_per_second: 0 }],
    appMetrics: [{ name: 'queue_depth', labels: { queue: 'mail' }, value: 7 }],
  };
  const res = await app({ ...sample, ...extras }).request('/api/servers/ONPREM-APP-01/metrics', withKey());
  expect(await res.json()).toMatchObject({
    server_id: 'ONPREM-APP-01',
    services: extras.services,
    volumes: extras.volumes,
    app_metrics: extras.appMetrics,
  });
});

test('before the first reading, metrics are 503 not_ready and the server is not online', async () => {
  const res = await app(null).request('/api/servers/ONPREM-APP-01/metrics', withKey());
  expect(res.status).toBe(503);
  expect(((await res.json()) as ErrorBody).error.code).toBe('not_ready');
  const status = await (await app(null).request('/api/servers/ONPREM-APP-01/status', withKey())).json();
  expect(status).toEqual({ server_id: 'ONPREM-APP-01', online: false, checked_at: new Date(NOW).toISOString() });
});

test('status is online while readings are fresh, offline once they are 3 intervals old', async () => {
  const online = async (at: number) =>
    (
      (await (
        await app({ ...sample, at: new Date(at) }).request('/api/servers/ONPREM-APP-01/status', withKey())
      ).json()) as { online: boolean }
    ).online;
  expect(await online(NOW - 2999)).toBe(true);
  expect(await online(NOW - 3001)).toBe(false);
});

test('another server id, or another route, is 404 in the error shape', async () => {
  for (const path of ['/api/servers/OTHER/metrics', '/api/servers/OTHER/status', '/api/nothing']) {
    const res = await app().request(path, withKey());
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
  }
});
