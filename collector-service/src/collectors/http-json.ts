/** JSON over HTTP for the collectors that poll an HTTP API: timeouts, abort, and errors that say what went wrong. */
import type { z } from 'zod';

export interface JsonRequest {
  /** Who answers, for error messages (`Prometheus`, `on-prem API`). */
  service: string;
  url: URL;
  init?: RequestInit;
  timeoutMs: number;
  /** The collection run's signal: aborting it cancels the request. */
  signal?: AbortSignal;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

const BODY_SNIPPET_CHARS = 120;

/** Sends one request and parses the JSON body, whatever the status. Throws an Error naming the service on any failure. */
export async function fetchJson(request: JsonRequest): Promise<JsonAnswer> {
  const { service, url, init, timeoutMs, signal } = request;
  // url.origin never carries user:password, so it is safe to show.
  const where = `${service} at ${url.origin}`;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let text: string;
  let status: number;
  try {
    const response = await fetch(url, { ...init, signal: combined });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw new Error(`${where}: request aborted (${reasonOf(signal)})`);
    if (timeout.aborted) throw new Error(`${where} did not answer within ${timeoutMs} ms`);
    throw new Error(`${where} is unreachable: ${causeOf(error)}`);
  }
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    const snippet = text.length > BODY_SNIPPET_CHARS ? `${text.slice(0, BODY_SNIPPET_CHARS)}…` : text;
    throw new Error(`${where} answered HTTP ${status} with a body that is not JSON: ${JSON.stringify(snippet)}`);
  }
}

/** Validates an answer; a mismatch throws `<what> is malformed: <field path>: <problem>`. */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatPath(issue.path);
  throw new Error(`${what} is malformed: ${field === '' ? 'body' : field}: ${issue.message}`);
}

/** `servers[2].cpu_usage` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

// Duck-typed rather than `instanceof Error`: fetch's errors may come from another realm (jest's VM contexts).
type ErrorLike = { message?: string; code?: string; cause?: unknown } | undefined;

function reasonOf(signal: AbortSignal): string {
  const reason = signal.reason as ErrorLike;
  return reason?.message || String(reason);
}

function causeOf(error: unknown): string {
  const failure = error as ErrorLike;
  const cause = failure?.cause as ErrorLike;
  return cause?.message || cause?.code || failure?.message || String(error);
}
