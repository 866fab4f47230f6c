/** Prometheus HTTP API parameters: from the URL and a form-encoded POST body, times, durations and `match[]` selectors. */
import { badData, PromError } from '../errors';
import { parseDurationText } from '../parse/literals';
import type { Matcher } from '../matchers';
import { parsePromQL } from '../parse/parse';

/** URL query and form body together; body values first, as Go's Request.Form has them. */
export class ApiParams {
  private constructor(private readonly values: URLSearchParams[]) {}

  static async fromRequest(request: Request): Promise<ApiParams> {
    const sources = [new URL(request.url).searchParams];
    const type = request.headers.get('content-type') ?? '';
    if (request.method === 'POST' && type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      sources.unshift(new URLSearchParams(await request.text()));
    }
    return new ApiParams(sources);
  }

  get(name: string): string | undefined {
    for (const source of this.values) {
      const value = source.get(name);
      if (value !== null) return value;
    }
    return undefined;
  }

  getAll(name: string): string[] {
    return this.values.flatMap((source) => source.getAll(name));
  }
}

const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const invalid = (name: string, message: string) => badData(`invalid parameter ${JSON.stringify(name)}: ${message}`);

/** Unix seconds (fractions to the millisecond) or RFC 3339 → epoch ms. */
export function parseTime(text: string): number | null {
  if (FLOAT.test(text)) {
    const seconds = Number(text);
    if (!Number.isFinite(seconds)) return null;
    const whole = Math.trunc(seconds);
    return whole * 1000 + Math.round((seconds - whole) * 1000);
  }
  if (RFC3339.test(text)) {
    const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** Seconds as a float or a Prometheus duration (`5m`, `1h30m`) → ms. */
export function parseApiDuration(text: string): number | null {
  if (FLOAT.test(text)) return Number(text) * 1000;
  return parseDurationText(text);
}

export function timeParam(params: ApiParams, name: string, fallback?: number): number {
  const text = params.get(name);
  if ((text === undefined || text === '') && fallback !== undefined) return fallback;
  const ms = text === undefined ? null : parseTime(text);
  if (ms === null) throw invalid(name, `cannot parse ${JSON.stringify(text ?? '')} to a valid timestamp`);
  return ms;
}

/** An optional time: undefined when the parameter is absent. */
export function optionalTimeParam(params: ApiParams, name: string): number | undefined {
  const text = params.get(name);
  return text === undefined || text === '' ? undefined : timeParam(params, name);
}

export function durationParam(params: ApiParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined || text === '') return undefined;
  const ms = parseApiDuration(text);
  if (ms === null) throw invalid(name, `cannot parse ${JSON.stringify(text)} to a valid duration`);
  return ms;
}

/** Each `match[]` as a series selector's matchers. */
export function matchParams(params: ApiParams): Matcher[][] {
  return params.getAll('match[]').map((text) => {
    let expr;
    try {
      expr = parsePromQL(text);
    } catch (err) {
      if (err instanceof PromError) throw invalid('match[]', err.message);
      throw err;
    }
    if (expr.kind !== 'vector-selector' || expr.offsetMs !== 0 || expr.at) {
      throw invalid('match[]', `expected a series selector such as up{job="x"}, got ${JSON.stringify(text)}`);
    }
    return expr.matchers;
  });
}

/** `limit`: a non-negative integer, 0 or absent for none. */
export function limitParam(params: ApiParams): number | undefined {
  const text = params.get('limit');
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text))
    throw invalid('limit', `cannot parse ${JSON.stringify(text)}: expected a non-negative integer`);
  return Number(text) || undefined;
}
