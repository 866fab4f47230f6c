/** What went wrong with a question, told so that the operator knows what to do next. */
import { t } from '@grafana/i18n';

export type AskProblemKind =
  'no_datasource' | 'unconfigured' | 'unreachable' | 'unauthorized' | 'rate_limited' | 'bad_question' | 'service';

export interface AskProblem {
  kind: AskProblemKind;
  title: string;
  /** What the data source or service said. */
  detail: string;
  nextStep: string;
  /** Whether asking again as it is may work. */
  retryable: boolean;
}

/** Fields of the data source's ServiceError (another bundle: matched by shape, not by class). */
interface ErrorShape {
  name?: string;
  kind?: string;
  status?: number;
  message?: string;
}

function shapeOf(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : { message: String(err) };
}

/** A cancelled request (a newer question replaced it) is not a problem to show. */
export function isCancelled(err: unknown): boolean {
  return shapeOf(err).kind === 'cancelled';
}

export function describeAskProblem(err: unknown): AskProblem {
  const { name, kind, status, message } = shapeOf(err);
  const detail = message || t('panel.problem.no-details', 'no details');
  if (name === 'DataSourceProblem') {
    return {
      kind: 'no_datasource',
      title: t('panel.problem.no-datasource', 'No OpenManager data source'),
      detail,
      nextStep: '',
      retryable: false,
    };
  }
  if (kind === 'unconfigured') {
    return {
      kind: 'unconfigured',
      title: t('panel.problem.unconfigured.title', 'The OpenManager data source has no service URL'),
      detail,
      nextStep: t(
        'panel.problem.unconfigured.next',
        'Ask a Grafana admin to set "Service URL" under Connections → Data sources → OpenManager.'
      ),
      retryable: false,
    };
  }
  if (kind === 'unreachable') {
    return {
      kind: 'unreachable',
      title: t('panel.problem.unreachable.title', 'The OpenManager service cannot be reached'),
      detail,
      nextStep: t(
        'panel.problem.unreachable.next',
        'Once it runs again, try again; Connections → Data sources → OpenManager → Save & test checks the connection.'
      ),
      retryable: true,
    };
  }
  if (kind === 'unauthorized') {
    return {
      kind: 'unauthorized',
      title: t('panel.problem.unauthorized.title', "The service rejected the data source's API key"),
      detail,
      nextStep: t(
        'panel.problem.unauthorized.next',
        'Ask a Grafana admin to set a valid "API key" in the OpenManager data source settings (one of the service\'s API_KEYS).'
      ),
      retryable: false,
    };
  }
  if (status === 429) {
    return {
      kind: 'rate_limited',
      title: t('panel.problem.rate-limited.title', 'Too many questions at once'),
      detail,
      nextStep: t(
        'panel.problem.rate-limited.next',
        'The service asks to slow down: wait a few seconds and try again.'
      ),
      retryable: true,
    };
  }
  if (status === 400 || status === 422) {
    return {
      kind: 'bad_question',
      title: t('panel.problem.bad-question.title', 'The service could not take this question'),
      detail,
      nextStep: t('panel.problem.bad-question.next', 'Rephrase or shorten the question and ask again.'),
      retryable: false,
    };
  }
  return {
    kind: 'service',
    title: t('panel.problem.service.title', 'The service failed to answer'),
    detail,
    nextStep: t(
      'panel.problem.service.next',
      "Try again; if it keeps failing, the collector service's log has the cause."
    ),
    retryable: true,
  };
}
