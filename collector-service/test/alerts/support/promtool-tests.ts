/**
 * promtool's rule unit-test format (`promtool test rules`) run against the service's evaluator:
 * input_series expanded into an in-memory series source, every group evaluated at each
 * evaluation_interval from time 0 like promtool, firing alerts compared at each eval_time.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseRuleFile } from '../../../src/alerts/rule-file';
import { RuleEvaluator } from '../../../src/alerts/rule-evaluator';
import { formatLabels } from '../../../src/promql/labels';
import { parseDurationText } from '../../../src/promql/parse/literals';
import { parsePromQL } from '../../../src/promql/parse/parse';
import type { StoredSeries } from '../../../src/promql/eval/values';
import { MemorySource } from '../../promql/support/memory-source';

interface TestFile {
  rule_files: string[];
  evaluation_interval?: string;
  tests: Array<{
    interval?: string;
    input_series: Array<{ series: string; values: string }>;
    alert_rule_test?: Array<{
      eval_time: string;
      alertname: string;
      exp_alerts?: Array<{ exp_labels?: Record<string, string>; exp_annotations?: Record<string, string> }>;
    }>;
  }>;
}

/** promtool's expanding notation: `1 2 _ 3+2x3 7x2 _x2` → values, null for a missing sample. */
export function expandValues(text: string): Array<number | null> {
  const out: Array<number | null> = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(_|[-+]?[\d.e]+)(?:([+-][\d.e]+)?x(\d+))?$/.exec(token);
    if (!m) throw new Error(`unsupported value ${JSON.stringify(token)} in input_series`);
    const [, start, step, times] = m;
    if (times === undefined) {
      out.push(start === '_' ? null : Number(start));
      continue;
    }
    for (let i = 0; i <= Number(times); i++) out.push(start === '_' ? null : Number(start) + i * Number(step ?? 0));
  }
  return out;
}

function inputSeries(series: string, values: string, intervalMs: number): StoredSeries {
  const expr = parsePromQL(series);
  if (expr.kind !== 'vector-selector') throw new Error(`input series ${series} is not a selector`);
  const labels = Object.fromEntries(expr.matchers.map((m) => [m.name, m.value]));
  const out: StoredSeries = { labels, times: [], values: [] };
  expandValues(values).forEach((v, i) => {
    if (v === null) return;
    out.times.push(i * intervalMs);
    out.values.push(v);
  });
  return out;
}

const describeAlert = (a: { labels: Record<string, string>; annotations: Record<string, string> }) =>
  `${formatLabels(a.labels)} ${formatLabels(a.annotations)}`;

export interface Mismatch {
  test: number;
  alertname: string;
  evalTime: string;
  expected: string[];
  got: string[];
}

/** Runs every test of a promtool test file through the service's evaluator; the mismatches (none when all pass). */
export async function runPromtoolTests(testFile: string): Promise<{ checks: number; mismatches: Mismatch[] }> {
  const doc = parseYaml(await readFile(testFile, 'utf8')) as TestFile;
  const dir = path.dirname(testFile);
  const groups = (
    await Promise.all(doc.rule_files.map(async (f) => parseRuleFile(await readFile(path.join(dir, f), 'utf8'), f)))
  ).flat();
  const evalEvery = parseDurationText(doc.evaluation_interval ?? '1m')!;
  const mismatches: Mismatch[] = [];
  let checks = 0;
  for (const [index, test] of doc.tests.entries()) {
    const intervalMs = parseDurationText(test.interval ?? doc.evaluation_interval ?? '1m')!;
    const source = new MemorySource(test.input_series.map((s) => inputSeries(s.series, s.values, intervalMs)));
    const evaluator = new RuleEvaluator(groups, source);
    const cases = test.alert_rule_test ?? [];
    const lastMs = Math.max(0, ...cases.map((c) => parseDurationText(c.eval_time)!));
    for (let ts = 0; ts <= lastMs; ts += evalEvery) {
      await evaluator.evaluateAll(ts);
      for (const c of cases.filter((c) => Math.floor(parseDurationText(c.eval_time)! / evalEvery) * evalEvery === ts)) {
        checks++;
        const got = evaluator
          .current()
          .filter(({ rule, alert }) => rule.name === c.alertname && alert.state === 'firing')
          .map(({ alert }) => describeAlert({ labels: alert.labels, annotations: alert.annotations }))
          .sort();
        const expected = (c.exp_alerts ?? [])
          .map((e) =>
            describeAlert({ labels: { ...e.exp_labels, alertname: c.alertname }, annotations: e.exp_annotations ?? {} })
          )
          .sort();
        if (JSON.stringify(got) !== JSON.stringify(expected))
          mismatches.push({ test: index, alertname: c.alertname, evalTime: c.eval_time, expected, got });
      }
    }
  }
  return { checks, mismatches };
}
