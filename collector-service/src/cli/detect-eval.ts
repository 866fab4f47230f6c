/**
 * `npm run detect-eval`: the anomaly detector, beside NAB's windowed Gaussian baseline, scored with NAB's scorer
 * leave-one-file-out and leave-one-category-out on the vendored NAB dev split, and on a simulated set of the
 * incidents operators meet (see collector-service/src/analysis/detectors/anomaly/README.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate, formatReport } from '../detector-eval/evaluation';

/** The repository's bench/nab directory (vendored NAB data and scorer), from dist/cli or src/cli. */
const NAB_DIR = path.resolve(__dirname, '../../../bench/nab');

export function runDetectEval(args: readonly string[]): number {
  if (args.length > 0) {
    console.error('usage: detect-eval   (no arguments; reads bench/nab and writes only to a temp dir)');
    return 2;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'detect-eval-'));
  try {
    const report = evaluate({ nabDir: NAB_DIR, workDir: work });
    console.log(formatReport(report));
    return report.pass ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) process.exitCode = runDetectEval(process.argv.slice(2));
