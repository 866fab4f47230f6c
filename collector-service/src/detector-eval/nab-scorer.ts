/** Runs the vendored NAB scorer (bench/nab/nab-score.mjs) on a results directory and reads its JSON summary. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NabDataset } from './nab-dataset';

export const PROFILES = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;
export type Profile = (typeof PROFILES)[number];

export interface ProfileScore {
  threshold: number;
  raw: number;
  /** The null detector's raw score and a perfect detector's, on the same files. */
  null: number;
  perfect: number;
  /** 100 (raw - null) / (perfect - null); NaN when the files hold no label window. */
  normalized: number;
  tpWin: number;
  fnWin: number;
  fp: number;
}

export type NabScore = Record<Profile, ProfileScore>;

/** The scorer's inputs: the data set and the results directory to score. */
function scorerArgs(scorer: string, data: NabDataset, resultsDir: string): string[] {
  const inputs = ['--data', data.dataDir, '--labels', data.labelsFile, '--profiles', data.profilesFile];
  return [scorer, ...inputs, '--results', resultsDir];
}

/** `optimize`: the scorer picks each profile's best threshold on these files; otherwise the given thresholds are used. */
export type ThresholdChoice = { optimize: true } | { thresholds: Record<Profile, number> };

export function runNabScorer(
  scorer: string,
  data: NabDataset,
  resultsDir: string,
  files: readonly string[],
  choice: ThresholdChoice
): NabScore {
  const work = mkdtempSync(path.join(tmpdir(), 'nab-score-'));
  try {
    const json = path.join(work, 'score.json');
    const args = scorerArgs(scorer, data, resultsDir);
    args.push('--files', files.join(','), '--quiet', '--json', json);
    if ('optimize' in choice) args.push('--optimize');
    else args.push('--threshold', PROFILES.map((p) => `${p}=${choice.thresholds[p]}`).join(','));
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 24 });
    const out = JSON.parse(readFileSync(json, 'utf8')) as {
      profiles: Record<Profile, ProfileScore & { normalized: number | null }>;
    };
    return Object.fromEntries(
      PROFILES.map((p) => {
        const s = out.profiles[p];
        return [
          p,
          {
            threshold: s.threshold,
            raw: s.raw,
            null: s.null,
            perfect: s.perfect,
            normalized: s.perfect === s.null ? NaN : (s.normalized ?? NaN),
            tpWin: s.tpWin,
            fnWin: s.fnWin,
            fp: s.fp,
          },
        ];
      })
    ) as NabScore;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One file's raw score at each threshold the scorer tries, highest threshold first (a detection is a score >= threshold). */
export type SweepRows = Array<{ threshold: number; score: number }>;

export function runNabSweep(
  scorer: string,
  data: NabDataset,
  resultsDir: string,
  file: string
): Record<Profile, SweepRows> {
  const work = mkdtempSync(path.join(tmpdir(), 'nab-sweep-'));
  try {
    const table = path.join(work, 'sweep.csv');
    const args = scorerArgs(scorer, data, resultsDir);
    args.push('--files', file, '--quiet', '--threshold', '0.5', '--sweep-table', table);
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const rows = Object.fromEntries(PROFILES.map((p) => [p, [] as SweepRows])) as Record<Profile, SweepRows>;
    for (const line of readFileSync(table, 'utf8').split('\n')) {
      const [profile, threshold, score] = line.split(',');
      if (profile in rows) rows[profile as Profile].push({ threshold: Number(threshold), score: Number(score) });
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A file's score at threshold t: the row of the lowest tried threshold still >= t. */
export function scoreAt(rows: SweepRows, t: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rows[mid].threshold >= t) lo = mid;
    else hi = mid - 1;
  }
  return rows[lo].score;
}
