/**
 * Timed HTTP requests sent from a worker thread. The benchmarked service runs on the bench's main thread;
 * a client parsing megabytes of JSON there would charge its own work to the service's event loop, which a
 * real client (Grafana, another process) never does. Both sides of a comparison go through the same worker.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface TimedRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Reply {
  id: number;
  ms?: number;
  error?: string;
}

export class TimedClient {
  private readonly worker = new Worker(path.join(__dirname, 'timed-client-worker.js'));
  private readonly pending = new Map<number, { resolve: (ms: number) => void; reject: (err: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', ({ id, ms, error }: Reply) => {
      const waiting = this.pending.get(id)!;
      this.pending.delete(id);
      if (error === undefined) waiting.resolve(ms!);
      else waiting.reject(new Error(error));
    });
    this.worker.on('error', (err) => {
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    });
  }

  /** Milliseconds from sending `requests` together until every answer is read and parsed; throws unless all are 200. */
  time(requests: TimedRequest[]): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, requests });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
