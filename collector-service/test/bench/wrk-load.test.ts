/** The benchmark's load generator: real wrk against a loopback server; what it reports is what the server did. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wrkLoad } from '../../src/bench/wrk-load';

let server: Server;
let baseUrl: string;
let served = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    served++;
    if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 20);
      return;
    }
    res.writeHead(req.url === '/limited' ? 429 : 200, { 'content-type': 'text/plain' });
    res.end('answer');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

test('reports the requests the server answered, with no errors when every answer is 200', async () => {
  served = 0;
  const figures = await wrkLoad(`${baseUrl}/ok`, 4, 1);
  expect(figures.errors).toBe(0);
  expect(figures.requestsPerSecond).toBeGreaterThan(100);
  // wrk counts what completed within its run; the server may have seen a few more (in flight at the end).
  expect(figures.requestsPerSecond).toBeLessThanOrEqual(served * 1.05);
  expect(figures.p50).toBeGreaterThan(0);
  expect(figures.p99).toBeGreaterThanOrEqual(figures.p50);
});

test('counts answers other than 2xx as errors, so a rate-limited bench is not read as a fast one', async () => {
  const figures = await wrkLoad(`${baseUrl}/limited`, 4, 1);
  expect(figures.errors).toBeGreaterThan(0);
  expect(figures.errors).toBeGreaterThanOrEqual(figures.requestsPerSecond * 0.9);
});

test('latency is in milliseconds as the server spent them', async () => {
  const figures = await wrkLoad(`${baseUrl}/slow`, 2, 1);
  expect(figures.p50).toBeGreaterThanOrEqual(19);
  expect(figures.p50).toBeLessThan(200);
});
