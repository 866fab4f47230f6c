/** The agent's extras per sample: what is left out when systemd cannot answer, and a lasting problem told once. */
import { hostExtrasReader } from '../../src/agent/host-extras';

test('systemd unavailable: no services field, told once while it lasts and once when it recovers', async () => {
  const told: Array<[string, string | null]> = [];
  let systemdUp = false;
  const read = hostExtrasReader({
    config: { services: ['nginx'], scrapeUrls: [], sampleIntervalMs: 1000 },
    onProblem: (source, problem) => told.push([source, problem]),
    systemctl: async (args) => {
      if (!systemdUp) throw Object.assign(new Error('exit 1'), { stderr: 'Failed to connect to bus: Host is down' });
      return args[0] === 'show' ? 'Id=nginx.service\nActiveState=active\nStateChangeTimestamp=\n' : '';
    },
  });
  expect(await read()).toEqual({});
  expect(await read()).toEqual({});
  systemdUp = true;
  expect(await read()).toEqual({ services: [{ name: 'nginx.service', state: 'active', since: null }] });
  expect(told).toEqual([
    ['systemd', 'systemctl cannot answer: Failed to connect to bus: Host is down'],
    ['systemd', null],
  ]);
});
