/** node:http request listeners written as async functions, without unhandled rejections. */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** A failure of `handler` answers 500 with its message (or ends the answer already started). */
export function asyncListener(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): RequestListener {
  return (req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
      }
      res.end(err instanceof Error ? err.message : String(err));
    });
  };
}
