/**
 * Cleaning what collectors report before it is stored: an id with control characters or past
 * the length cap cannot be stored faithfully, so its rows are refused; labels and other strings
 * lose control characters and are cut to their caps; raw data is bounded in depth, keys and size.
 */
import type { ServerInfo, ServerMetrics } from '../domain/metrics';

export const MAX_ID_CHARS = 253;
export const MAX_TEXT_CHARS = 256;
const MAX_LABELS = 64;
const MAX_RAW_STRING_CHARS = 2_048;
const MAX_RAW_DEPTH = 6;
const MAX_RAW_ENTRIES = 256;

// C0 and C1 control characters; PostgreSQL refuses NUL outright, the rest corrupt logs and displays.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Why an id cannot be stored, or null when it can. */
export function idProblem(id: unknown): string | null {
  if (typeof id !== 'string' || id.trim() === '') return 'empty id';
  if (id.length > MAX_ID_CHARS) return `id longer than ${MAX_ID_CHARS} characters (${id.length})`;
  if (CONTROL.test(id)) return 'id holds control characters';
  if (new RegExp(LONE_SURROGATE.source).test(id)) return 'id is not well-formed Unicode';
  return null;
}

/** An id as it may appear in a log line: short, control characters shown as escapes. */
export function loggableId(id: string): string {
  const cut = id.length > 120 ? `${id.slice(0, 120)}…(${id.length} chars)` : id;
  return cut.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function cleanText(text: unknown, max = MAX_TEXT_CHARS): string {
  return String(text ?? '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROLS, '')
    .slice(0, max);
}

export function cleanServer(info: ServerInfo): ServerInfo {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(info.labels ?? {}).slice(0, MAX_LABELS)) {
    const key = cleanText(k, 128);
    if (key !== '') labels[key] = cleanText(v);
  }
  return {
    ...info,
    region: cleanText(info.region),
    role: cleanText(info.role),
    collector: cleanText(info.collector),
    labels,
  };
}

function cleanRaw(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return cleanText(value, MAX_RAW_STRING_CHARS);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (depth >= MAX_RAW_DEPTH) return null;
  if (Array.isArray(value)) return value.slice(0, MAX_RAW_ENTRIES).map((v) => cleanRaw(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, MAX_RAW_ENTRIES))
      out[cleanText(k, 128)] = cleanRaw(v, depth + 1);
    return out;
  }
  return null;
}

export function cleanSample(sample: ServerMetrics): ServerMetrics {
  return { ...sample, rawData: cleanRaw(sample.rawData ?? {}, 0) as Record<string, unknown> };
}
