/** Real peers for delivery tests: Debian's Alertmanager, a local webhook receiver and a local SMTP server (aiosmtpd). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/ports';

const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';
const PYTHON = '/usr/bin/python3';

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function run(bin: string, args: string[]): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface WebhookPayload {
  status: 'firing' | 'resolved';
  alerts: Array<{
    status: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
  }>;
}

export interface WebhookReceiver {
  url: string;
  received: WebhookPayload[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookPayload[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(JSON.parse(body) as WebhookPayload);
      res.end('ok');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) };
}

export interface SmtpServer {
  port: number;
  /** Everything the debugging handler printed: the messages received. */
  mailbox: () => string;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpServer> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing`);
  const port = await freePort();
  const p = run(PYTHON, ['-u', '-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`]);
  await waitFor('aiosmtpd to listen (install Debian python3-aiosmtpd)', async () => {
    if (p.child.exitCode !== null) throw new Error(`aiosmtpd exited: ${p.output()}`);
    return (await canConnect(port)) ? true : undefined;
  });
  return { port, mailbox: p.output, close: p.stop };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.end();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface RealAlertmanager {
  url: string;
  api(path: string, init?: RequestInit): Promise<any>;
  close(): Promise<void>;
}

/** Short timings so a test sees notifications within a second or two; e-mail too when an SMTP port is given. */
export function testAlertmanagerConfig(webhookUrl: string, smtpPort?: number): string {
  const smtp =
    smtpPort === undefined
      ? ''
      : `global:
  smtp_smarthost: 127.0.0.1:${smtpPort}
  smtp_from: openmanager@example.test
  smtp_require_tls: false
`;
  const email =
    smtpPort === undefined
      ? ''
      : `    email_configs:
      - to: oncall@example.test
        send_resolved: true
        headers: { Subject: '[{{ .Status }}] {{ .CommonLabels.alertname }} {{ .CommonLabels.server }}' }
`;
  return `${smtp}route:
  receiver: oncall
  group_by: [server, alertname]
  group_wait: 200ms
  group_interval: 500ms
  repeat_interval: 1h
receivers:
  - name: oncall
    webhook_configs:
      - url: ${webhookUrl}
        send_resolved: true
${email}`;
}

export async function startAlertmanager(config: string): Promise<RealAlertmanager> {
  if (!existsSync(ALERTMANAGER_BIN))
    throw new Error(`${ALERTMANAGER_BIN} is missing: install Debian's prometheus-alertmanager (.ci/run does)`);
  const dir = await mkdtemp(join(tmpdir(), 'om-am-'));
  await writeFile(join(dir, 'alertmanager.yml'), config);
  const port = await freePort();
  const p = run(ALERTMANAGER_BIN, [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('Alertmanager to be ready', async () => {
    if (p.child.exitCode !== null) throw new Error(`alertmanager exited: ${p.output()}`);
    try {
      return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
    } catch {
      return undefined;
    }
  });
  return {
    url,
    async api(path, init) {
      const res = await fetch(`${url}/api/v2/${path}`, { ...init, headers: { 'content-type': 'application/json' } });
      if (!res.ok) throw new Error(`Alertmanager ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async close() {
      await p.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
