/** Builds the DataQueryRequest Grafana hands a data source, for tests. */
import { CoreApp, DataQueryRequest, dateTime } from '@grafana/data';

import { OpenManagerQuery } from '../datasource/types';

export const RANGE = { from: 1764115200000, to: 1764201600000 };

export function queryRequest(
  targets: OpenManagerQuery[],
  extra: Partial<DataQueryRequest<OpenManagerQuery>> = {}
): DataQueryRequest<OpenManagerQuery> {
  const from = dateTime(RANGE.from);
  const to = dateTime(RANGE.to);
  return {
    requestId: 'Q1',
    app: CoreApp.Dashboard,
    interval: '1m',
    intervalMs: 60000,
    maxDataPoints: 1000,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets,
    timezone: 'utc',
    startTime: Date.now(),
    ...extra,
  };
}
