/** The detector evaluation on a few NAB files: the real scorer, real folds, the windowed Gaussian beside, a small simulated set. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { leaveOneFileOut, pooledNormalized } from '../../src/detector-eval/cross-validation';
import { evaluate, formatReport } from '../../src/detector-eval/evaluation';
import { readNabDataset } from '../../src/detector-eval/nab-dataset';
import { simulatedIncidents } from '../../src/detector-eval/simulated-incidents';
import { windowedGaussianScores } from '../../src/detector-eval/windowed-gaussian';

const NAB = path.resolve(__dirname, '../../../bench/nab');
const FILES = [
  'artificialNoAnomaly/art_daily_small_noise.csv',
  'artificialWithAnomaly/art_daily_jumpsup.csv',
  'realKnownCause/rogue_agent_key_hold.csv',
];

describe('detector evaluation', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'detect-eval-test-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('scores each held-out file at a threshold chosen on the others, beside the windowed Gaussian, and prints it all', () => {
    const report = evaluate({ nabDir: NAB, workDir: work, files: FILES, simulatedPerKind: 1 });
    expect(report.byFile.detector.map((f) => f.fold.name)).toEqual(FILES);
    expect(report.byFile['windowed Gaussian']).toHaveLength(3);
    // The file without label windows has no normalised score, only its (non-positive) false-positive cost.
    const quiet = report.byFile.detector[0].score.standard;
    expect(quiet.normalized).toBeNaN();
    expect(quiet.raw).toBeLessThanOrEqual(0);
    // A held-out fold's score is bounded by a perfect detector's.
    for (const f of report.byFile.detector)
      expect(f.score.standard.raw).toBeLessThanOrEqual(f.score.standard.perfect + 1e-9);
    expect(report.byCategory.detector.map((f) => f.fold.name)).toEqual([
      'artificialNoAnomaly',
      'artificialWithAnomaly',
      'realKnownCause',
    ]);
    expect(report.simulated.files).toBe(9);
    expect(report.simulated.windows).toBe(8);
    const text = formatReport(report);
    expect(text).toMatch(/Leave one file out/);
    expect(text).toMatch(/Leave one category out/);
    expect(text).toMatch(/Simulated incidents \(9 files, 8 windows\)/);
    expect(Number.isFinite(pooledNormalized(report.byFile.detector, 'standard'))).toBe(true);
  }, 120_000);

  it('folds leave out one file at a time and together cover every file once', () => {
    const data = readNabDataset(NAB);
    const folds = leaveOneFileOut(data);
    expect(folds.flatMap((f) => f.test).sort()).toEqual(data.series.map((s) => s.rel).sort());
  });

  it('the windowed Gaussian scores the tail probability of the window so far', () => {
    const values = [...Array.from({ length: 200 }, (_, i) => 10 + (i % 2)), 30];
    const scores = windowedGaussianScores(values);
    expect(scores[0]).toBe(0);
    // 10 against a mean of 10.5 and a standard deviation of 0.5: one sigma, 1 - Q(1).
    expect(scores[150]).toBeCloseTo(0.8413, 3);
    expect(scores[200]).toBeGreaterThan(0.999);
  });

  it('the simulated set holds one labelled incident per series, a healthy set none, the same every time', () => {
    const a = simulatedIncidents(2);
    const b = simulatedIncidents(2);
    expect(a.series.map((s) => s.values)).toEqual(b.series.map((s) => s.values));
    for (const s of a.series) expect(a.labels[s.rel]).toHaveLength(s.category === 'simHealthy' ? 0 : 1);
    const reset = a.series.find((s) => s.category === 'simCounterReset')!;
    expect(reset.values.some((v, i) => i > 0 && v < reset.values[i - 1])).toBe(true);
  });
});
