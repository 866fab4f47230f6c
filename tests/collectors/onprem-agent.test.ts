/** The on-prem agent program on loopback, collected by the real CustomApiCollector; its answers match the OpenAPI document. */
import { readFile, statfs } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { CustomApiCollector } from '../../collector-service/src/collectors/custom-api/custom-api-collector';
import { DEFAULT_THRESHOLDS } from '../../collector-service/src/domain/thresholds';
import { documentValidator, loadOnpremDocument } from '../../collector-service/test/collectors/support/onprem-openapi';
import { ensureAgentBuilt } from './support/built-agent';
import { freePort, startProcess, type RunningProcess } from '../support/process';
import { waitFor } from './support/binaries';

const KEY = 'om-agent-test-key-2f9c41d7';
const SERVER_ID = 'ONPREM-TEST-01';
const SAMPLE_INTERVAL_MS = 500;

let agentMain: string;
let agent: RunningProcess;
let url: string;

const collector = (apiKey = KEY) =>
  new CustomApiCollector({ endpoint: url, apiKey, thresholds: DEFAULT_THRESHOLDS, requestTimeoutMs: 5000 });

beforeAll(async () => {
  agentMain = ensureAgentBuilt();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  agent = startProcess(
    agentMain,
    {
      AGENT_API_KEY: KEY,
      AGENT_PORT: String(port),
      AGENT_SERVER_ID: SERVER_ID,
      AGENT_REGION: 'test-lab',
      AGENT_ROLE: 'ci-runner',
      AGENT_SAMPLE_INTERVAL_MS: String(SAMPLE_INTERVAL_MS),
    },
    port
  );
  await waitFor(
    'the agent to listen',
    async () => ((await fetch(`${url}/api/servers`)).status === 401 ? true : undefined),
    20_000
  ).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${agent.output()}`)));
  // two readings, so CPU and network rates exist
  await new Promise((r) => setTimeout(r, 2.5 * SAMPLE_INTERVAL_MS));
}, 240_000);

afterAll(async () => {
  await agent?.stop();
});

test('refuses to start without AGENT_API_KEY, saying so', async () => {
  const port = await freePort();
  const keyless = startProcess(agentMain, { AGENT_PORT: String(port) }, port);
  expect(await keyless.exited).toBe(1);
  expect(keyless.output()).toMatch(/^openmanager agent: AGENT_API_KEY is required/);
}, 20_000);

test.each([
  ['no key', {}],
  ['a wrong key', { authorization: 'Bearer om-agent-test-key-2f9c41d8' }],
])('%s → 401 with the contract error shape', async (_case, headers: Record<string, string>) => {
  const res = await fetch(`${url}/api/servers/${SERVER_ID}/metrics`, { headers });
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
});

test("the collector gathers this machine's real figures through the agent", async () => {
  const { servers, samples, unreachable } = await collector().collectAll(new AbortController().signal);
  expect(servers).toEqual([
    {
      id: SERVER_ID,
      provider: 'onprem',
      region: 'test-lab',
      role: 'ci-runner',
      collector: 'custom-api',
      labels: { platform: 'linux', kernel: expect.any(String) },
    },
  ]);
  expect(unreachable).toEqual([]);
  const sample = samples[0];
  expect(Date.now() - sample.timestamp.getTime()).toBeLessThan(3 * SAMPLE_INTERVAL_MS);

  const meminfo = await readFile('/proc/meminfo', 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo)![1]);
  expect(Math.abs(sample.memoryUsage! - 100 * (1 - kib('MemAvailable') / kib('MemTotal')))).toBeLessThan(2);
  const fs = await statfs('/');
  expect(
    Math.abs(sample.diskUsage! - (100 * (fs.blocks - fs.bfree)) / (fs.blocks - fs.bfree + fs.bavail))
  ).toBeLessThan(0.5);
  const procUptime = Number((await readFile('/proc/uptime', 'utf8')).split(' ')[0]);
  expect(Math.abs(sample.uptimeSeconds! - procUptime)).toBeLessThan(3);
  expect(Math.abs(sample.load1m! - loadavg()[0])).toBeLessThan(1.5);
  expect(sample.cpuUsage).toBeGreaterThanOrEqual(0);
  expect(sample.cpuUsage).toBeLessThanOrEqual(100);
  expect(sample.networkInBytes).toBeGreaterThanOrEqual(0);
  expect(sample.networkOutBytes).toBeGreaterThanOrEqual(0);
});

test('every answer of the agent conforms to the OpenAPI document', async () => {
  const document = loadOnpremDocument();
  const get = async (path: string) =>
    (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${KEY}` } })).json();
  expect(documentValidator(document, 'ServerList')(await get('/api/servers'))).toBe(true);
  expect(documentValidator(document, 'ServerStatus')(await get(`/api/servers/${SERVER_ID}/status`))).toBe(true);
  expect(documentValidator(document, 'ServerMetrics')(await get(`/api/servers/${SERVER_ID}/metrics`))).toBe(true);
  expect(documentValidator(document, 'Error')(await get('/api/servers/OTHER/metrics'))).toBe(true);
});

test('a collector with the wrong ONPREM_API_KEY gets a clear error', async () => {
  await expect(collector('om-agent-wrong-key-000000').collectAll(new AbortController().signal)).rejects.toThrow(
    'on-prem API answered HTTP 401 to GET /api/servers (check ONPREM_API_KEY): unauthorized: the key is not valid'
  );
});

test('the agent stops on SIGTERM; the collector then reports it unreachable', async () => {
  expect(await agent.stop()).toBe(0);
  await expect(collector().collectAll(new AbortController().signal)).rejects.toThrow(
    /^on-prem API at http:\/\/127\.0\.0\.1:\d+ is unreachable: .*ECONNREFUSED/
  );
});
