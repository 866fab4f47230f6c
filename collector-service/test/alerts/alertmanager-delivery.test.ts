/**
 * Delivery through a real Alertmanager (Debian's) to a local webhook and a local SMTP server:
 * DB-EU-002's memory alert (the shipped rule, `for` shortened) fires, is explained in Korean,
 * reaches both; a restart keeps it firing with its startsAt and does not page again; the
 * condition clearing sends a resolved notice; a silence stops delivery; an HA pair of services
 * sending the same alert pages once.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { DummyCollector } from '../../src/collectors/dummy/dummy-collector';
import { loadConfig } from '../../src/config';
import type { MetricCollector } from '../../src/domain/collector';
import { startService, type RunningService } from '../../src/service';
import { createTestDatabase, silentLog, type TestDatabase } from '../support/services';
import {
  startAlertmanager,
  startSmtpServer,
  startWebhookReceiver,
  testAlertmanagerConfig,
  waitFor,
  type RealAlertmanager,
  type SmtpServer,
  type WebhookReceiver,
} from './support/alertmanager';

const SHIPPED_RULES = path.resolve(__dirname, '../../../provisioning/alerting/openmanager.rules.yml');
const ALERT = 'OpenManagerMemoryCritical';
const SERVER = 'DB-EU-002';
const HANGUL = /[\uAC00-\uD7A3]/;
const INTERVAL_MS = 500;

/** The dummy fleet, with DB-EU-002's memory brought down while `healed` is set. */
function healableFleet(state: { healed: boolean }): MetricCollector {
  const dummy = new DummyCollector({ seed: 42, servers: 30, thresholds: loadConfig({}).thresholds });
  return Object.assign(Object.create(dummy) as MetricCollector, {
    name: 'dummy',
    async collectAll() {
      const result = await dummy.collectAll();
      if (state.healed)
        result.samples = result.samples.map((s) =>
          s.serverId === SERVER ? { ...s, memoryUsage: 40, status: 'online' as const } : s
        );
      return result;
    },
  });
}

describe('alerts delivered through a real Alertmanager', () => {
  let db: TestDatabase;
  let am: RealAlertmanager;
  let webhook: WebhookReceiver;
  let smtp: SmtpServer;
  let dir: string;
  let service: RunningService | undefined;
  const fleet = { healed: false };

  const start = async () => {
    const config = loadConfig({
      DATABASE_URL: db.url,
      DUMMY_BACKFILL_HOURS: '0',
      COLLECT_INTERVAL_MS: String(INTERVAL_MS),
      ALERT_EVALUATION_INTERVAL_MS: String(INTERVAL_MS),
      ALERT_RESEND_DELAY_MS: '1000',
      ALERT_RULES_FILE: path.join(dir, 'rules.yml'),
      ALERTMANAGER_URL: am.url,
      ALERT_LANGUAGE: 'ko',
      GRAFANA_URL: 'http://grafana.test:3000',
    });
    service = await startService(config, silentLog, { collectors: [healableFleet(fleet)] });
    return service;
  };
  const ours = (payloads: WebhookReceiver['received'], status: 'firing' | 'resolved') =>
    payloads
      .flatMap((p) => p.alerts)
      .filter((a) => a.labels.alertname === ALERT && a.labels.server === SERVER && a.status === status);
  const amAlert = async () =>
    ((await am.api(`alerts?filter=alertname%3D%22${ALERT}%22`)) as any[]).find((a) => a.labels.server === SERVER);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'om-alerts-'));
    // The shipped memory rule, firing at the first evaluation that sees it.
    const shipped = parseYaml(await readFile(SHIPPED_RULES, 'utf8'));
    const rule = shipped.groups.flatMap((g: any) => g.rules).find((r: any) => r.alert === ALERT);
    await writeFile(
      path.join(dir, 'rules.yml'),
      stringify({ groups: [{ name: 'memory', rules: [{ ...rule, for: '0s' }] }] })
    );
    [db, webhook, smtp] = await Promise.all([createTestDatabase(), startWebhookReceiver(), startSmtpServer()]);
    am = await startAlertmanager(testAlertmanagerConfig(webhook.url, smtp.port));
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await Promise.all([am?.close(), webhook?.close(), smtp?.close()]);
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('fires at the first evaluation that sees it, and reaches the webhook and the mailbox, explained in Korean', async () => {
    const s = await start();
    const alert = await waitFor('the alert to fire', async () => {
      const body = (await (await s.app.request('/api/alerts')).json()) as any;
      return body.alerts.find(
        (a: any) => a.name === ALERT && a.server === SERVER && a.state === 'firing' && a.description
      );
    });
    expect(alert.firedAt).toBe(alert.activeAt);
    expect(alert.labels).toMatchObject({ alertname: ALERT, server: SERVER, severity: 'critical', metric: 'memory' });

    const [hooked] = await waitFor(
      'the webhook notification',
      () => ours(webhook.received, 'firing')[0] && ours(webhook.received, 'firing')
    );
    expect(hooked.labels).toMatchObject({ alertname: ALERT, server: SERVER, severity: 'critical' });
    expect(hooked.annotations.summary).toMatch(/^DB-EU-002: memory at \d+(\.\d+)?% \(critical at 90%\)$/);
    expect(hooked.annotations.description).toMatch(HANGUL);
    expect(hooked.annotations.description).toContain(SERVER);
    expect(hooked.generatorURL).toBe(
      'http://grafana.test:3000/d/openmanager-fleet/openmanager-fleet?var-server=DB-EU-002'
    );

    await waitFor('the e-mail', () => (smtp.mailbox().includes(`[firing] ${ALERT} ${SERVER}`) ? true : undefined));
  }, 60_000);

  it('keeps firing across a restart with its original startsAt, without paging again', async () => {
    const before = await amAlert();
    const paged = ours(webhook.received, 'firing').length;
    await service!.close();
    const restartedAt = Date.now();
    const s = await start();
    const body = (await (await s.app.request('/api/alerts')).json()) as any;
    const restored = body.alerts.find((a: any) => a.name === ALERT && a.server === SERVER);
    expect(restored.state).toBe('firing');
    expect(restored.firedAt).toBe(before.startsAt.replace(/(\.\d{3})\d*Z$/, '$1Z'));
    // The new process resends it (resend delay 1 s): Alertmanager hears from it again…
    const after = await waitFor('a resend from the restarted service', async () => {
      const a = await amAlert();
      return Date.parse(a.updatedAt) > restartedAt ? a : undefined;
    });
    expect(after.startsAt).toBe(before.startsAt);
    // …and after two more group intervals still nothing new was paged.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(ours(webhook.received, 'firing')).toHaveLength(paged);
  }, 60_000);

  it('sends a resolved notice when the condition clears', async () => {
    fleet.healed = true;
    const [resolved] = await waitFor(
      'the resolved notice',
      () => ours(webhook.received, 'resolved')[0] && ours(webhook.received, 'resolved')
    );
    expect(resolved.labels).toMatchObject({ alertname: ALERT, server: SERVER });
    expect(Date.parse(resolved.endsAt)).toBeGreaterThan(Date.parse(resolved.startsAt));
    const body = (await (await service!.app.request('/api/alerts')).json()) as any;
    expect(body.alerts.find((a: any) => a.name === ALERT && a.server === SERVER)).toBeUndefined();
  }, 60_000);

  it('delivers nothing while a silence created in Alertmanager matches', async () => {
    const now = new Date();
    await am.api('silences', {
      method: 'POST',
      body: JSON.stringify({
        matchers: [
          { name: 'alertname', value: ALERT, isRegex: false, isEqual: true },
          { name: 'server', value: SERVER, isRegex: false, isEqual: true },
        ],
        startsAt: now.toISOString(),
        endsAt: new Date(now.getTime() + 3_600_000).toISOString(),
        createdBy: 'test',
        comment: 'maintenance',
      }),
    });
    const paged = ours(webhook.received, 'firing').length;
    fleet.healed = false;
    const silenced = await waitFor('the alert to reach Alertmanager again, suppressed', async () => {
      const a = await amAlert();
      return a && a.status.state === 'suppressed' && Date.parse(a.startsAt) >= now.getTime() ? a : undefined;
    });
    expect(silenced.status.silencedBy).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(ours(webhook.received, 'firing')).toHaveLength(paged);
  }, 60_000);
});

describe('an HA pair of services behind one Alertmanager', () => {
  let db: TestDatabase;
  let am: RealAlertmanager;
  let webhook: WebhookReceiver;
  let dir: string;
  const replicas: RunningService[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'om-alerts-ha-'));
    await writeFile(
      path.join(dir, 'rules.yml'),
      `groups: [{ name: memory, rules: [{ alert: ${ALERT}, expr: 'openmanager_memory_usage_percent >= 90', labels: { severity: critical, metric: memory } }] }]`
    );
    [db, webhook] = await Promise.all([createTestDatabase(), startWebhookReceiver()]);
    am = await startAlertmanager(testAlertmanagerConfig(webhook.url));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await Promise.all([am?.close(), webhook?.close()]);
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('both replicas send the same alert and Alertmanager notifies once', async () => {
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({
        DATABASE_URL: db.url,
        DUMMY_BACKFILL_HOURS: '0',
        COLLECT_INTERVAL_MS: String(INTERVAL_MS),
        ALERT_RESEND_DELAY_MS: '1000',
        ALERT_RULES_FILE: path.join(dir, 'rules.yml'),
        ALERTMANAGER_URL: am.url,
      });
      replicas.push(await startService(config, silentLog, { collectors: [healableFleet({ healed: false })] }));
    }
    await waitFor('both replicas to have sent their alerts', () =>
      replicas.every((r) => r.context.alerting.delivery.sent > 0) ? true : undefined
    );
    const sent = await Promise.all(
      replicas.map(
        async (r) =>
          ((await (await r.app.request('/api/alerts')).json()) as any).alerts.find((a: any) => a.server === SERVER)
            .labels
      )
    );
    expect(sent[0]).toEqual(sent[1]);
    await waitFor('the notification', () => (webhook.received.length > 0 ? true : undefined));
    // Two more group intervals after both sent: still one notification for the alert.
    await new Promise((r) => setTimeout(r, 1_200));
    const notified = webhook.received
      .flatMap((p) => p.alerts)
      .filter((a) => a.labels.alertname === ALERT && a.labels.server === SERVER);
    expect(notified).toHaveLength(1);
  }, 60_000);
});
