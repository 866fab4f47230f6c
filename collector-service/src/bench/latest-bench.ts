/**
 * Cache-hit GET /api/servers/:id under 50 concurrent connections (wrk, in a process of its own), against a
 * bare node:http route answering the same bytes; medians of alternating rounds, after a warm-up of each, so
 * neither is timed while it is being compiled.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchService } from './bench-service';
import { wrkLoad, type LoadFigures } from './wrk-load';

export interface LatestBenchResult {
  source: string;
  service: LoadFigures;
  bare: LoadFigures;
  /** The highest p99 of any round. */
  worstP99: { service: number; bare: number };
  /** The median over rounds of the service's p99 over the bare route's in the round beside it. */
  p99OverBare: number;
}

const CONNECTIONS = 50;
export const LATEST_ROUNDS = 5;
const WARM_UP_SECONDS = 1;

const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each figure's median over the rounds. */
function median(rounds: LoadFigures[]): LoadFigures {
  const mid = (pick: (f: LoadFigures) => number) => middle(rounds.map(pick));
  return {
    requestsPerSecond: mid((f) => f.requestsPerSecond),
    p50: mid((f) => f.p50),
    p99: mid((f) => f.p99),
    errors: rounds.reduce((n, f) => n + f.errors, 0),
  };
}

const load = (url: string, durationSeconds: number) => wrkLoad(url, CONNECTIONS, durationSeconds);

export async function runLatestBench(
  bench: BenchService,
  serverId: string,
  durationSeconds = 3
): Promise<LatestBenchResult> {
  const url = `${bench.baseUrl}/api/servers/${serverId}`;
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  const { source } = JSON.parse(bytes.toString()) as { source: string };

  const bareServer = createServer((_req, reply) => {
    reply.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    reply.end(bytes);
  });
  await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
  try {
    const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/api/servers/${serverId}`;
    await load(url, WARM_UP_SECONDS);
    await load(bareUrl, WARM_UP_SECONDS);
    // Alternating rounds, so load from elsewhere on the machine falls on both sides alike.
    const rounds: Array<{ service: LoadFigures; bare: LoadFigures }> = [];
    for (let r = 0; r < LATEST_ROUNDS; r++)
      rounds.push({ service: await load(url, durationSeconds), bare: await load(bareUrl, durationSeconds) });
    const worst = (pick: (r: (typeof rounds)[number]) => LoadFigures) => Math.max(...rounds.map((r) => pick(r).p99));
    return {
      source,
      service: median(rounds.map((r) => r.service)),
      bare: median(rounds.map((r) => r.bare)),
      worstP99: { service: worst((r) => r.service), bare: worst((r) => r.bare) },
      p99OverBare: middle(rounds.map((r) => r.service.p99 / r.bare.p99)),
    };
  } finally {
    await new Promise((resolve) => bareServer.close(resolve));
  }
}
