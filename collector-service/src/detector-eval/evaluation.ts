/** The whole detector evaluation: both detectors' scores written once, then scored per fold and on the simulated set. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ANOMALY_SCORE_THRESHOLD, scoreSeries } from '../analysis';
import {
  crossValidate,
  leaveOneCategoryOut,
  leaveOneFileOut,
  pooledNormalized,
  type FoldScore,
} from './cross-validation';
import { readNabDataset, writeNabDataset, writeNabResults, type NabDataset, type NabSeries } from './nab-dataset';
import { PROFILES, runNabScorer, runNabSweep, type NabScore, type Profile, type SweepRows } from './nab-scorer';
import { simulatedIncidents } from './simulated-incidents';
import { windowedGaussianScores } from './windowed-gaussian';

export const DETECTORS = {
  detector: (s: NabSeries) => scoreSeries(s.timestampsMs, s.values),
  'windowed Gaussian': (s: NabSeries) => windowedGaussianScores(s.values),
} as const;
export type DetectorName = keyof typeof DETECTORS;
const NAMES = Object.keys(DETECTORS) as DetectorName[];

export interface EvaluationOptions {
  /** A NAB-layout directory with nab-score.mjs beside its data. */
  nabDir: string;
  workDir: string;
  /** Only these NAB files (default all), and this many simulated servers per incident kind (default 6): for quick checks. */
  files?: readonly string[];
  simulatedPerKind?: number;
}

type PerDetector<T> = Record<DetectorName, T>;

export interface DatasetResult {
  /** Each profile's own best threshold over all files (what NAB reports). */
  optimized: PerDetector<NabScore>;
  /** The detector at the service's fixed threshold. */
  fixed: NabScore;
}

export interface Report {
  nab: DatasetResult & { files: number; windows: number };
  byFile: PerDetector<FoldScore[]>;
  byCategory: PerDetector<FoldScore[]>;
  simulated: DatasetResult & { files: number; windows: number };
  /** Folds (standard profile) where the detector scored below the windowed Gaussian. */
  belowBaseline: string[];
  pass: boolean;
}

function scoreDataset(
  data: NabDataset,
  scorer: string,
  resultsRoot: string
): DatasetResult & { files: number; windows: number } {
  const files = data.series.map((s) => s.rel);
  const optimized = {} as PerDetector<NabScore>;
  for (const name of NAMES) {
    writeNabResults(path.join(resultsRoot, name), data.series, DETECTORS[name]);
    optimized[name] = runNabScorer(scorer, data, path.join(resultsRoot, name), files, { optimize: true });
  }
  const thresholds = Object.fromEntries(PROFILES.map((p) => [p, ANOMALY_SCORE_THRESHOLD])) as Record<Profile, number>;
  const fixed = runNabScorer(scorer, data, path.join(resultsRoot, 'detector'), files, { thresholds });
  const windows = files.reduce((n, rel) => n + (data.labels[rel]?.length ?? 0), 0);
  return { optimized, fixed, files: files.length, windows };
}

export function evaluate(options: EvaluationOptions): Report {
  const scorer = path.join(options.nabDir, 'nab-score.mjs');
  const full = readNabDataset(options.nabDir);
  const nabData = options.files ? { ...full, series: full.series.filter((s) => options.files!.includes(s.rel)) } : full;
  const nab = scoreDataset(nabData, scorer, path.join(options.workDir, 'nab-results'));

  const resultsRoot = path.join(options.workDir, 'nab-results');
  writeNabResults(path.join(resultsRoot, 'null'), nabData.series, (x) => new Float64Array(x.values.length).fill(0.5));
  const sweepsOf = (dir: string) =>
    new Map<string, Record<Profile, SweepRows>>(
      nabData.series.map((x) => [x.rel, runNabSweep(scorer, nabData, path.join(resultsRoot, dir), x.rel)])
    );
  const nullDetector = sweepsOf('null');
  const sweeps = Object.fromEntries(
    NAMES.map((name) => [name, { detector: sweepsOf(name), nullDetector }])
  ) as PerDetector<Parameters<typeof crossValidate>[1]>;
  const profiles = JSON.parse(readFileSync(full.profilesFile, 'utf8')) as Record<
    Profile,
    { CostMatrix: { tpWeight: number } }
  >;
  const tpWeight = Object.fromEntries(PROFILES.map((p) => [p, profiles[p].CostMatrix.tpWeight])) as Record<
    Profile,
    number
  >;
  const folds = (make: (d: NabDataset) => ReturnType<typeof leaveOneFileOut>) =>
    Object.fromEntries(
      NAMES.map((name) => [name, crossValidate(nabData, sweeps[name], make(nabData), tpWeight)])
    ) as PerDetector<FoldScore[]>;
  const byFile = folds(leaveOneFileOut);
  const byCategory = folds(leaveOneCategoryOut);

  const sim = simulatedIncidents(options.simulatedPerKind ?? 6);
  const simData = writeNabDataset(path.join(options.workDir, 'simulated'), sim.series, sim.labels, full.profilesFile);
  const simulated = scoreDataset(simData, scorer, path.join(options.workDir, 'simulated-results'));

  const belowBaseline: string[] = [];
  for (const [scheme, results] of [
    ['file', byFile],
    ['category', byCategory],
  ] as const) {
    results.detector.forEach((f, i) => {
      if (f.score.standard.raw < results['windowed Gaussian'][i].score.standard.raw - 1e-9)
        belowBaseline.push(`${scheme} ${f.fold.name}`);
    });
  }
  return { nab, byFile, byCategory, simulated, belowBaseline, pass: belowBaseline.length === 0 };
}

// ---------------------------------------------------------------- report text

const fmt = (v: number, width = 7) => (Number.isFinite(v) ? v.toFixed(1) : '—').padStart(width);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function foldTable(title: string, results: PerDetector<FoldScore[]>): string[] {
  const lines = [
    title,
    `  ${'held out'.padEnd(58)} win  ${'detector'.padStart(9)} ${'(raw)'.padStart(7)}  ${'w.Gauss'.padStart(9)} ${'(raw)'.padStart(7)}  thr`,
  ];
  results.detector.forEach((f, i) => {
    const g = results['windowed Gaussian'][i];
    const d = f.score.standard;
    const b = g.score.standard;
    const mark = d.raw < b.raw - 1e-9 ? '  BELOW BASELINE' : '';
    lines.push(
      `  ${f.fold.name.padEnd(58)} ${String(f.windows).padStart(3)}  ${fmt(d.normalized, 9)} ${fmt(d.raw)}  ${fmt(b.normalized, 9)} ${fmt(b.raw)}  ${d.threshold.toFixed(3)}${mark}`
    );
  });
  for (const name of NAMES) {
    const normalized = results[name].map((f) => f.score.standard.normalized).filter(Number.isFinite);
    const pooled = PROFILES.map((p) => `${p} ${pooledNormalized(results[name], p).toFixed(1)}`).join(', ');
    lines.push(
      `  ${name}: normalised folds min ${fmt(Math.min(...normalized), 0)} median ${fmt(median(normalized), 0)} max ${fmt(Math.max(...normalized), 0)} (spread ${fmt(Math.max(...normalized) - Math.min(...normalized), 0)}); pooled ${pooled}`
    );
  }
  return lines;
}

function datasetLines(title: string, r: DatasetResult & { files: number; windows: number }): string[] {
  const line = (label: string, s: NabScore) =>
    `  ${label.padEnd(34)} ${PROFILES.map((p) => `${p} ${fmt(s[p].normalized, 0)}`).join('  ')}   windows ${s.standard.tpWin}/${s.standard.tpWin + s.standard.fnWin}, FP ${s.standard.fp}`;
  return [
    `${title} (${r.files} files, ${r.windows} windows)`,
    line('detector, thresholds optimised', r.optimized.detector),
    line(`detector, fixed threshold ${ANOMALY_SCORE_THRESHOLD}`, r.fixed),
    line('windowed Gaussian, optimised', r.optimized['windowed Gaussian']),
  ];
}

export function formatReport(r: Report): string {
  return [
    ...datasetLines('NAB dev split, all files', r.nab),
    '',
    ...foldTable(
      'Leave one file out (standard profile; thresholds chosen on the other files; raw = NAB raw score, normalised is undefined without label windows)',
      r.byFile
    ),
    '',
    ...foldTable('Leave one category out (standard profile)', r.byCategory),
    '',
    ...datasetLines('Simulated incidents', r.simulated),
    '',
    r.pass
      ? 'PASS: no fold below the windowed Gaussian'
      : `FAIL: below the windowed Gaussian on ${r.belowBaseline.join(', ')}`,
  ].join('\n');
}
