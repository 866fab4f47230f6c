/** Client of the custom on-prem API: three GETs, Bearer key, every answer validated before use. */
import type { z } from 'zod';
import { fetchJson, parseAnswer } from '../http-json';
import {
  errorBodySchema,
  serverListSchema,
  serverReportSchema,
  serverStatusSchema,
  type ServerEntry,
  type ServerReport,
  type ServerStatusAnswer,
} from './onprem-api-schema';

export interface OnpremApiOptions {
  endpoint: string;
  apiKey?: string;
  timeoutMs: number;
}

const SERVICE = 'on-prem API';

export class OnpremApiClient {
  private readonly base: string;

  constructor(private readonly options: OnpremApiOptions) {
    this.base = options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`;
  }

  async listServers(signal?: AbortSignal): Promise<ServerEntry[]> {
    const answer = await this.get('api/servers', serverListSchema, signal);
    return answer?.servers ?? [];
  }

  /** Null when the API no longer knows the server (404). */
  async status(serverId: string, signal?: AbortSignal): Promise<ServerStatusAnswer | null> {
    return this.checkedFor(
      serverId,
      'status',
      await this.get(`api/servers/${encodeURIComponent(serverId)}/status`, serverStatusSchema, signal, true)
    );
  }

  /** Null when the API no longer knows the server (404). */
  async metrics(serverId: string, signal?: AbortSignal): Promise<ServerReport | null> {
    return this.checkedFor(
      serverId,
      'metrics',
      await this.get(`api/servers/${encodeURIComponent(serverId)}/metrics`, serverReportSchema, signal, true)
    );
  }

  private checkedFor<T extends { server_id: string }>(serverId: string, what: string, answer: T | null): T | null {
    if (answer && answer.server_id !== serverId) {
      throw new Error(
        `${SERVICE} answer to GET /api/servers/${serverId}/${what} is malformed: server_id: expects ${JSON.stringify(serverId)}, got ${JSON.stringify(answer.server_id)}`
      );
    }
    return answer;
  }

  private async get<S extends z.ZodType>(
    path: string,
    schema: S,
    signal?: AbortSignal,
    missingIsNull = false
  ): Promise<z.infer<S> | null> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const request = `GET /${path}`;
    const { status, body } = await fetchJson({
      service: SERVICE,
      url: new URL(path, this.base),
      init: { headers },
      timeoutMs: this.options.timeoutMs,
      signal,
    });
    if (status === 404 && missingIsNull) return null;
    if (status < 200 || status >= 300) {
      const failure = errorBodySchema.safeParse(body);
      const hint = status === 401 || status === 403 ? ' (check ONPREM_API_KEY)' : '';
      const detail = failure.success ? `${failure.data.error.code}: ${failure.data.error.message}` : 'no error body';
      throw new Error(`${SERVICE} answered HTTP ${status} to ${request}${hint}: ${detail}`);
    }
    return parseAnswer(schema, body, `${SERVICE} answer to ${request}`);
  }
}
