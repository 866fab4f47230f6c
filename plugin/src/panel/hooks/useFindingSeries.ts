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
const LOADING: FindingSeries = { loading: true, results: new Map() };

/** The series fetched, with what they were fetched for: a result for other inputs means the new ones are loading. */
interface Fetched {
  dataSource: AskDataSource;
  answer: AskAnswer;
  range: TimeRangeMs;
  series: FindingSeries;
}

export function useFindingSeries(
  dataSource: AskDataSource | undefined,
  answer: AskAnswer | undefined,
  range: TimeRangeMs | undefined
): FindingSeries {
  const [fetched, setFetched] = useState<Fetched | undefined>(undefined);
  useEffect(() => {
    const wanted = answer ? seriesOfFindings(answer.findings) : [];
    if (!dataSource || !answer || !range || wanted.length === 0) {
      return;
    }
    let current = true;
    const done = (series: FindingSeries) => current && setFetched({ dataSource, answer, range, series });
    dataSource.querySeries(wanted, range, SPARKLINE_POINTS).then(
      (response) => done({ loading: false, results: resultsBySeries(wanted, response) }),
      (err: unknown) =>
        done({ loading: false, results: new Map(), error: err instanceof Error ? err.message : String(err) })
    );
    return () => {
      current = false;
    };
  }, [dataSource, answer, range]);
  if (!dataSource || !answer || !range || seriesOfFindings(answer.findings).length === 0) {
    return NONE;
  }
  if (fetched?.dataSource === dataSource && fetched.answer === answer && fetched.range === range) {
    return fetched.series;
  }
  return LOADING;
}
