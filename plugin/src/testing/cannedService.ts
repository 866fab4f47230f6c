/** Test HTTP server on 127.0.0.1 (port 0) answering with a handler the test gives, and recording every request. */
import http from 'node:http';
import { AddressInfo } from 'node:net';

import { asyncListener } from './asyncListener';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface CannedAnswer {
  status?: number;
  body: unknown;
  /** Answer only after this long, to see what a user sees while waiting. */
  delayMs?: number;
}

export type CannedHandler = (request: RecordedRequest) => CannedAnswer;

export interface CannedService {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler for the following requests. */
  answerWith(handler: CannedHandler): void;
  close(): Promise<void>;
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve(text === '' ? undefined : JSON.parse(text));
    });
    request.on('error', reject);
  });
}

export async function startCannedService(initial: CannedHandler): Promise<CannedService> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const server = http.createServer(
    asyncListener(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(recorded);
      const answer = handler(recorded);
      if (answer.delayMs) {
        await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      }
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    })
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith: (next) => {
      handler = next;
    },
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
