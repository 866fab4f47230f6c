/** The service's HTTP server: cache-hit reads answered from memory first (memory-reads.ts), every other request by the Hono app. */
import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { HttpApp } from './app';

/** `hostname` names the service in request URLs that come without a Host header. */
export function createHttpServer(http: Pick<HttpApp, 'app' | 'memoryReads'>, hostname?: string): Server {
  const throughApp = getRequestListener(http.app.fetch, { hostname });
  return createServer((req, res) => {
    if (!http.memoryReads(req, res)) void throughApp(req, res);
  });
}
