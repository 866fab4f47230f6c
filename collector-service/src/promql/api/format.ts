/** Prometheus's wire forms: sample values as Go formats them, times as float seconds, result envelopes. */
import { sortedLabels, type Labels } from '../labels';

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest round-trip digits, never an exponent. */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  const text = String(v);
  // JavaScript writes an exponent only outside [1e-6, 1e21); Go's 'f' format never does.
  const magnitude = Math.abs(v);
  if (magnitude >= 1e-6 && magnitude < 1e21) return text;
  if (!text.includes('e')) return text;
  const exp = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)!;
  const [, sign, lead, fraction = '', power] = exp;
  const digits = lead + fraction;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, '0')}`;
}

/** Epoch ms → the float seconds Prometheus answers with. */
export const formatTime = (ms: number) => ms / 1000;

export type SamplePair = [number, string];
export const samplePair = (ms: number, value: number): SamplePair => [formatTime(ms), formatSampleValue(value)];

export interface VectorElement {
  metric: Record<string, string>;
  value: SamplePair;
}
export interface MatrixElement {
  metric: Record<string, string>;
  values: SamplePair[];
}

export type QueryData =
  | { resultType: 'scalar'; result: SamplePair }
  | { resultType: 'string'; result: [number, string] }
  | { resultType: 'vector'; result: VectorElement[] }
  | { resultType: 'matrix'; result: MatrixElement[] };

export const metricJson = (labels: Labels) => sortedLabels(labels);

export const success = <T>(data: T) => ({ status: 'success' as const, data });

export const failure = (errorType: string, error: string) => ({ status: 'error' as const, errorType, error });
