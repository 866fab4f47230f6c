/** One finding: server, metric, value against threshold, the service's sentence, and its sparkline. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React from 'react';

import { AskFinding } from '../../datasource/types';
import { AS_IS } from '../../shared/i18n';
import { SeriesResult, seriesOf } from '../app/findingSeries';
import { findingValues } from '../app/findingValues';
import { TEST_IDS } from '../../shared/testIds';
import { FindingSparkline } from './FindingSparkline';

interface Props {
  finding: AskFinding;
  language: string;
  series?: SeriesResult;
  seriesLoading: boolean;
  /** Narrow panels stack the chart under the text. */
  narrow: boolean;
  chartWidth: number;
}

const LEVEL_COLORS: Record<string, string> = { critical: 'red', warning: 'orange' };

const getStyles = (theme: GrafanaTheme2) => ({
  item: css({
    display: 'flex',
    gap: theme.spacing(1, 2),
    padding: theme.spacing(1),
    borderLeft: `3px solid transparent`,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
  }),
  narrow: css({ flexDirection: 'column' }),
  text: css({ flex: 1, minWidth: 0 }),
  heading: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0, 1), alignItems: 'baseline' }),
  server: css({ fontWeight: theme.typography.fontWeightBold }),
  meta: css({ color: theme.colors.text.secondary }),
  value: css({ fontWeight: theme.typography.fontWeightMedium }),
  message: css({ margin: theme.spacing(0.5, 0, 0), wordBreak: 'keep-all', overflowWrap: 'anywhere' }),
});

export function FindingItem({ finding, language, series, seriesLoading, narrow, chartWidth }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const values = findingValues(finding);
  const colorName = LEVEL_COLORS[finding.level ?? ''] ?? 'blue';
  const color = theme.visualization.getColorByName(colorName);
  const comparison = values.exceeds === undefined ? 'vs' : values.exceeds ? '≥' : '<';

  return (
    <li
      className={`${styles.item} ${narrow ? styles.narrow : ''}`}
      style={{ borderLeftColor: color }}
      data-testid={TEST_IDS.finding}
      data-metric={finding.metric ?? ''}
      data-server={finding.serverId}
    >
      <div className={styles.text}>
        <div className={styles.heading}>
          <span className={styles.server}>{finding.serverId}</span>
          <span>{values.metricTitle}</span>
          <span className={styles.meta}>
            {finding.kind}
            {finding.level ? ` · ${finding.level}` : ''}
          </span>
          {values.value !== undefined && (
            <span className={styles.value}>
              {values.value}
              {values.threshold !== undefined && (
                <span
                  className={styles.meta}
                  aria-label={t('panel.finding.threshold', 'threshold {{threshold}}', {
                    threshold: values.threshold,
                    ...AS_IS,
                  })}
                >
                  {` ${comparison} ${values.threshold}`}
                </span>
              )}
            </span>
          )}
        </div>
        <p className={styles.message} lang={language}>
          {finding.message}
        </p>
      </div>
      {seriesOf(finding) && (
        <FindingSparkline
          result={series}
          loading={seriesLoading}
          threshold={finding.threshold}
          color={color}
          width={chartWidth}
          height={40}
          // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- a server id and a metric name, no words
          title={`${finding.serverId} ${values.metricTitle}`}
        />
      )}
    </li>
  );
}
