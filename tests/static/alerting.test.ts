/** The shipped Alertmanager config and the alerting profile: amtool accepts the config, secrets come from files, routes reach e-mail, Slack and SMS. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { readYaml, repoPath } from './repo-files';

const AMTOOL = process.env.AMTOOL_BIN ?? '/usr/bin/amtool';
const CONFIG = 'provisioning/alertmanager/alertmanager.yml';

describe('provisioning/alertmanager/alertmanager.yml', () => {
  const config = readYaml(CONFIG);

  it('passes amtool check-config (Debian prometheus-alertmanager)', () => {
    if (!existsSync(AMTOOL))
      throw new Error(`${AMTOOL} is missing: apt-get install prometheus-alertmanager (.ci/run does)`);
    const result = spawnSync(AMTOOL, ['check-config', repoPath(CONFIG)], { encoding: 'utf8' });
    expect({ status: result.status, out: result.stdout + result.stderr }).toMatchObject({
      status: 0,
      out: expect.stringContaining('SUCCESS'),
    });
  });

  it('reads every secret from a file: no password, token or webhook URL in the config', () => {
    expect(config.global.smtp_auth_password_file).toBe('/run/secrets/smtp_password');
    expect(config.global.slack_api_url_file).toBe('/run/secrets/slack_webhook_url');
    const text = JSON.stringify(config);
    expect(text).not.toMatch(/"(smtp_auth_password|slack_api_url|api_url|credentials|password)"/);
    const sms = config.receivers.find((r: any) => r.name === 'sms-email-slack').webhook_configs[0];
    expect(sms.http_config.authorization.credentials_file).toBe('/run/secrets/sms_token');
  });

  it('routes critical alerts to SMS, e-mail and Slack, warnings to e-mail and Slack, grouped by server', () => {
    expect(config.route.group_by).toContain('server');
    const byMatcher = Object.fromEntries(config.route.routes.map((r: any) => [r.matchers[0], r.receiver]));
    expect(byMatcher).toEqual({ 'severity="critical"': 'sms-email-slack', 'severity="warning"': 'email-slack' });
    const receiver = (name: string) => config.receivers.find((r: any) => r.name === name);
    expect(Object.keys(receiver('sms-email-slack')).sort()).toEqual([
      'email_configs',
      'name',
      'slack_configs',
      'webhook_configs',
    ]);
    expect(Object.keys(receiver('email-slack')).sort()).toEqual(['email_configs', 'name', 'slack_configs']);
  });

  it('inhibits the warnings of a server by its criticals', () => {
    expect(config.inhibit_rules).toContainEqual({
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity="warning"'],
      equal: ['server', 'metric'],
    });
  });
});

describe('compose profile alerting', () => {
  const { services, secrets } = readYaml('docker-compose.yml');

  it('runs Alertmanager with the shipped config and the secrets as files', () => {
    const am = services.alertmanager;
    expect(am.profiles).toEqual(['alerting']);
    expect(am.image).toMatch(/^prom\/alertmanager:v0\.\d+\.\d+$/);
    expect(am.volumes).toContain(`./${CONFIG}:/etc/alertmanager/alertmanager.yml:ro`);
    expect(am.secrets.sort()).toEqual(Object.keys(secrets).sort());
  });

  it('gives Grafana an Alertmanager data source of the Prometheus implementation', () => {
    const { datasources } = readYaml('provisioning/datasources/openmanager-alertmanager.yaml');
    expect(datasources).toEqual([
      expect.objectContaining({
        type: 'alertmanager',
        uid: 'openmanager-alertmanager',
        jsonData: expect.objectContaining({ implementation: 'prometheus' }),
      }),
    ]);
    expect(Object.keys(services.grafana.environment)).toContain('OPENMANAGER_ALERTMANAGER_URL');
  });
});
