/** The findings of an answer, each with the chart of its series, or a line saying nothing stands out. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { AskFinding } from '../../datasource/types';
import { seriesKey, seriesOf } from '../app/findingSeries';
import { FindingSeries } from '../hooks/useFindingSeries';
import { FindingItem } from './FindingItem';

interface Props {
  findings: AskFinding[];
  language: string;
  series: FindingSeries;
  width: number;
}

/** Below this width the chart goes under the text. */
export const NARROW_WIDTH = 520;

const getStyles = (theme: GrafanaTheme2) => ({
  heading: css({ fontSize: theme.typography.h6.fontSize, margin: theme.spacing(1, 0, 0.5) }),
  list: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  }),
  none: css({ color: theme.colors.text.secondary, margin: 0 }),
});

export function FindingList({ findings, language, series, width }: Props) {
  const styles = useStyles2(getStyles);
  if (findings.length === 0) {
    return (
      <p className={styles.none}>
        {t('panel.findings.none', 'No findings: nothing in this range crossed a threshold or looked unusual.')}
      </p>
    );
  }
  const narrow = width < NARROW_WIDTH;
  const chartWidth = narrow ? Math.max(120, width - 48) : Math.min(240, Math.round(width * 0.3));
  return (
    <section aria-label={t('panel.findings.label', 'Findings')}>
      <h3 className={styles.heading}>
        {t('panel.findings.label', 'Findings')} ({findings.length})
      </h3>
      <ul className={styles.list}>
        {findings.map((finding, index) => {
          const ref = seriesOf(finding);
          const result = series.error ? { error: series.error } : ref ? series.results.get(seriesKey(ref)) : undefined;
          return (
            <FindingItem
              key={`${finding.serverId}-${finding.metric}-${finding.kind}-${index}`}
              finding={finding}
              language={language}
              series={result}
              seriesLoading={series.loading}
              narrow={narrow}
              chartWidth={chartWidth}
            />
          );
        })}
      </ul>
    </section>
  );
}
