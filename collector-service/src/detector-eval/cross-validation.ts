/**
 * Leave-one-out evaluation with NAB's scorer: per fold, each profile's threshold is the one that maximises the
 * training files' summed raw score, and the held-out files are scored at it, so no fold's score saw its own
 * labels. NAB's raw score is a sum over files, so each file's score at every threshold (the scorer's sweep
 * table) is read once and the folds are combined from those: the same optimum NAB's optimizer finds on the
 * training files, first best threshold from the top as it takes.
 */
import type { NabDataset } from './nab-dataset';
import { PROFILES, scoreAt, type Profile, type SweepRows } from './nab-scorer';

export interface Fold {
  name: string;
  test: string[];
}

export function leaveOneFileOut(data: NabDataset): Fold[] {
  return data.series.map((s) => ({ name: s.rel, test: [s.rel] }));
}

export function leaveOneCategoryOut(data: NabDataset): Fold[] {
  const categories = [...new Set(data.series.map((s) => s.category))];
  return categories.map((category) => ({
    name: category,
    test: data.series.filter((s) => s.category === category).map((s) => s.rel),
  }));
}

export interface FoldProfileScore {
  /** Threshold chosen on the training files. */
  threshold: number;
  raw: number;
  null: number;
  perfect: number;
  /** NaN when the held-out files hold no label window (perfect = null = 0). */
  normalized: number;
}

export interface FoldScore {
  fold: Fold;
  windows: number;
  score: Record<Profile, FoldProfileScore>;
}

/** Sweep tables per file (by path) of the detector and of NAB's null detector (a constant 0.5). */
export interface Sweeps {
  detector: Map<string, Record<Profile, SweepRows>>;
  nullDetector: Map<string, Record<Profile, SweepRows>>;
}

/** The highest-scoring threshold for the summed step functions of `files` (first best from the top). */
function bestThreshold(files: ReadonlyArray<SweepRows>): { threshold: number; score: number } {
  const events: Array<[number, number]> = [];
  let running = 0;
  for (const rows of files) {
    running += rows[0].score;
    for (let j = 1; j < rows.length; j++) events.push([rows[j].threshold, rows[j].score - rows[j - 1].score]);
  }
  events.sort((a, b) => b[0] - a[0]);
  let best = { threshold: files.length > 0 ? files[0][0].threshold : 1.1, score: running };
  for (let i = 0; i < events.length;) {
    const t = events[i][0];
    while (i < events.length && events[i][0] === t) running += events[i++][1];
    if (running > best.score + 1e-12) best = { threshold: t, score: running };
  }
  return best;
}

export function crossValidate(
  data: NabDataset,
  sweeps: Sweeps,
  folds: readonly Fold[],
  tpWeight: Record<Profile, number>
): FoldScore[] {
  const all = data.series.map((s) => s.rel);
  return folds.map((fold) => {
    const windows = fold.test.reduce((n, rel) => n + (data.labels[rel]?.length ?? 0), 0);
    const score = Object.fromEntries(
      PROFILES.map((p) => {
        const train = all.filter((rel) => !fold.test.includes(rel)).map((rel) => sweeps.detector.get(rel)![p]);
        const { threshold } = bestThreshold(train);
        const raw = fold.test.reduce((s, rel) => s + scoreAt(sweeps.detector.get(rel)![p], threshold), 0);
        const nullScore = bestThreshold(fold.test.map((rel) => sweeps.nullDetector.get(rel)![p])).score;
        const perfect = windows * tpWeight[p];
        const normalized = perfect === nullScore ? NaN : (100 * (raw - nullScore)) / (perfect - nullScore);
        return [p, { threshold, raw, null: nullScore, perfect, normalized }];
      })
    ) as Record<Profile, FoldProfileScore>;
    return { fold, windows, score };
  });
}

/** The held-out folds' raw scores summed and normalised together (null and perfect summed over the folds). */
export function pooledNormalized(folds: readonly FoldScore[], profile: Profile): number {
  let raw = 0;
  let nullScore = 0;
  let perfect = 0;
  for (const f of folds) {
    raw += f.score[profile].raw;
    nullScore += f.score[profile].null;
    perfect += f.score[profile].perfect;
  }
  return (100 * (raw - nullScore)) / (perfect - nullScore);
}
