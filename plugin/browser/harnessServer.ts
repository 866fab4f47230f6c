/**
 * HTTP server for the Chromium host page on 127.0.0.1 (port 0): serves browser/index.html, browser/dist/host.js and
 * the BUILT plugins under /dist/<id>/, and plays Grafana's data proxy for the `openmanager` data source, so the
 * API key stays in this process as it stays in Grafana's server.
 */
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';

import { asyncListener } from '../src/testing/asyncListener';
import { proxyRequest } from '../src/testing/dataProxy';

const PLUGIN_ROOT = path.resolve(__dirname, '..');
/** Grafana serves @grafana/ui's icons from public/build/img/icons; the package ships them. */
const ICONS_URL = '/public/build/img/icons/';
const ICONS_DIR = path.join(
  path.dirname(require.resolve('@grafana/ui/package.json')),
  'dist',
  'public',
  'img',
  'icons'
);
const PROXY_PREFIX = '/api/datasources/proxy/uid/openmanager/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

export interface HarnessOptions {
  /** The collector service the proxy forwards to, e.g. http://127.0.0.1:8787. */
  serviceUrl: string;
  apiKey?: string;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

function fileUnder(root: string, relative: string): string | undefined {
  const resolved = path.resolve(root, `.${relative}`);
  return resolved.startsWith(root + path.sep) && fs.existsSync(resolved) && fs.statSync(resolved).isFile()
    ? resolved
    : undefined;
}

/** `/` is the host page; `/browser/...` and `/dist/...` map to plugin/browser and plugin/dist; icons as Grafana serves them. */
function staticFile(urlPath: string): string | undefined {
  if (urlPath.startsWith(ICONS_URL)) {
    return fileUnder(ICONS_DIR, `/${urlPath.slice(ICONS_URL.length)}`);
  }
  const file = urlPath === '/' ? '/browser/index.html' : urlPath;
  return file.startsWith('/browser/') || file.startsWith('/dist/') ? fileUnder(PLUGIN_ROOT, file) : undefined;
}

function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
    request.on('error', reject);
  });
}

export async function startHarness({ serviceUrl, apiKey = '' }: HarnessOptions): Promise<Harness> {
  const pluginJson = JSON.parse(
    fs.readFileSync(path.join(PLUGIN_ROOT, 'dist', 'openmanager-vibe-datasource', 'plugin.json'), 'utf8')
  );
  const settings = { routes: pluginJson.routes, jsonData: { url: serviceUrl }, secureJsonData: { apiKey } };

  const server = http.createServer(
    asyncListener(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith(PROXY_PREFIX)) {
        const contentType = req.headers['content-type'];
        const answer = await proxyRequest(
          {
            method: req.method ?? 'GET',
            proxyPath: url.pathname.slice(PROXY_PREFIX.length),
            query: url.searchParams,
            headers: contentType ? { 'Content-Type': contentType } : {},
            body: await readBody(req),
          },
          settings
        );
        res.writeHead(answer.status, { 'Content-Type': answer.contentType });
        res.end(answer.text);
        return;
      }
      const file = staticFile(url.pathname);
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    })
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
