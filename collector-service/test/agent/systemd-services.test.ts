/** systemd units through systemctl: parsing its output, which units are asked about, and a machine without systemd. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnitList, parseUnitStates, readServices, unitName } from '../../src/agent/systemd-services';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

test('unit names: a bare name is a .service unit', () => {
  expect(['postfix', 'nginx.service', 'backup.timer', 'postgresql@15-main'].map(unitName)).toEqual([
    'postfix.service',
    'nginx.service',
    'backup.timer',
    'postgresql@15-main.service',
  ]);
});

test("list-units --plain: the first column, with or without systemd's failure bullet", () => {
  expect(parseUnitList(fixture('systemctl-failed.txt'))).toEqual(['postfix.service', 'certbot.service']);
  expect(parseUnitList('')).toEqual([]);
});

test('show: each unit with its ActiveState and since when; no timestamp → null', () => {
  expect(parseUnitStates(fixture('systemctl-show.txt'))).toEqual([
    { name: 'nginx.service', state: 'active', since: '2025-12-04T08:00:00.000Z' },
    { name: 'postgresql@15-main.service', state: 'reloading', since: '2025-12-04T09:00:00.000Z' },
    { name: 'absent.service', state: 'inactive', since: null },
    { name: 'postfix.service', state: 'failed', since: '2025-12-04T07:00:00.000Z' },
    { name: 'certbot.service', state: 'failed', since: '2025-12-04T06:00:00.000Z' },
  ]);
});

test('asks about the configured units and every failed one, each once', async () => {
  const calls: string[][] = [];
  const reading = await readServices(['nginx', 'postgresql@15-main', 'absent', 'postfix.service'], async (args) => {
    calls.push(args);
    return args[0] === 'list-units' ? fixture('systemctl-failed.txt') : fixture('systemctl-show.txt');
  });
  expect(calls).toEqual([
    ['list-units', '--type=service', '--state=failed', '--no-legend', '--plain'],
    [
      'show',
      '--timestamp=unix',
      '-p',
      'Id,ActiveState,StateChangeTimestamp',
      '--',
      'nginx.service',
      'postgresql@15-main.service',
      'absent.service',
      'postfix.service',
      'certbot.service',
    ],
  ]);
  expect(reading).toMatchObject({ available: true, services: expect.arrayContaining([expect.any(Object)]) });
});

test('nothing configured and nothing failed: no services, without asking systemctl show', async () => {
  const calls: string[][] = [];
  const reading = await readServices([], async (args) => (calls.push(args), ''));
  expect(reading).toEqual({ available: true, services: [] });
  expect(calls).toHaveLength(1);
});

test('a systemctl that fails is reported unavailable with its first line of complaint', async () => {
  const reading = await readServices(['nginx'], async () => {
    throw Object.assign(new Error('Command failed'), {
      code: 1,
      stderr:
        "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus",
    });
  });
  expect(reading).toEqual({
    available: false,
    reason: "systemctl cannot answer: System has not been booted with systemd as init system (PID 1). Can't operate.",
  });
});

// sd_booted(): systemd is the init system exactly when /run/systemd/system exists.
const systemdRuns = existsSync('/run/systemd/system');

test(`this machine's systemctl (systemd ${systemdRuns ? 'running' : 'not running'}): the reader says whether it can answer`, async () => {
  const reading = await readServices(['ssh']);
  if (systemdRuns) {
    expect(reading).toMatchObject({ available: true });
  } else {
    expect(reading).toEqual({ available: false, reason: expect.stringMatching(/^systemctl cannot answer: \S/) });
  }
});
