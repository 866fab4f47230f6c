/** The `detect` command end to end: the built command run as a real process on CSV files in a temp dir. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ANOMALY_SCORE_THRESHOLD, scoreSeries } from '../../src/analysis/detectors/anomaly';
import { seededNormal } from '../analysis/detectors/anomaly/synthetic-series';

const serviceRoot = path.resolve(__dirname, '../..');
let work: string;
let detectJs: string;

/** The command as `npm run detect` runs it: the service's build output (`npm test` builds first). */
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'om-detect-'));
  detectJs = path.join(serviceRoot, 'dist/cli/detect.js');
  if (!existsSync(detectJs)) throw new Error(`${detectJs} is missing: build the service first (npm run build)`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function detect(...args: string[]) {
  const run = spawnSync(process.execPath, [detectJs, ...args], { encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

function writeInput(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

/** NAB-style rows: 5-minute steps from 2014-04-01, noise around 50, a spike at row `spikeAt`. */
function nabRows(count: number, spikeAt: number): Array<[string, string]> {
  const noise = seededNormal(3);
  return Array.from({ length: count }, (_, i) => {
    const stamp = new Date(Date.UTC(2014, 3, 1) + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    const value = 50 + 2 * noise() + (i === spikeAt ? 40 : 0);
    return [stamp, String(value)];
  });
}

describe('detect <input.csv> <output.csv>', () => {
  it('writes timestamp,value,anomaly_score for every row, the input cells unchanged, the spike flagged', () => {
    const rows = nabRows(900, 700);
    const input = writeInput('series.csv', ['timestamp,value', ...rows.map((r) => r.join(','))].join('\n') + '\n');
    const output = path.join(work, 'series.scored.csv');

    const run = detect(input, output);

    expect(run).toEqual({ code: 0, stderr: '', stdout: '' });
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('timestamp,value,anomaly_score');
    expect(lines).toHaveLength(rows.length + 1);
    const cells = lines.slice(1).map((line) => line.split(','));
    expect(cells.map(([t, v]) => [t, v])).toEqual(rows);
    const scores = cells.map((c) => Number(c[2]));
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(scores[700]).toBeGreaterThanOrEqual(ANOMALY_SCORE_THRESHOLD);
    // the same detector as the service's
    const expected = scoreSeries(
      rows.map(([t]) => Date.parse(`${t.replace(' ', 'T')}Z`)),
      rows.map(([, v]) => Number(v))
    );
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 6));
  });

  it('keeps rows with a missing value, scored 0, and accepts ISO-8601 and epoch-millisecond timestamps', () => {
    const input = writeInput(
      'gaps.csv',
      'timestamp,value\r\n2025-01-06T00:00:00Z,1\r\n2025-01-06T00:01:00Z,\r\n1736121720000,NaN\r\n2025-01-06 00:03:00,2\r\n'
    );
    const output = path.join(work, 'gaps.scored.csv');

    expect(detect(input, output).code).toBe(0);

    expect(readFileSync(output, 'utf8')).toBe(
      'timestamp,value,anomaly_score\n2025-01-06T00:00:00Z,1,0\n2025-01-06T00:01:00Z,,0\n1736121720000,NaN,0\n2025-01-06 00:03:00,2,0\n'
    );
  });

  it.each([
    [
      'a wrong header',
      'time,val\n2025-01-06 00:00:00,1\n',
      /bad\.csv:1: expected the header 'timestamp,value', found 'time,val'/,
    ],
    ['an empty file', '', /bad\.csv:1: expected the header 'timestamp,value', found ''/],
    [
      'a value that is not a number',
      'timestamp,value\n2025-01-06 00:00:00,1\n2025-01-06 00:01:00,2\n2025-01-06 00:02:00,abc\n',
      /bad\.csv:4: value 'abc' is not a number/,
    ],
    [
      'a timestamp that is not a date',
      'timestamp,value\n2025-01-06 00:00:00,1\nyesterday,2\n',
      /bad\.csv:3: timestamp 'yesterday' is not a date/,
    ],
    [
      'a row with three cells',
      'timestamp,value\n2025-01-06 00:00:00,1,9\n',
      /bad\.csv:2: expected 2 cells \(timestamp,value\), found 3/,
    ],
  ])('rejects %s with exit code 1, naming the line, and writes no output', (_name, text, message) => {
    const input = writeInput('bad.csv', text);
    const output = path.join(work, `bad-${Math.random().toString(36).slice(2)}.csv`);

    const run = detect(input, output);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(output)).toBe(false);
  });

  it('says which input file is missing', () => {
    const run = detect(path.join(work, 'missing.csv'), path.join(work, 'out.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read input file '.*missing\.csv': ENOENT/);
  });

  it('says when the output cannot be written', () => {
    const input = writeInput('ok.csv', 'timestamp,value\n2025-01-06 00:00:00,1\n');
    const run = detect(input, path.join(work, 'no-such-dir', 'out.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write output file '.*no-such-dir.*out\.csv': ENOENT/);
  });

  it('prints its usage and exits 2 when the arguments are wrong', () => {
    const run = detect('only-one.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: detect <input\.csv> <output\.csv>/);
  });
});
