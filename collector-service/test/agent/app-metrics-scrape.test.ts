/** Scraping application metrics from a real loopback HTTP server speaking the Prometheus text format. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scrapeAppMetrics } from '../../src/agent/app-metrics-scrape';
import { freePort } from '../support/ports';

const EXPOSITION = `# HELP http_requests_total The total number of HTTP requests.
# TYPE http_requests_total counter
http_requests_total{method="post",code="200"} 1027 1395066363000
http_requests_total{method="post",code="400"}    3
# TYPE queue_depth gauge
queue_depth{queue="mail",server="mx1"} 12
# TYPE temperature untyped
temperature NaN
# TYPE request_seconds histogram
request_seconds_bucket{le="0.1"} 5
request_seconds_bucket{le="+Inf"} 7
request_seconds_sum 1.5
request_seconds_count 7
# TYPE rpc_seconds summary
rpc_seconds{quantile="0.5"} 0.2
rpc_seconds_sum 3
rpc_seconds_count 10
`;

let server: Server;
let base: string;
let requests: Array<{ url?: string; accept?: string }>;

beforeAll(async () => {
  requests = [];
  server = createServer((req, res) => {
    requests.push({ url: req.url, accept: req.headers.accept });
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(EXPOSITION);
    } else if (req.url === '/slow') {
      setTimeout(() => res.writeHead(200).end('late 1\n'), 1000);
    } else if (req.url === '/garbage') {
      res.writeHead(200).end('this is { not the text format\n');
    } else {
      res.writeHead(404).end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('every sample becomes an entry: counters and gauges as they are, histograms and summaries as their series', async () => {
  const { metrics, problems } = await scrapeAppMetrics([`${base}/metrics`], 2000);
  expect(problems).toEqual([]);
  expect(metrics).toEqual([
    { name: 'http_requests_total', labels: { method: 'post', code: '200' }, value: 1027 },
    { name: 'http_requests_total', labels: { method: 'post', code: '400' }, value: 3 },
    // a label the server already has is kept under exported_<name>, as Prometheus does
    { name: 'queue_depth', labels: { queue: 'mail', exported_server: 'mx1' }, value: 12 },
    { name: 'request_seconds_bucket', labels: { le: '0.1' }, value: 5 },
    { name: 'request_seconds_bucket', labels: { le: '+Inf' }, value: 7 },
    { name: 'request_seconds_sum', labels: {}, value: 1.5 },
    { name: 'request_seconds_count', labels: {}, value: 7 },
    { name: 'rpc_seconds', labels: { quantile: '0.5' }, value: 0.2 },
    { name: 'rpc_seconds_sum', labels: {}, value: 3 },
    { name: 'rpc_seconds_count', labels: {}, value: 10 },
  ]);
  expect(requests.at(-1)).toEqual({ url: '/metrics', accept: expect.stringContaining('text/plain;version=0.0.4') });
});

test('an endpoint that fails is named with why; the others still count', async () => {
  const closed = `http://127.0.0.1:${await freePort()}/metrics`;
  const { metrics, problems } = await scrapeAppMetrics(
    [`${base}/metrics`, `${base}/missing`, `${base}/slow`, `${base}/garbage`, closed],
    300
  );
  expect(metrics).toHaveLength(10);
  expect(problems).toEqual([
    `${base}/missing: HTTP 404`,
    `${base}/slow: no answer within 300 ms`,
    `${base}/garbage: this left out: the value "is" is not a number`,
    `${closed}: ECONNREFUSED`,
  ]);
});
