/** The spool of the configured DATA_DIR (`<DATA_DIR>/spool`), or none when data lives in memory or the directory is unusable. */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { SegmentSpool } from './segment-spool';

export async function openSpool(
  config: Pick<Config, 'dataDir' | 'spoolMaxBytes'>,
  log: Logger
): Promise<SegmentSpool | null> {
  if (config.dataDir.startsWith('memory://')) return null;
  const dir = path.resolve(config.dataDir, 'spool');
  try {
    const spool = await SegmentSpool.open(dir, config.spoolMaxBytes, log);
    log.info({ dir, ...spool.stats(), maxBytes: config.spoolMaxBytes }, 'write spool ready');
    return spool;
  } catch (err) {
    log.error(
      { dir, err: (err as Error).message },
      'write spool unusable: batches the database refuses are held in memory only'
    );
    return null;
  }
}
