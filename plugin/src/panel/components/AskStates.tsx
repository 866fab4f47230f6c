/** What the panel shows before an answer: nothing asked yet, waiting, a problem, or a question not understood. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, Button, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React from 'react';

import { AS_IS } from '../../shared/i18n';
import { AskProblem } from '../app/askProblems';
import { ExampleQuestions } from './ExampleQuestions';

const getStyles = (theme: GrafanaTheme2) => ({
  text: css({ margin: 0, whiteSpace: 'pre-line', wordBreak: 'keep-all', overflowWrap: 'anywhere' }),
  muted: css({ color: theme.colors.text.secondary }),
  next: css({ margin: theme.spacing(0.5, 0) }),
});

export function NothingAsked({ onAsk }: { onAsk: (question: string) => void }) {
  const styles = useStyles2(getStyles);
  return (
    <div>
      <p className={`${styles.text} ${styles.muted}`}>
        {t(
          'panel.states.nothing-asked',
          "Ask about your servers in Korean or English: a server's health, the fleet, top usage, anomalies, when a disk fills up, or why something happens. The answer uses this dashboard's time range."
        )}
      </p>
      <ExampleQuestions onAsk={onAsk} />
    </div>
  );
}

export function Asking({ question }: { question: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div role="status" aria-live="polite">
      <LoadingPlaceholder
        text={t('panel.states.asking', 'Asking OpenManager: “{{question}}”', { question, ...AS_IS })}
      />
      <p className={`${styles.text} ${styles.muted}`}>{t('panel.states.asking-cancel', 'Press Escape to cancel.')}</p>
    </div>
  );
}

export function ProblemView({ problem, onRetry }: { problem: AskProblem; onRetry?: () => void }) {
  const styles = useStyles2(getStyles);
  return (
    <Alert title={problem.title} severity="error" bottomSpacing={0}>
      <p className={styles.text}>{problem.detail}</p>
      {problem.nextStep && <p className={`${styles.text} ${styles.next}`}>{problem.nextStep}</p>}
      {problem.retryable && onRetry && (
        <Button size="sm" variant="secondary" icon="sync" onClick={onRetry}>
          {t('panel.states.retry', 'Try again')}
        </Button>
      )}
    </Alert>
  );
}

export function NotUnderstood({
  answer,
  language,
  onAsk,
}: {
  answer: string;
  language: string;
  onAsk: (question: string) => void;
}) {
  const styles = useStyles2(getStyles);
  return (
    <Alert title={t('panel.states.not-understood', 'Not understood')} severity="info" bottomSpacing={0}>
      <p className={styles.text} lang={language}>
        {answer}
      </p>
      <p className={`${styles.text} ${styles.next}`}>
        {t(
          'panel.states.not-understood-hint',
          'Rephrase the question with a server name or a metric, or try one of these:'
        )}
      </p>
      <ExampleQuestions onAsk={onAsk} />
    </Alert>
  );
}
