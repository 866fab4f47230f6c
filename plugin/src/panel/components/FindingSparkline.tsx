/** The small chart of the series a finding rests on, or why there is none. */
import { css } from '@emotion/css';
import { FieldColorModeId, GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Sparkline, useStyles2, useTheme2 } from '@grafana/ui';
import React from 'react';

import { MAX_SERIES, SeriesResult, toSparkline } from '../app/findingSeries';
import { TEST_IDS } from '../../shared/testIds';

interface Props {
  /** Undefined when the series was not fetched (past MAX_SERIES). */
  result?: SeriesResult;
  loading: boolean;
  threshold: number | null;
  /** Colour name of the finding's level (red, orange, blue). */
  color: string;
  width: number;
  height: number;
  /** e.g. "DB-EU-002 CPU", for the chart's accessible name. */
  title: string;
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});

export function FindingSparkline({ result, loading, threshold, color, width, height, title }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  if (loading) {
    return <span className={styles.note}>{t('panel.chart.loading', 'Loading chart…')}</span>;
  }
  if (!result) {
    return (
      <span className={styles.note}>
        {t('panel.chart.not-charted', 'Not charted: an answer charts its first {{max}} series.', { max: MAX_SERIES })}
      </span>
    );
  }
  if (result.error) {
    return (
      <span className={styles.note}>
        {t('panel.chart.failed', 'No chart:')} {result.error}
      </span>
    );
  }
  const sparkline = result.frame ? toSparkline(result.frame, threshold) : undefined;
  if (!sparkline) {
    return (
      <span className={styles.note}>{t('panel.chart.no-samples', 'No samples in this time range to chart.')}</span>
    );
  }
  return (
    <div
      role="img"
      aria-label={t('panel.chart.label', '{{title}}, {{points}} points over the dashboard range', {
        title,
        points: sparkline.y.values.length,
        interpolation: { escapeValue: false },
      })}
      data-testid={TEST_IDS.sparkline}
      data-points={sparkline.y.values.length}
      style={{ width, height }}
    >
      <Sparkline
        width={width}
        height={height}
        theme={theme}
        sparkline={sparkline}
        config={{ color: { mode: FieldColorModeId.Fixed, fixedColor: color } }}
      />
    </div>
  );
}
