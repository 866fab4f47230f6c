/** The on-prem agent program on loopback, collected by the real CustomApiCollector; its answers match the OpenAPI document. */
import { chmod, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomApiCollector } from '../../collector-service/src/collectors/custom-api/custom-api-collector';
import { DEFAULT_THRESHOLDS } from '../../collector-service/src/domain/thresholds';
import { documentValidator, loadOnpremDocument } from '../../collector-service/test/collectors/support/onprem-openapi';
import { ensureAgentBuilt } from './support/built-agent';
import { freePort, startProcess, type RunningProcess } from '../support/process';
import { waitFor } from './support/binaries';

const KEY = 'om-agent-test-key-2f9c41d7';
const SERVER_ID = 'ONPREM-TEST-01';
const SAMPLE_INTERVAL_MS = 500;

const EXPOSITION = `# TYPE jobs_processed_total counter
jobs_processed_total{queue="mail"} 42
# TYPE queue_depth gauge
queue_depth{queue="mail"} 7
`;
const SYSTEMCTL_FIXTURES = join(__dirname, '../../collector-service/test/agent/fixtures');

let agentMain: string;
let agent: RunningProcess;
let url: string;
let app: Server;
let fakeBin: string;

/** systemd does not run on every test machine: a systemctl on PATH answering as systemd would, from the reader's fixtures. */
async function fakeSystemctl(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'om-systemctl-'));
  const script = join(dir, 'systemctl');
  await writeFile(
    script,
    `#!/bin/sh\ncase "$1" in\n  list-units) cat '${SYSTEMCTL_FIXTURES}/systemctl-failed.txt' ;;\n  show) cat '${SYSTEMCTL_FIXTURES}/systemctl-show.txt' ;;\n  *) exit 1 ;;\nesac\n`
  );
  await chmod(script, 0o755);
  return dir;
}

const collector = (apiKey = KEY) =>
  new CustomApiCollector({ endpoint: url, apiKey, thresholds: DEFAULT_THRESHOLDS, requestTimeoutMs: 5000 });

beforeAll(async () => {
  agentMain = ensureAgentBuilt();
  app = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(EXPOSITION));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  fakeBin = await fakeSystemctl();
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
      AGENT_SERVICES: 'nginx,postgresql@15-main',
      AGENT_SCRAPE_URLS: `http://127.0.0.1:${(app.address() as AddressInfo).port}/metrics`,
      PATH: `${fakeBin}:${process.env.PATH ?? ''}`,
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
  await new Promise((resolve) => app?.close(resolve));
  if (fakeBin) await rm(fakeBin, { recursive: true, force: true });
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

test("services, this machine's disks and the scraped application metrics arrive as series", async () => {
  const { series = [] } = await collector().collectAll(new AbortController().signal);
  const values = (name: string, label: string) =>
    Object.fromEntries(series.filter((s) => s.name === name).map((s) => [s.labels[label], s.value]));
  expect(values('openmanager_service_up', 'service')).toEqual({
    'nginx.service': 1,
    'postgresql@15-main.service': 1,
    'absent.service': 0,
    'postfix.service': 0,
    'certbot.service': 0,
  });

  const disks = (await readFile('/proc/diskstats', 'utf8'))
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[2])
    .filter((name) => name && !/^(?:loop|z?ram)\d+$/.test(name) && !/\d+p\d+$|^[hsv]d[a-z]+\d+$/.test(name));
  const reads = values('openmanager_volume_read_bytes_per_second', 'volume');
  expect(Object.keys(reads).sort()).toEqual([...disks].sort());
  expect(Object.keys(values('openmanager_volume_write_bytes_per_second', 'volume')).sort()).toEqual([...disks].sort());
  for (const rate of Object.values(reads)) expect(rate).toBeGreaterThanOrEqual(0);

  const appSeries = series.filter((s) => s.name.startsWith('openmanager_app_'));
  expect(appSeries.map(({ name, labels, value }) => ({ name, labels, value }))).toEqual([
    { name: 'openmanager_app_jobs_processed_total', labels: { queue: 'mail' }, value: 42 },
    { name: 'openmanager_app_queue_depth', labels: { queue: 'mail' }, value: 7 },
  ]);
  expect(new Set(series.map((s) => s.serverId))).toEqual(new Set([SERVER_ID]));
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
