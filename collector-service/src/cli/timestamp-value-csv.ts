/** Parsing of `timestamp,value` CSV files (the `detect` command's input, NAB's data files). */

const INPUT_HEADER = 'timestamp,value';
/** Value cells that mean "no reading": scored 0 and copied through. */
const MISSING_VALUES = new Set(['', 'nan', 'null', 'na', 'none']);

export class CsvInputError extends Error {}

export interface CsvRow {
  /** The cells as written, copied to the output unchanged. */
  timestamp: string;
  value: string;
  timestampMs: number;
  /** NaN for a missing reading. */
  reading: number;
}

/** Epoch milliseconds, ISO-8601, or NAB's "YYYY-MM-DD HH:MM:SS[.ffffff]" (taken as UTC). */
export function parseTimestamp(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const iso = text.replace(' ', 'T');
  const hasZone = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const withZone = iso.includes('T') && !hasZone ? `${iso}Z` : iso;
  return Date.parse(withZone);
}

/** Rows of a `timestamp,value` CSV; throws CsvInputError naming the file and line of the first bad cell. */
export function parseTimestampValueCsv(text: string, file: string): CsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').trim();
  if (header.replace(/"/g, '').replace(/\s*,\s*/g, ',') !== INPUT_HEADER) {
    throw new CsvInputError(`${file}:1: expected the header '${INPUT_HEADER}', found '${header}'`);
  }
  const rows: CsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const where = `${file}:${i + 1}`;
    const cells = lines[i].split(',').map((cell) => cell.trim());
    if (cells.length !== 2) {
      throw new CsvInputError(`${where}: expected 2 cells (timestamp,value), found ${cells.length}: '${lines[i]}'`);
    }
    const [timestamp, value] = cells;
    const timestampMs = parseTimestamp(timestamp);
    if (!Number.isFinite(timestampMs)) {
      throw new CsvInputError(
        `${where}: timestamp '${timestamp}' is not a date (use ISO-8601, 'YYYY-MM-DD HH:MM:SS' or epoch ms)`
      );
    }
    const missing = MISSING_VALUES.has(value.toLowerCase());
    const reading = missing ? NaN : Number(value);
    if (!missing && !Number.isFinite(reading)) throw new CsvInputError(`${where}: value '${value}' is not a number`);
    rows.push({ timestamp, value, timestampMs, reading });
  }
  return rows;
}
