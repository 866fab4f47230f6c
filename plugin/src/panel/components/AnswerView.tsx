/** An answer: severity, the text in the question's language, the findings with their charts, and optionally the raw JSON. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Spinner, useStyles2 } from '@grafana/ui';
import React from 'react';

import { AskAnswer } from '../../datasource/types';
import { TEST_IDS } from '../../shared/testIds';
import { FindingSeries } from '../hooks/useFindingSeries';
import { FindingList } from './FindingList';
import { SeverityBadge } from './SeverityBadge';

interface Props {
  question: string;
  answer: AskAnswer;
  series: FindingSeries;
  showRawJson: boolean;
  width: number;
  /** Being asked again (a dashboard refresh): the answer stays until the new one arrives. */
  refreshing?: boolean;
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(1) }),
  question: css({ color: theme.colors.text.secondary, minWidth: 0, wordBreak: 'keep-all', overflowWrap: 'anywhere' }),
  refreshing: css({
    display: 'inline-flex',
    gap: theme.spacing(0.5),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  answer: css({
    margin: theme.spacing(1, 0, 0),
    fontSize: theme.typography.body.fontSize,
    whiteSpace: 'pre-line',
    wordBreak: 'keep-all',
    overflowWrap: 'anywhere',
  }),
  raw: css({ marginTop: theme.spacing(1), summary: { cursor: 'pointer', color: theme.colors.text.link } }),
  pre: css({ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }),
});

export function AnswerView({ question, answer, series, showRawJson, width, refreshing = false }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <article data-testid={TEST_IDS.answer} aria-live="polite" aria-label={t('panel.answer.label', 'Answer')}>
      <div className={styles.header}>
        <SeverityBadge severity={answer.severity} />
        <span className={styles.question}>{question}</span>
        {refreshing && (
          <span className={styles.refreshing} role="status">
            <Spinner inline size="xs" /> {t('panel.answer.refreshing', 'Refreshing…')}
          </span>
        )}
      </div>
      <p className={styles.answer} lang={answer.language}>
        {answer.answer}
      </p>
      <FindingList findings={answer.findings} language={answer.language} series={series} width={width} />
      {showRawJson && (
        <details className={styles.raw}>
          <summary>{t('panel.answer.raw-json', 'Raw answer (JSON)')}</summary>
          <pre className={styles.pre} data-testid={TEST_IDS.rawJson}>
            {JSON.stringify(answer, null, 2)}
          </pre>
        </details>
      )}
    </article>
  );
}
