/** Fetches, through the data source, the series behind an answer's findings over the range the answer covers. */
import { useEffect, useState } from 'react';

import { AskAnswer } from '../../datasource/types';
import { SeriesResult, resultsBySeries, seriesOfFindings } from '../app/findingSeries';
import { AskDataSource, TimeRangeMs } from '../types';

/** Enough for a sparkline a few hundred pixels wide. */
export const SPARKLINE_POINTS = 120;

export interface FindingSeries {
  loading: boolean;
  results: Map<string, SeriesResult>;
  /** Set when the whole request failed. */
  error?: string;
}

const NONE: FindingSeries = { loading: false, results: new Map() };

export function useFindingSeries(dataSource: AskDataSource | undefined, answer: AskAnswer | undefined, range: TimeRangeMs | undefined): FindingSeries {
  const [series, setSeries] = useState<FindingSeries>(NONE);
  useEffect(() => {
    const wanted = answer ? seriesOfFindings(answer.findings) : [];
    if (!dataSource || !range || wanted.length === 0) {
      setSeries(NONE);
      return;
    }
    let current = true;
    setSeries({ loading: true, results: new Map() });
    dataSource.querySeries(wanted, range, SPARKLINE_POINTS).then(
      (response) => current && setSeries({ loading: false, results: resultsBySeries(wanted, response) }),
      (err: unknown) =>
        current && setSeries({ loading: false, results: new Map(), error: err instanceof Error ? err.message : String(err) })
    );
    return () => {
      current = false;
    };
  }, [dataSource, answer, range]);
  return series;
}
