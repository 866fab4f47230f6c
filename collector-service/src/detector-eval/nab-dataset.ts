/** A NAB-layout data set on disk (data/<category>/<name>.csv, labels.json, profiles.json): reading it, writing one, writing scores. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimestampValueCsv } from '../cli/timestamp-value-csv';

export interface NabSeries {
  /** Path under data/, e.g. `realKnownCause/nyc_taxi.csv`. */
  rel: string;
  category: string;
  /** Timestamp cells as written (NAB matches label windows against them). */
  stamps: string[];
  timestampsMs: number[];
  values: number[];
}

export interface NabDataset {
  dataDir: string;
  labelsFile: string;
  profilesFile: string;
  series: NabSeries[];
  /** Label windows per file, [start, end] timestamps. */
  labels: Record<string, Array<[string, string]>>;
}

/** Loads every labelled CSV of a NAB-layout directory, sorted by path. */
export function readNabDataset(root: string): NabDataset {
  const dataDir = path.join(root, 'data');
  const labelsFile = path.join(root, 'labels.json');
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as NabDataset['labels'];
  const series: NabSeries[] = [];
  for (const category of readdirSync(dataDir).sort()) {
    for (const name of readdirSync(path.join(dataDir, category)).sort()) {
      const rel = `${category}/${name}`;
      if (!name.endsWith('.csv') || !(rel in labels)) continue;
      const rows = parseTimestampValueCsv(readFileSync(path.join(dataDir, rel), 'utf8'), rel);
      series.push({
        rel,
        category,
        stamps: rows.map((r) => r.timestamp),
        timestampsMs: rows.map((r) => r.timestampMs),
        values: rows.map((r) => r.reading),
      });
    }
  }
  return { dataDir, labelsFile, profilesFile: path.join(root, 'profiles.json'), series, labels };
}

/** Writes series and their label windows as a NAB-layout directory under `root` (profiles copied from `profilesFile`). */
export function writeNabDataset(
  root: string,
  series: readonly NabSeries[],
  labels: NabDataset['labels'],
  profilesFile: string
): NabDataset {
  for (const s of series) {
    const file = path.join(root, 'data', s.rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, ['timestamp,value', ...s.stamps.map((t, i) => `${t},${s.values[i]}`)].join('\n') + '\n');
  }
  writeFileSync(path.join(root, 'labels.json'), JSON.stringify(labels, null, 1));
  writeFileSync(path.join(root, 'profiles.json'), readFileSync(profilesFile));
  return {
    dataDir: path.join(root, 'data'),
    labelsFile: path.join(root, 'labels.json'),
    profilesFile: path.join(root, 'profiles.json'),
    series: [...series],
    labels,
  };
}

/** Writes one detector's scores for every series as a NAB results directory (timestamp,value,anomaly_score). */
export function writeNabResults(
  dir: string,
  series: readonly NabSeries[],
  scoresOf: (s: NabSeries) => ArrayLike<number>
): void {
  for (const s of series) {
    const scores = scoresOf(s);
    const file = path.join(dir, s.rel);
    mkdirSync(path.dirname(file), { recursive: true });
    const lines = ['timestamp,value,anomaly_score'];
    for (let i = 0; i < s.stamps.length; i++) lines.push(`${s.stamps[i]},${s.values[i]},${scores[i]}`);
    writeFileSync(file, lines.join('\n') + '\n');
  }
}
