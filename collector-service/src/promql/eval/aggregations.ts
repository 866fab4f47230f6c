/** Aggregation operators over an instant vector, grouped `by` or `without` labels. */
import type { Aggregate, AggregationOp } from '../parse/ast';
import { executionError } from '../errors';
import { dropMetricName, keepLabels, labelsKey, withoutLabels, type Labels } from '../labels';
import { extremum, kahanSum, mean, quantile, variance } from './math';
import type { Sample } from './values';

type Reducer = (values: number[], param: number) => number;

const REDUCERS: Record<Exclude<AggregationOp, 'topk' | 'bottomk'>, Reducer> = {
  sum: kahanSum,
  avg: mean,
  min: (values) => extremum(values, false),
  max: (values) => extremum(values, true),
  count: (values) => values.length,
  group: () => 1,
  stddev: (values) => Math.sqrt(variance(values)),
  stdvar: variance,
  quantile: (values, q) => quantile(q, values),
};

function groupLabels(labels: Labels, grouping: Aggregate['grouping']): Labels {
  return grouping.without
    ? withoutLabels(dropMetricName(labels), grouping.labels)
    : keepLabels(labels, grouping.labels);
}

function groupSamples(samples: Sample[], grouping: Aggregate['grouping']) {
  const groups = new Map<string, { labels: Labels; samples: Sample[] }>();
  for (const s of samples) {
    const labels = groupLabels(s.labels, grouping);
    const key = labelsKey(labels);
    const group = groups.get(key);
    if (group) group.samples.push(s);
    else groups.set(key, { labels, samples: [s] });
  }
  return [...groups.values()];
}

/** topk/bottomk: the k samples with the largest/smallest values per group, whole labels kept, NaN last. */
function selectK(groups: Array<{ samples: Sample[] }>, k: number, largest: boolean): Sample[] {
  if (Number.isNaN(k)) throw executionError('Parameter value is NaN');
  const count = Math.trunc(k);
  if (count < 1) return [];
  return groups.flatMap((g) =>
    [...g.samples]
      .sort((a, b) => {
        if (Number.isNaN(a.value)) return Number.isNaN(b.value) ? 0 : 1;
        if (Number.isNaN(b.value)) return -1;
        return largest ? b.value - a.value : a.value - b.value;
      })
      .slice(0, count)
  );
}

export function aggregate(
  op: AggregationOp,
  samples: Sample[],
  grouping: Aggregate['grouping'],
  param: number
): Sample[] {
  const groups = groupSamples(samples, grouping);
  if (op === 'topk' || op === 'bottomk') return selectK(groups, param, op === 'topk');
  const reduce = REDUCERS[op];
  return groups.map((g) => ({
    labels: g.labels,
    value: reduce(
      g.samples.map((s) => s.value),
      param
    ),
  }));
}
