/** A stand-in exporter: a fixed exposition file served at /metrics by node:http on a free loopback port. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';

export interface ExpositionServer {
  /** `127.0.0.1:<port>`, as a scrape target. */
  address: string;
  close(): Promise<void>;
}

export async function serveExposition(file: string): Promise<ExpositionServer> {
  const body = await readFile(file, 'utf8');
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
