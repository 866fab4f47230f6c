/** The data query behind the series of findings: one time series target per server and metric, over a range. */
import { CoreApp, DataQueryRequest, dateTime } from '@grafana/data';

import { OpenManagerQuery, SeriesRef } from '../types';
import { TimeRangeMs } from './askService';

/** refId of the n-th series, so frames can be matched back to what was asked. */
export const seriesRefId = (index: number): string => `S${index}`;

export function seriesRequest(
  series: readonly SeriesRef[],
  range: TimeRangeMs,
  maxDataPoints: number
): DataQueryRequest<OpenManagerQuery> {
  const from = dateTime(range.from);
  const to = dateTime(range.to);
  const intervalMs = Math.max(1000, Math.ceil((range.to - range.from) / Math.max(1, maxDataPoints)));
  return {
    requestId: `openmanager-series-${range.from}-${range.to}`,
    app: CoreApp.Dashboard,
    interval: `${Math.round(intervalMs / 1000)}s`,
    intervalMs,
    maxDataPoints,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    timezone: 'utc',
    startTime: Date.now(),
    targets: series.map(({ server, metric }, index) => ({
      refId: seriesRefId(index),
      queryType: 'timeseries',
      servers: [server],
      metrics: [metric],
      aggregation: 'avg',
    })),
  };
}
