/** This session's questions as buttons: one click asks again. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';
import React from 'react';

import { questionButtonStyle } from './questionButton';

interface Props {
  label: string;
  questions: string[];
  onAsk: (question: string) => void;
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(0.5) }),
  label: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    marginRight: theme.spacing(0.5),
  }),
  list: css({ display: 'contents', listStyle: 'none' }),
  question: css({ maxWidth: '100%', ...questionButtonStyle(theme) }),
});

export function QuestionHistory({ label, questions, onAsk }: Props) {
  const styles = useStyles2(getStyles);
  if (questions.length === 0) {
    return null;
  }
  return (
    <nav className={styles.nav} aria-label={label}>
      <span className={styles.label}>{label}:</span>
      <ul className={styles.list}>
        {questions.map((question) => (
          <li key={question}>
            <Button
              className={styles.question}
              size="sm"
              variant="secondary"
              fill="outline"
              onClick={() => onAsk(question)}
            >
              {question}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
