/** A finding's numbers as an operator reads them: value and threshold in the metric's unit, and how they compare. */
import { formattedValueToString, getValueFormat } from '@grafana/data';

import { AskFinding, METRIC_TITLES, METRIC_UNITS, MetricName } from '../../datasource/types';

export interface FindingValues {
  /** e.g. "CPU" or "Memory"; the kind when the finding is not about one metric (offline). */
  metricTitle: string;
  value?: string;
  threshold?: string;
  /** Whether the value is at or past the threshold. */
  exceeds?: boolean;
}

function isMetric(metric: unknown): metric is MetricName {
  return typeof metric === 'string' && metric in METRIC_UNITS;
}

function format(value: number, metric: MetricName | null, kind: string): string {
  // A correlation's value is a coefficient, whatever metric it is about.
  if (!metric || kind === 'correlation') {
    return value.toFixed(2);
  }
  const formatted = getValueFormat(METRIC_UNITS[metric])(value, 1);
  // 85.0% reads as 85%
  return formattedValueToString({ ...formatted, text: formatted.text.replace(/\.0$/, '') });
}

export function findingValues(finding: AskFinding): FindingValues {
  const metric = isMetric(finding.metric) ? finding.metric : null;
  const values: FindingValues = { metricTitle: metric ? METRIC_TITLES[metric] : finding.kind };
  if (typeof finding.value === 'number') {
    values.value = format(finding.value, metric, finding.kind);
  }
  if (typeof finding.threshold === 'number') {
    values.threshold = format(finding.threshold, metric, finding.kind);
    if (typeof finding.value === 'number') {
      values.exceeds = finding.value >= finding.threshold;
    }
  }
  return values;
}
