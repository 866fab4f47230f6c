/** Answers of the label endpoints from a list of series: label names, one label's values, the series themselves. */
import { sortedLabels, type Labels } from '../labels';

export const labelNames = (series: Labels[]) => [...new Set(series.flatMap((s) => Object.keys(s)))].sort();

export const labelValues = (series: Labels[], name: string) =>
  [...new Set(series.map((s) => s[name]).filter((v): v is string => v !== undefined && v !== ''))].sort();

export const seriesAnswer = (series: Labels[]) => series.map(sortedLabels);

/** The first `limit` items, and Prometheus's warning when more were left out. */
export function limited<T>(items: T[], limit: number | undefined): { items: T[]; warnings?: string[] } {
  if (limit === undefined || items.length <= limit) return { items };
  return { items: items.slice(0, limit), warnings: ['results truncated due to limit'] };
}
