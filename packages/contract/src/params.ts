/** Zod schemas for the parameters the API shares: instants, durations, metric lists, aggregations. */
import { z } from 'zod';
import { AGGREGATIONS, METRIC_NAMES, type MetricName } from './names';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30s`, `5m`, `1h`, … → milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
}

/** Epoch milliseconds, ISO-8601, `now` or `now-<duration>` → epoch ms; null when none of those. */
export function parseInstant(value: unknown, nowMs: number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (text === 'now') return nowMs;
  const relative = /^now-(.+)$/.exec(text);
  if (relative) {
    const ms = parseDuration(relative[1]);
    return ms === null ? null : nowMs - ms;
  }
  // A date needs at least YYYY-MM-DD; Date.parse alone accepts too much ("1", "May").
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

export const instant = (nowMs: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = parseInstant(value, nowMs);
    if (ms === null) {
      ctx.addIssue({
        code: 'custom',
        message: `expected epoch milliseconds, an ISO-8601 date or now-<duration>, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return ms;
  });

/** Seconds as a number, or a duration such as `30s`/`5m`; must be positive. Yields milliseconds. */
export const step = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = String(value).trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : parseDuration(text);
  if (ms === null || !(ms >= 1000)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a step of at least 1 second (seconds, or a duration such as 30s, 5m, 1h), got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return Math.round(ms);
});

/** Comma-separated metric names (or an array of them). */
export const metricList = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const names = (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !METRIC_NAMES.includes(n as MetricName));
  if (unknown.length > 0 || names.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected metric names from ${METRIC_NAMES.join(', ')}, got ${JSON.stringify(unknown.join(',') || value)}`,
    });
    return z.NEVER;
  }
  return [...new Set(names)] as MetricName[];
});

export const aggregation = z.enum(AGGREGATIONS, { error: 'expected avg, max, min or p95' });

/** The first problem of a failed parse as one line: `<parameter>: <what was expected>`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
  return `${where}: ${issue.message}`;
}
