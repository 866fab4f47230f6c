/**
 * The `description` of an alert, written by the analysis engine: the root-cause analysis of the
 * alert's server and metric (what is wrong with the numbers, what moved first — a cause or a
 * symptom — and when a filling resource runs out), in ALERT_LANGUAGE, optionally rephrased by
 * the language model under the same checks as /api/ask.
 */
import { METRIC_NAMES, type MetricName } from '../domain/metrics';
import type { AskService } from '../analysis';
import type { Labels } from '../promql/labels';
import { ALERTNAME } from './alert-state';

export type AlertLanguage = 'ko' | 'en';

export type Explain = (labels: Labels) => Promise<string | null>;

const metricOf = (labels: Labels): MetricName | null =>
  (METRIC_NAMES as readonly string[]).includes(labels.metric ?? '') ? (labels.metric as MetricName) : null;

/** The question the explanation answers, for the optional rephrasing. */
function question(server: string, alertname: string, language: AlertLanguage): string {
  return language === 'ko'
    ? `${server}의 ${alertname} 알림은 왜 울렸나요?`
    : `Why is ${alertname} firing on ${server}?`;
}

export function alertExplainer(analysis: AskService, language: AlertLanguage): Explain {
  return async (labels) => {
    const server = labels.server;
    if (!server) return null;
    const metric = metricOf(labels);
    const answer = await analysis.analyzeScope(
      'root_cause',
      { servers: [server], metrics: metric ? [metric] : [] },
      {},
      {
        language,
        rephraseAs: question(server, labels[ALERTNAME] ?? '', language),
      }
    );
    return answer.answer;
  };
}
