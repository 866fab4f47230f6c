/** Example questions as buttons: one click asks it. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import React from 'react';

import { EXAMPLE_QUESTIONS } from '../app/exampleQuestions';
import { questionButtonStyle } from './questionButton';

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0),
    padding: 0,
  }),
  button: css(questionButtonStyle(theme)),
});

export function ExampleQuestions({ onAsk }: { onAsk: (question: string) => void }) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.list} aria-label={t('panel.examples.label', 'Try asking')}>
      {EXAMPLE_QUESTIONS.map((question) => (
        <li key={question}>
          <Button className={styles.button} size="sm" variant="secondary" onClick={() => onAsk(question)}>
            {question}
          </Button>
        </li>
      ))}
    </ul>
  );
}
