/**
 * Alert-rule semantics checked against Prometheus itself: the same promtool unit tests (for,
 * keep_firing_for, templates, resolution, absent, aggregation) pass under `promtool test rules`
 * and under the service's evaluator fed the same input series.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { runPromtoolTests } from './support/promtool-tests';

const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const FIXTURES = path.join(__dirname, 'fixtures');
const TEST_FILE = path.join(FIXTURES, 'semantics.test.yml');
const SHIPPED_RULES = path.resolve(__dirname, '../../../provisioning/alerting/openmanager.rules.yml');

const promtool = (...args: string[]) => promisify(execFile)(PROMTOOL, args, { cwd: FIXTURES });

beforeAll(() => {
  if (!existsSync(PROMTOOL))
    throw new Error(`${PROMTOOL} is missing: install Debian's prometheus package (.ci/run does)`);
});

describe('alert rule semantics', () => {
  it('promtool itself passes the unit tests', async () => {
    const { stdout } = await promtool('test', 'rules', TEST_FILE);
    expect(stdout).toContain('SUCCESS');
  });

  it("the service's evaluator passes the same unit tests", async () => {
    const { checks, mismatches } = await runPromtoolTests(TEST_FILE);
    expect(mismatches).toEqual([]);
    expect(checks).toBeGreaterThanOrEqual(15);
  });

  it('promtool accepts the shipped rule file', async () => {
    const { stdout } = await promtool('check', 'rules', SHIPPED_RULES);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });
});
