/** The service's HTTP server: cache-hit reads answered from memory first (memory-reads.ts), every other request by the Hono app. */
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpApp } from './app';

/** `hostname` names the service in request URLs that come without a Host header. */
export function createHttpServer(http: Pick<HttpApp, 'app' | 'memoryReads'>, hostname?: string): Server {
  const throughApp = getRequestListener(http.app.fetch, { hostname });
  // A throw in a request listener would end the process: the app answers instead, and its error handler logs.
  const answeredFromMemory = (req: IncomingMessage, res: ServerResponse) => {
    try {
      return http.memoryReads(req, res);
    } catch {
      return res.headersSent;
    }
  };
  return createServer((req, res) => {
    if (!answeredFromMemory(req, res)) void throughApp(req, res);
  });
}
