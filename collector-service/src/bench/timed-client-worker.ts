/** The worker side of TimedClient: sends each batch of requests together, parses every JSON answer, reports the time. */
import { parentPort } from 'node:worker_threads';
import type { TimedRequest } from './timed-client';

async function answer(request: TimedRequest): Promise<void> {
  const { url, ...init } = request;
  const res = await fetch(url, init);
  const body: unknown = await res.json();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
}

parentPort!.on('message', ({ id, requests }: { id: number; requests: TimedRequest[] }) => {
  const started = performance.now();
  Promise.all(requests.map(answer)).then(
    () => parentPort!.postMessage({ id, ms: performance.now() - started }),
    (err: Error) => parentPort!.postMessage({ id, error: err.message })
  );
});
