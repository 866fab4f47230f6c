/** `detect <input.csv> <output.csv>`: scores a `timestamp,value` CSV with the online anomaly detector. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createAnomalyDetector } from '../analysis';
import { CsvInputError, parseTimestampValueCsv, type CsvRow } from './timestamp-value-csv';

const USAGE = 'usage: detect <input.csv> <output.csv>  (input header: timestamp,value)';
const OUTPUT_HEADER = 'timestamp,value,anomaly_score';

function scoreRows(rows: readonly CsvRow[]): string {
  const detector = createAnomalyDetector();
  const out = [OUTPUT_HEADER];
  for (const row of rows) {
    const score = detector.update(row.timestampMs, row.reading);
    out.push(`${row.timestamp},${row.value},${score}`);
  }
  return out.join('\n') + '\n';
}

/** Runs the command; returns the process exit code (0 done, 1 bad input or I/O, 2 bad usage). */
export function runDetect(args: readonly string[]): number {
  if (args.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const [input, output] = args;
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (err) {
    console.error(
      `detect: cannot read input file '${input}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    );
    return 1;
  }
  let result: string;
  try {
    result = scoreRows(parseTimestampValueCsv(text, input));
  } catch (err) {
    if (!(err instanceof CsvInputError)) throw err;
    console.error(`detect: ${err.message}`);
    return 1;
  }
  try {
    writeFileSync(output, result);
  } catch (err) {
    console.error(
      `detect: cannot write output file '${output}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    );
    return 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = runDetect(process.argv.slice(2));
