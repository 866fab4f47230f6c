/** One canonical text per labelled series, whatever order its labels came in: keys of maps and caches. */
import type { SeriesSample } from '../../domain/series';

/** The labels with their names sorted. */
export function sortedLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const names = Object.keys(labels);
  if (names.every((n, i) => i === 0 || names[i - 1] < n)) return { ...labels };
  return Object.fromEntries(names.sort().map((n) => [n, labels[n]]));
}

/** A series of one server: its name and labels. */
export const seriesOfServerKey = (name: string, labels: Readonly<Record<string, string>>) =>
  JSON.stringify([name, sortedLabels(labels)]);

/** A series across servers: the server, name and labels. */
export const seriesKey = (s: Pick<SeriesSample, 'serverId' | 'name' | 'labels'>) =>
  JSON.stringify([s.serverId, s.name, sortedLabels(s.labels)]);

/** The newest sample of each series in `samples`. */
export function newestPerSeries(samples: readonly SeriesSample[]): SeriesSample[] {
  const newest = new Map<string, SeriesSample>();
  for (const s of samples) {
    const key = seriesKey(s);
    const seen = newest.get(key);
    if (!seen || s.timestamp >= seen.timestamp) newest.set(key, s);
  }
  return [...newest.values()];
}
