/** `npm run agent`: serves this machine's readings over the custom on-prem API. Wiring only. */
import { serve } from '@hono/node-server';
import pino from 'pino';
import { isLoopback } from '../config';
import { agentApp } from './agent-app';
import { AgentConfigError, loadAgentConfig } from './agent-config';
import { hostExtrasReader } from './host-extras';
import { SystemSampler } from './system-sampler';

async function main(): Promise<void> {
  const log = pino({ name: 'openmanager-agent' });
  if (process.platform !== 'linux')
    throw new AgentConfigError(`the agent reads Linux /proc and does not run on ${process.platform}`);
  const config = loadAgentConfig();
  const readExtras = hostExtrasReader({
    config,
    onProblem: (source, problem) =>
      problem === null
        ? log.info({ source }, 'reading works again')
        : log.warn(
            { source, problem },
            source === 'systemd' ? 'services are not reported' : 'scraping application metrics failed'
          ),
  });
  const sampler = new SystemSampler({
    intervalMs: config.sampleIntervalMs,
    readExtras,
    onError: (error) =>
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'reading this machine failed'),
  });
  await sampler.start();
  const app = agentApp({ config, latest: () => sampler.latest() });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ serverId: config.serverId, url: `http://${config.host}:${info.port}` }, 'agent serving the on-prem API');
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      `openmanager agent: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}\n`
    );
    process.exit(1);
  });
  if (!isLoopback(config.host))
    log.warn(
      'listening beyond loopback over plain HTTP: put a TLS-terminating proxy in front so the key is not sent in clear'
    );
  const stop = () => {
    sampler.stop();
    server.close(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`openmanager agent: ${message}\n`);
  process.exit(1);
});
