/** The agent's configuration: defaults, the required key, and errors that name the variable. */
import { hostname } from 'node:os';
import { loadAgentConfig } from '../../src/agent/agent-config';

const KEY = 'k3y-with.allowed_chars~+/0123';

test('defaults: loopback port 9101, host name as server id, 5 s readings', () => {
  expect(loadAgentConfig({ AGENT_API_KEY: KEY })).toEqual({
    port: 9101,
    host: '127.0.0.1',
    apiKey: KEY,
    serverId: hostname(),
    region: 'on-prem',
    role: 'server',
    sampleIntervalMs: 5000,
    services: [],
    scrapeUrls: [],
  });
});

test('every variable is read', () => {
  const config = loadAgentConfig({
    AGENT_API_KEY: KEY,
    AGENT_PORT: '19101',
    AGENT_HOST: '0.0.0.0',
    AGENT_SERVER_ID: ' ONPREM-APP-01 ',
    AGENT_REGION: 'seoul-dc1',
    AGENT_ROLE: 'app',
    AGENT_SAMPLE_INTERVAL_MS: '1000',
    AGENT_SERVICES: 'postfix, nginx.service,,systemd-fsck@dev-disk-by\\x2duuid.service',
    AGENT_SCRAPE_URLS:
      'http://127.0.0.1:9100/metrics, http://localhost:8080/actuator/prometheus,http://[::1]:3000/metrics',
  });
  expect(config).toMatchObject({
    port: 19101,
    host: '0.0.0.0',
    serverId: 'ONPREM-APP-01',
    region: 'seoul-dc1',
    role: 'app',
    sampleIntervalMs: 1000,
    services: ['postfix', 'nginx.service', 'systemd-fsck@dev-disk-by\\x2duuid.service'],
    scrapeUrls: [
      'http://127.0.0.1:9100/metrics',
      'http://localhost:8080/actuator/prometheus',
      'http://[::1]:3000/metrics',
    ],
  });
});

test.each([
  ['no key', {}, /^AGENT_API_KEY is required: set it to a secret of 16\+ characters/],
  ['a short key', { AGENT_API_KEY: 'short-secret' }, /^AGENT_API_KEY expects a secret of 16\+ characters/],
  [
    'a key a Bearer header cannot carry',
    { AGENT_API_KEY: 'has spaces and : colons here' },
    /^AGENT_API_KEY expects a secret of 16\+ characters from A-Z/,
  ],
  [
    'a port out of range',
    { AGENT_API_KEY: KEY, AGENT_PORT: '70000' },
    'AGENT_PORT expects a TCP port 0-65535, got "70000"',
  ],
  [
    'an empty server id',
    { AGENT_API_KEY: KEY, AGENT_SERVER_ID: '  ' },
    'AGENT_SERVER_ID expects the id this server is reported under',
  ],
  [
    'a too fast interval',
    { AGENT_API_KEY: KEY, AGENT_SAMPLE_INTERVAL_MS: '10' },
    'AGENT_SAMPLE_INTERVAL_MS expects milliseconds between readings, 100 or more, got "10"',
  ],
  [
    'a unit name with a space',
    { AGENT_API_KEY: KEY, AGENT_SERVICES: 'postfix,my unit' },
    'AGENT_SERVICES expects comma-separated systemd unit names (e.g. postfix,nginx.service)',
  ],
  [
    'a scrape URL on another machine',
    { AGENT_API_KEY: KEY, AGENT_SCRAPE_URLS: 'http://127.0.0.1:9100/metrics,http://10.0.0.5:9100/metrics' },
    'AGENT_SCRAPE_URLS expects comma-separated http(s) URLs on this machine (127.0.0.1, ::1 or localhost)',
  ],
  [
    'a scrape address that is not a URL',
    { AGENT_API_KEY: KEY, AGENT_SCRAPE_URLS: '127.0.0.1:9100' },
    'AGENT_SCRAPE_URLS expects comma-separated http(s) URLs on this machine',
  ],
])('%s is refused with a message naming the variable', (_case, env, message) => {
  expect(() => loadAgentConfig(env)).toThrow(message);
});

test('the key is never echoed back', () => {
  const badKey = 'not a valid key but a secret nonetheless';
  expect(() => loadAgentConfig({ AGENT_API_KEY: badKey })).toThrow(
    expect.objectContaining({ message: expect.not.stringContaining(badKey) })
  );
});
