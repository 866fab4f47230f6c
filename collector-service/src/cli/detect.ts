/** `detect <input.csv> <output.csv>`: scores a `timestamp,value` CSV with the online anomaly detector. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createAnomalyDetector } from '../analysis';

const USAGE = 'usage: detect <input.csv> <output.csv>  (input header: timestamp,value)';
const INPUT_HEADER = 'timestamp,value';
const OUTPUT_HEADER = 'timestamp,value,anomaly_score';
/** Value cells that mean "no reading": scored 0 and copied through. */
const MISSING_VALUES = new Set(['', 'nan', 'null', 'na', 'none']);

class InputError extends Error {}

interface Row {
  timestamp: string;
  value: string;
  timestampMs: number;
  reading: number;
}

/** Epoch milliseconds, ISO-8601, or NAB's "YYYY-MM-DD HH:MM:SS[.ffffff]" (taken as UTC). */
function parseTimestamp(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const iso = text.replace(' ', 'T');
  const hasZone = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const withZone = iso.includes('T') && !hasZone ? `${iso}Z` : iso;
  return Date.parse(withZone);
}

function parseRows(text: string, file: string): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').trim();
  if (header.replace(/"/g, '').replace(/\s*,\s*/g, ',') !== INPUT_HEADER) {
    throw new InputError(`${file}:1: expected the header '${INPUT_HEADER}', found '${header}'`);
  }
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const where = `${file}:${i + 1}`;
    const cells = lines[i].split(',').map((cell) => cell.trim());
    if (cells.length !== 2) {
      throw new InputError(`${where}: expected 2 cells (timestamp,value), found ${cells.length}: '${lines[i]}'`);
    }
    const [timestamp, value] = cells;
    const timestampMs = parseTimestamp(timestamp);
    if (!Number.isFinite(timestampMs)) {
      throw new InputError(`${where}: timestamp '${timestamp}' is not a date (use ISO-8601, 'YYYY-MM-DD HH:MM:SS' or epoch ms)`);
    }
    const missing = MISSING_VALUES.has(value.toLowerCase());
    const reading = missing ? NaN : Number(value);
    if (!missing && !Number.isFinite(reading)) throw new InputError(`${where}: value '${value}' is not a number`);
    rows.push({ timestamp, value, timestampMs, reading });
  }
  return rows;
}

function scoreRows(rows: readonly Row[]): string {
  const detector = createAnomalyDetector();
  const out = [OUTPUT_HEADER];
  for (const row of rows) {
    const score = detector.update(row.timestampMs, row.reading);
    out.push(`${row.timestamp},${row.value},${score === 0 ? '0' : score.toFixed(6)}`);
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
    console.error(`detect: cannot read input file '${input}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  let result: string;
  try {
    result = scoreRows(parseRows(text, input));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    console.error(`detect: ${err.message}`);
    return 1;
  }
  try {
    writeFileSync(output, result);
  } catch (err) {
    console.error(`detect: cannot write output file '${output}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = runDetect(process.argv.slice(2));
