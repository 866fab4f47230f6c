/** Evaluates a function call on its evaluated arguments. */
import type { Call, Expr } from '../parse/ast';
import { KEEPS_METRIC_NAME } from './function-signatures';
import { MATH_FUNCTIONS, clamp, roundTo, sortByValue } from './instant-functions';
import { labelJoiner, labelReplacer } from './label-functions';
import { METRIC_NAME, dropMetricName, type Labels } from '../labels';
import { RANGE_FUNCTIONS } from './range-functions';
import type { Sample, Value } from './values';

const scalarOf = (v: Value) => (v.type === 'scalar' ? v.value : NaN);
const stringOf = (v: Value) => (v.type === 'string' ? v.value : '');
const samplesOf = (v: Value | undefined) => (v?.type === 'vector' ? v.samples : []);
const vector = (samples: Sample[]): Value => ({ type: 'vector', samples });

function mapSamples(name: string, samples: Sample[], fn: (v: number) => number): Value {
  const keep = KEEPS_METRIC_NAME.has(name);
  return vector(samples.map((s) => ({ labels: keep ? s.labels : dropMetricName(s.labels), value: fn(s.value) })));
}

/** absent(): the labels of the selector's equality matchers, when there is no sample. */
function absentLabels(arg: Expr): Labels {
  if (arg.kind !== 'vector-selector') return {};
  const labels: Record<string, string> = {};
  const seen = new Set<string>();
  for (const m of arg.matchers) {
    if (m.name === METRIC_NAME) continue;
    // A label matched more than once cannot be told apart: leave it out (Prometheus's historic rule).
    if (m.type === '=' && !seen.has(m.name)) {
      if (m.value !== '') labels[m.name] = m.value;
      seen.add(m.name);
    } else {
      delete labels[m.name];
    }
  }
  return labels;
}

export function evaluateCall(call: Call, args: Value[], evalMs: number): Value {
  const { name } = call;
  const range = RANGE_FUNCTIONS[name];
  if (range) {
    const matrix = args.find((a) => a.type === 'matrix');
    if (!matrix || matrix.type !== 'matrix') throw new Error(`${name}: no range vector argument`);
    const scalars = args.filter((a) => a.type === 'scalar').map(scalarOf);
    const keep = KEEPS_METRIC_NAME.has(name);
    const out: Sample[] = [];
    for (const s of matrix.series) {
      const value = range({ times: s.times, values: s.values, window: matrix.window, evalMs }, scalars);
      if (value !== null) out.push({ labels: keep ? s.labels : dropMetricName(s.labels), value });
    }
    return vector(out);
  }
  const math = MATH_FUNCTIONS[name];
  if (math) return mapSamples(name, samplesOf(args[0]), math);
  const samples = samplesOf(args[0]);
  switch (name) {
    case 'round': {
      const toNearest = args.length > 1 ? scalarOf(args[1]) : 1;
      return mapSamples(name, samples, (v) => roundTo(v, toNearest));
    }
    case 'clamp': {
      const [min, max] = [scalarOf(args[1]), scalarOf(args[2])];
      return max < min ? vector([]) : mapSamples(name, samples, (v) => clamp(v, min, max));
    }
    case 'clamp_min':
      return mapSamples(name, samples, (v) => Math.max(v, scalarOf(args[1])));
    case 'clamp_max':
      return mapSamples(name, samples, (v) => Math.min(v, scalarOf(args[1])));
    case 'sort':
    case 'sort_desc':
      return vector(sortByValue(samples, name === 'sort_desc'));
    case 'label_replace': {
      const rewrite = labelReplacer(stringOf(args[1]), stringOf(args[2]), stringOf(args[3]), stringOf(args[4]));
      return vector(samples.map((s) => ({ labels: rewrite(s.labels), value: s.value })));
    }
    case 'label_join': {
      const rewrite = labelJoiner(stringOf(args[1]), stringOf(args[2]), args.slice(3).map(stringOf));
      return vector(samples.map((s) => ({ labels: rewrite(s.labels), value: s.value })));
    }
    case 'absent':
      return vector(samples.length > 0 ? [] : [{ labels: absentLabels(call.args[0]), value: 1 }]);
    case 'scalar':
      return { type: 'scalar', value: samples.length === 1 ? samples[0].value : NaN };
    case 'vector':
      return vector([{ labels: {}, value: scalarOf(args[0]) }]);
    case 'time':
      return { type: 'scalar', value: evalMs / 1000 };
    case 'timestamp':
      // A computed vector's samples are of the evaluation time (a selector's own are read in the evaluator).
      return vector(samples.map((s) => ({ labels: dropMetricName(s.labels), value: evalMs / 1000 })));
    case 'pi':
      return { type: 'scalar', value: Math.PI };
    default:
      throw new Error(`function ${name} has a signature but no evaluation`);
  }
}
