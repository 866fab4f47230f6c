/** A small OpenAI-compatible chat completions server on loopback, standing in for the model API: scripted replies, requests recorded. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  headers: Record<string, string | string[] | undefined>;
}

export type Reply = { status: number; content: string } | 'hang';

export interface ModelStandIn {
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

export async function startModelStandIn(reply: (req: ChatRequest) => Reply): Promise<ModelStandIn> {
  const requests: ChatRequest[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as Omit<ChatRequest, 'headers'>;
      const request = { ...parsed, headers: req.headers };
      requests.push(request);
      const r = reply(request);
      if (r === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: r.content }, finish_reason: 'stop' }],
        })
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The document the rephraser sent as data. */
export function sentData(req: ChatRequest): {
  question: string;
  answer: string;
  findings: Array<Record<string, unknown>>;
} {
  return JSON.parse(req.messages.find((m) => m.role === 'user')!.content);
}
