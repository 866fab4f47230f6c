/** Entry point: configuration → service → HTTP server; graceful shutdown on SIGTERM/SIGINT. */
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { startService } from './service';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const service = await startService(config, log);
  const server = serve({ fetch: service.app.fetch, port: config.port, hostname: config.host }, (info) =>
    log.info({ url: `http://${config.host}:${info.port}`, mode: config.mode }, 'OpenManager collector service listening'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing the current run and flushing writes');
    server.close();
    try {
      await service.close();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`OpenManager failed to start: ${err.message}`);
  process.exit(1);
});
