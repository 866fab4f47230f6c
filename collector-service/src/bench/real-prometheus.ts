/**
 * A real Prometheus (Debian's /usr/bin/prometheus) holding given samples, for tests and `npm run bench`: they are written as
 * OpenMetrics with timestamps, turned into TSDB blocks by promtool, and served on a loopback port.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './loopback';

const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const INSTALL_HINT = "install Debian's prometheus package (apt-get install -y prometheus), which .ci/run does";

export interface MetricFamily {
  name: string;
  series: Array<{ labels: Record<string, string>; samples: Array<[timeMs: number, value: number]> }>;
}

export interface RealPrometheus {
  url: string;
  /** GET /api/v1/<path> with the parameters; the parsed JSON body and status. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Prometheus's JSON, compared field by field with ours
  api(path: string, params: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export function toOpenMetrics(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# TYPE ${family.name} gauge`);
    for (const s of family.series) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      for (const [t, v] of s.samples) lines.push(`${family.name}{${labels}} ${v} ${t / 1000}`);
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

export async function startRealPrometheus(families: MetricFamily[]): Promise<RealPrometheus> {
  for (const bin of [PROMETHEUS_BIN, PROMTOOL_BIN])
    if (!existsSync(bin)) throw new Error(`${bin} is missing: ${INSTALL_HINT}`);
  const dir = await mkdtemp(join(tmpdir(), 'om-promql-'));
  await writeFile(join(dir, 'samples.om'), toOpenMetrics(families));
  await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
  await promisify(execFile)(PROMTOOL_BIN, [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    join(dir, 'samples.om'),
    join(dir, 'data'),
  ]);
  const port = await freePort();
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=30d',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`prometheus exited at start:\n${output}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`prometheus not ready after 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async api(path, params) {
      const res = await fetch(`${url}/api/v1/${path}?${new URLSearchParams(params)}`);
      return { status: res.status, body: await res.json() };
    },
    close,
  };
}
