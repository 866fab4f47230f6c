/** Entry point: configuration → service → HTTP server; graceful shutdown on SIGTERM/SIGINT. */
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { createHttpServer } from './http/server';
import { createLogger } from './logger';
import { tuneGarbageCollection } from './runtime-memory';
import { startService } from './service';

async function main(): Promise<void> {
  tuneGarbageCollection();
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
  const server = createHttpServer(service, config.host);
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    log.info({ url: `http://${config.host}:${port}`, mode: config.mode }, 'OpenManager collector service listening');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = config.shutdownTimeoutMs;
    log.info(
      { signal, timeoutMs },
      'shutting down: no new requests; finishing those in flight and persisting pending writes'
    );
    setTimeout(() => {
      log.error(
        { timeoutMs },
        'shutdown did not finish within SHUTDOWN_TIMEOUT_MS: batches not yet in the database or the spool are lost'
      );
      process.exit(1);
    }, timeoutMs).unref();
    try {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      const report = await service.close();
      if (report.unpersistedSamples > 0) {
        log.error(
          { unpersistedSamples: report.unpersistedSamples },
          'shutdown: samples could not be persisted (the database and the spool both refused them)'
        );
        process.exit(1);
      }
      log.info('stopped cleanly: every collected sample is in the database or the spool');
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
