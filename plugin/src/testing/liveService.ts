/**
 * The BUILT collector service as a real process for the plugin's tests (tests/support/process.ts starts it), on
 * embedded storage in a temporary DATA_DIR with 2 h of backfilled history and one read key.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { RunningProcess, SERVICE_MAIN, freePort, startProcess } from '../../../tests/support/process';

export const LIVE_API_KEY = 'grafana-plugin-test-key';
export const BACKFILL_HOURS = 2;

export interface LiveService {
  url: string;
  process: RunningProcess;
  /** Stops the process (idempotent) and removes its data. */
  stop(): Promise<void>;
}

/** GET with the key; resolves with the parsed body of a 200, else undefined (not up yet). */
function getJson(url: string): Promise<any> {
  return new Promise((resolve) => {
    http
      .get(url, { headers: { Authorization: `Bearer ${LIVE_API_KEY}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(res.statusCode === 200 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
          } catch {
            resolve(undefined);
          }
        });
      })
      .on('error', () => resolve(undefined));
  });
}

/**
 * Polls /api/status (node:http: jsdom has no fetch for tests/support's waitForOk) until the service answers and
 * its history is backfilled, so the first query sees the whole range.
 */
async function waitUntilBackfilled(service: RunningProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`the collector service exited with ${service.child.exitCode}:\n${service.output()}`);
    }
    const status = await getJson(`${service.baseUrl}/api/status`);
    if (status?.backfill?.state === 'done') {
      return;
    }
    if (status?.backfill?.state === 'failed') {
      throw new Error(`the collector service could not backfill its history:\n${service.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the collector service had not backfilled its history within ${timeoutMs} ms:\n${service.output()}`);
}

export async function startLiveService(timeoutMs = 90_000): Promise<LiveService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'om-plugin-'));
  const port = await freePort();
  const service = startProcess(
    SERVICE_MAIN,
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      DUMMY_BACKFILL_HOURS: String(BACKFILL_HOURS),
      API_KEYS: `grafana:read:${LIVE_API_KEY}`,
      LOG_LEVEL: 'warn',
    },
    port
  );
  const stop = async () => {
    await service.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilBackfilled(service, timeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: service.baseUrl, process: service, stop };
}
