/** The on-prem agent's HTTP API (openapi/onprem-agent.yaml): this one server, behind a Bearer key. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { platform, release } from 'node:os';
import { Hono, type Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import type { ServerList, ServerMetricsAnswer, ServerStatusAnswer } from '../collectors/custom-api/onprem-api-schema';
import { errorResponse } from '../http/errors';
import type { AgentConfig } from './agent-config';
import type { AgentSample } from './system-sampler';

export interface AgentAppOptions {
  config: AgentConfig;
  latest: () => AgentSample | null;
  now?: () => number;
}

/** Readings older than this many sampling intervals mean the sampler is stuck: the server reports offline. */
const STALE_INTERVALS = 3;

/** Compares digests, so neither the content nor the length of the key leaks through timing. */
function sameKey(expected: Buffer): (token: string) => boolean {
  return (token) => timingSafeEqual(expected, createHash('sha256').update(token).digest());
}

export function agentApp({ config, latest, now = Date.now }: AgentAppOptions): Hono {
  const app = new Hono();
  const unauthorized = (message: string) => ({
    message: (c: Context) => errorResponse(c, 401, 'unauthorized', message),
  });

  app.use(
    '/api/*',
    bearerAuth({
      verifyToken: sameKey(createHash('sha256').update(config.apiKey).digest()),
      noAuthenticationHeader: unauthorized('send the agent key as Authorization: Bearer <AGENT_API_KEY>'),
      invalidAuthenticationHeader: unauthorized('the Authorization header must be Bearer <AGENT_API_KEY>'),
      invalidToken: unauthorized('the key is not valid'),
    })
  );

  const knownServer = (c: Context) => c.req.param('id') === config.serverId;
  const unknownServer = (c: Context) =>
    errorResponse(c, 404, 'not_found', `this agent serves ${JSON.stringify(config.serverId)} only`);

  app.get('/api/servers', (c) => {
    const list: ServerList = {
      servers: [
        {
          id: config.serverId,
          region: config.region,
          role: config.role,
          labels: { platform: platform(), kernel: release() },
        },
      ],
    };
    return c.json(list);
  });

  app.get('/api/servers/:id/status', (c) => {
    if (!knownServer(c)) return unknownServer(c);
    const sample = latest();
    const fresh = sample !== null && now() - sample.at.getTime() <= STALE_INTERVALS * config.sampleIntervalMs;
    const status: ServerStatusAnswer = {
      server_id: config.serverId,
      online: fresh,
      checked_at: new Date(now()).toISOString(),
    };
    return c.json(status);
  });

  app.get('/api/servers/:id/metrics', (c) => {
    if (!knownServer(c)) return unknownServer(c);
    const sample = latest();
    if (!sample) return errorResponse(c, 503, 'not_ready', 'the first reading of this machine is not taken yet');
    const answer: ServerMetricsAnswer = {
      server_id: config.serverId,
      timestamp: sample.at.toISOString(),
      cpu_usage: sample.cpuUsage,
      memory_usage: sample.memoryUsage,
      disk_usage: sample.diskUsage,
      network_in_bytes: sample.networkInBytes,
      network_out_bytes: sample.networkOutBytes,
      load_1m: sample.load1m,
      uptime_seconds: sample.uptimeSeconds,
      ...(sample.services && { services: sample.services }),
      ...(sample.volumes && { volumes: sample.volumes }),
      ...(sample.appMetrics && { app_metrics: sample.appMetrics }),
    };
    return c.json(answer);
  });

  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) =>
    error instanceof HTTPException ? error.getResponse() : errorResponse(c, 500, 'internal', error.message)
  );
  return app;
}
