/** Finds the metrics a question names, and the uncollected ones it asks about. */
import type { MetricName } from '../../domain/metrics';
import { METRIC_TERMS, UNSUPPORTED_METRIC_TERMS, type MetricWord } from './metric-lexicon';
import { compileTerms } from './terms';
import { consume, findAll, type QuestionText } from './text';

const METRIC_PATTERNS = METRIC_TERMS.map(([metric, terms]) => [metric, compileTerms(terms)] as const);
const UNSUPPORTED = compileTerms(UNSUPPORTED_METRIC_TERMS);

export interface MetricMentions {
  /** In the order they appear in the question. */
  metrics: MetricName[];
  /** Uncollected metrics as typed ("GPU", "latency"). */
  unsupported: Array<{ start: number; end: number }>;
}

/** Extracts and consumes metric words; plain "traffic" means both directions unless one is named. */
export function extractMetrics(text: QuestionText): MetricMentions {
  const unsupported = findAll(UNSUPPORTED, text.working);
  for (const span of unsupported) consume(text, span);
  const found: Array<{ at: number; metric: MetricWord }> = [];
  for (const [metric, pattern] of METRIC_PATTERNS) {
    for (const span of findAll(pattern, text.working)) {
      found.push({ at: span.start, metric });
      consume(text, span);
    }
  }
  found.sort((a, b) => a.at - b.at);
  const words = found.map((f) => f.metric);
  const directed = words.includes('network_in') || words.includes('network_out');
  const specific = words.some((word) => word !== 'capacity');
  const metrics: MetricName[] = [];
  for (const word of words) {
    for (const name of metricNames(word, directed, specific)) if (!metrics.includes(name)) metrics.push(name);
  }
  return { metrics, unsupported };
}

function metricNames(word: MetricWord, directed: boolean, specific: boolean): MetricName[] {
  switch (word) {
    case 'network':
      return directed ? [] : ['network_in', 'network_out'];
    case 'network_both':
      return ['network_in', 'network_out'];
    case 'capacity':
      return specific ? [] : ['disk'];
    default:
      return [word];
  }
}
