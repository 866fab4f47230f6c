/**
 * Cleaning what collectors report before it is stored: an id with control characters or past
 * the length cap cannot be stored faithfully, so its rows are refused; labels and other strings
 * lose control characters and are cut to their caps; raw data is bounded in depth, keys and size;
 * labelled series with a bad name, label or value are refused.
 */
import type { ServerInfo, ServerMetrics } from '../domain/metrics';
import type { SeriesSample } from '../domain/series';

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
/** The same without the global flag, for test(): no lastIndex carried between calls, no RegExp per call. */
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** Why an id cannot be stored, or null when it can. */
export function idProblem(id: unknown): string | null {
  if (typeof id !== 'string' || id.trim() === '') return 'empty id';
  if (id.length > MAX_ID_CHARS) return `id longer than ${MAX_ID_CHARS} characters (${id.length})`;
  if (CONTROL.test(id)) return 'id holds control characters';
  if (HAS_LONE_SURROGATE.test(id)) return 'id is not well-formed Unicode';
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

/** The server with clean labels and text; the same object when it is clean already (as every run of a steady fleet is). */
export function cleanServer(info: ServerInfo): ServerInfo {
  const region = cleanText(info.region);
  const role = cleanText(info.role);
  const collector = cleanText(info.collector);
  const labels = labelsClean(info.labels) ? info.labels : cleanLabels(info.labels);
  if (region === info.region && role === info.role && collector === info.collector && labels === info.labels)
    return info;
  return { ...info, region, role, collector, labels };
}

function cleanLabels(raw: Record<string, string> | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {}).slice(0, MAX_LABELS)) {
    const key = cleanText(k, 128);
    if (key !== '') labels[key] = cleanText(v);
  }
  return labels;
}

function labelsClean(labels: Record<string, string> | undefined): boolean {
  if (!isPlainObject(labels)) return false;
  const keys = Object.keys(labels);
  if (keys.length > MAX_LABELS) return false;
  for (const k of keys) {
    const v = labels[k];
    if (k === '' || cleanText(k, 128) !== k || typeof v !== 'string' || cleanText(v) !== v) return false;
  }
  return true;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

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

/** Whether cleanRaw would give back a value equal to this one: JSON-like, within the bounds, no text to clean. */
function rawClean(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return cleanText(value, MAX_RAW_STRING_CHARS) === value;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value === 'boolean') return true;
  if (depth >= MAX_RAW_DEPTH) return false;
  if (Array.isArray(value)) {
    if (value.length > MAX_RAW_ENTRIES) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !rawClean(value[i], depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > MAX_RAW_ENTRIES) return false;
  for (const k of keys) if (cleanText(k, 128) !== k || !rawClean(value[k], depth + 1)) return false;
  return true;
}

/** The sample with bounded, clean raw data; the same object when its raw data is clean already. */
export function cleanSample(sample: ServerMetrics): ServerMetrics {
  if (sample.rawData !== undefined && sample.rawData !== null && rawClean(sample.rawData, 0)) return sample;
  return { ...sample, rawData: cleanRaw(sample.rawData ?? {}, 0) as Record<string, unknown> };
}

/** Series and label names as Prometheus allows them. */
export const SERIES_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const MAX_SERIES_NAME_CHARS = 200;
export const MAX_SERIES_LABELS = 32;
export const MAX_LABEL_NAME_CHARS = 128;

/**
 * Why a labelled series sample cannot be stored, or null when it can. Its name and labels make up
 * the series' identity, so they are refused rather than cut or cleaned (two series must not merge).
 */
export function seriesProblem(s: SeriesSample): string | null {
  if (typeof s.name !== 'string' || !SERIES_NAME.test(s.name)) return 'series name is not [a-zA-Z_:][a-zA-Z0-9_:]*';
  if (s.name.length > MAX_SERIES_NAME_CHARS) return `series name longer than ${MAX_SERIES_NAME_CHARS} characters`;
  if (typeof s.value !== 'number' || !Number.isFinite(s.value)) return 'series value is not a finite number';
  if (!(s.timestamp instanceof Date) || Number.isNaN(s.timestamp.getTime())) return 'series timestamp is not a date';
  if (s.labels === null || typeof s.labels !== 'object') return 'series labels are not an object';
  const labels = Object.entries(s.labels);
  if (labels.length > MAX_SERIES_LABELS) return `series has more than ${MAX_SERIES_LABELS} labels (${labels.length})`;
  for (const [name, value] of labels) {
    if (!LABEL_NAME.test(name) || name.length > MAX_LABEL_NAME_CHARS)
      return `label name is not [a-zA-Z_][a-zA-Z0-9_]* of at most ${MAX_LABEL_NAME_CHARS} characters`;
    if (typeof value !== 'string') return `label ${name} is not a string`;
    if (value.length > MAX_TEXT_CHARS) return `label ${name} longer than ${MAX_TEXT_CHARS} characters`;
    if (CONTROL.test(value) || HAS_LONE_SURROGATE.test(value))
      return `label ${name} holds control characters or is not well-formed Unicode`;
  }
  return null;
}
