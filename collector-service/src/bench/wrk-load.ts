/**
 * HTTP load from wrk (Debian's /usr/bin/wrk), a C load generator in a process of its own. A JavaScript client
 * sharing the benchmarked process needs most of a core for 20,000 requests a second: on two cores its own
 * scheduling set the tail. Measured with 50 connections on a bare node:http route, in one process with
 * nothing else: autocannon 23k req/s, p99 5–9 ms; wrk 35k req/s, p99 2.8–3.8 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WRK_BIN = process.env.WRK_BIN ?? '/usr/bin/wrk';
const INSTALL_HINT = "install Debian's wrk package (apt-get install -y wrk), which .ci/run does";

export interface LoadFigures {
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Answers other than 2xx/3xx, and socket errors and timeouts. */
  errors: number;
}

/** wrk's end-of-run hook: the figures as one JSON line (latency in microseconds). */
const REPORT_SCRIPT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

interface WrkReport {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  errors: number;
}

function runWrk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(WRK_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`wrk exited ${code}:\n${output}`))));
  });
}

/** GET `url` over `connections` keep-alive connections from one wrk thread for `durationSeconds`. */
export async function wrkLoad(url: string, connections: number, durationSeconds: number): Promise<LoadFigures> {
  if (!existsSync(WRK_BIN)) throw new Error(`${WRK_BIN} is missing: ${INSTALL_HINT}`);
  const dir = await mkdtemp(join(tmpdir(), 'om-wrk-'));
  try {
    const script = join(dir, 'report.lua');
    await writeFile(script, REPORT_SCRIPT);
    const output = await runWrk([
      '-t1',
      `-c${connections}`,
      `-d${durationSeconds}s`,
      '--timeout',
      '5s',
      '-s',
      script,
      url,
    ]);
    const line = output.split('\n').find((l) => l.startsWith('{"requests"'));
    if (!line) throw new Error(`wrk printed no report:\n${output}`);
    const r = JSON.parse(line) as WrkReport;
    return {
      requestsPerSecond: r.requests / (r.durationUs / 1e6),
      p50: r.p50Us / 1000,
      p99: r.p99Us / 1000,
      errors: r.errors,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
