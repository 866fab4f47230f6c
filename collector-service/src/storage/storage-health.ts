/** Is the database answering? Is the cache? Each probed with a short deadline so a health check never hangs. */
import type { BreakerState } from './cache-breaker';
import type { Storage } from './open-storage';

export interface ComponentHealth {
  kind: string;
  ok: boolean;
  latencyMs?: number;
  error?: string;
  /** The cache's circuit breaker, when it has one: `open` means reads skip the cache. */
  breaker?: BreakerState;
}

export interface StorageHealth {
  database: ComponentHealth;
  cache: ComponentHealth;
}

const PROBE_DEADLINE_MS = 2_000;

async function probe(kind: string, ping: () => Promise<number>): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_DEADLINE_MS} ms`)), PROBE_DEADLINE_MS);
    });
    const latencyMs = await Promise.race([ping(), deadline]);
    return { kind, ok: true, latencyMs: Math.round(latencyMs * 10) / 10 };
  } catch (err) {
    return { kind, ok: false, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkStorage(storage: Storage): Promise<StorageHealth> {
  const [database, cache] = await Promise.all([
    probe(storage.store.sql.kind, () => storage.store.ping()),
    probe(storage.cache.kind, () => storage.cache.ping()),
  ]);
  if (storage.breaker) {
    const breaker = storage.breaker.state();
    return { database, cache: { ...cache, ok: cache.ok && breaker !== 'open', breaker } };
  }
  return { database, cache };
}
