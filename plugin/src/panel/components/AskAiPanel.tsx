/** The ask-AI panel, for now a placeholder that says what is coming. */
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { AskAiOptions } from '../types';

type Props = PanelProps<AskAiOptions>;

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: theme.spacing(1),
    height: '100%',
    padding: theme.spacing(2),
    overflowWrap: 'anywhere',
  }),
  title: css({ fontSize: theme.typography.h4.fontSize, margin: 0 }),
  text: css({ color: theme.colors.text.secondary, margin: 0 }),
});

export function AskAiPanel({ width, height }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrapper} style={{ width, height }} data-testid="openmanager-askai-placeholder">
      <h2 className={styles.title}>Ask AI is coming</h2>
      <p className={styles.text}>
        This panel will answer questions about your fleet, such as “DB-EU-002 서버에 문제가 있나요?”, with the
        severity, an explanation and the numbers behind it.
      </p>
    </div>
  );
}
