/** The slice of Prometheus' HTTP API the collector uses: instant queries answering a vector. */
import { z } from 'zod';
import { fetchJson, parseAnswer } from '../http-json';

export interface PrometheusApiOptions {
  /** Base URL; a path prefix (`https://host/prometheus`) is kept. */
  endpoint: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  timeoutMs: number;
}

/** One series of an instant vector; a value Prometheus reports as NaN or ±Inf is null. */
export interface VectorSample {
  labels: Record<string, string>;
  value: number | null;
}

const successSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('vector', { error: 'expects an instant vector' }),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        value: z.tuple([z.number(), z.string()]),
      })
    ),
  }),
});

const errorSchema = z.object({
  status: z.literal('error'),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

const envelopeSchema = z.object({ status: z.enum(['success', 'error'], { error: 'expects "success" or "error"' }) });

export class PrometheusApi {
  private readonly queryUrl: URL;

  constructor(private readonly options: PrometheusApiOptions) {
    const base = options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`;
    this.queryUrl = new URL('api/v1/query', base);
  }

  /** Evaluates `query` at `time`; `what` names the query in errors. */
  async instantQuery(what: string, query: string, time: Date, signal?: AbortSignal): Promise<VectorSample[]> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const body = new URLSearchParams({ query, time: (time.getTime() / 1000).toFixed(3) });
    const { status, body: answer } = await fetchJson({
      service: 'Prometheus',
      url: this.queryUrl,
      init: { method: 'POST', headers, body },
      timeoutMs: this.options.timeoutMs,
      signal,
    });
    const context = `Prometheus answer to the ${what} query (HTTP ${status})`;
    const { status: outcome } = parseAnswer(envelopeSchema, answer, context);
    if (outcome === 'error' || status >= 400) {
      const failure = parseAnswer(errorSchema.partial({ status: true }), answer, context);
      const hint = status === 401 || status === 403 ? ' (check PROMETHEUS_API_KEY)' : '';
      throw new Error(
        `Prometheus rejected the ${what} query with HTTP ${status}${hint}: ${failure.errorType ?? 'error'}: ${failure.error ?? 'no message'}`
      );
    }
    const { data } = parseAnswer(successSchema, answer, context);
    return data.result.map(({ metric, value }) => ({ labels: metric, value: finiteOrNull(value[1]) }));
  }
}

function finiteOrNull(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
