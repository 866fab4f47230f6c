/** Newest datapoint of many metrics through batched GetMetricData (at most 500 queries per call). */
import {
  GetMetricDataCommand,
  type CloudWatchClient,
  type Metric,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { callAws } from './aws-errors';

/** GetMetricData's limit of MetricDataQueries per call. */
export const MAX_QUERIES_PER_CALL = 500;

export interface MetricRequest {
  metric: Metric;
  stat: 'Average' | 'Sum';
}

export interface Datapoint {
  timestamp: Date;
  value: number;
}

export interface TimeWindow {
  start: Date;
  end: Date;
  periodSeconds: number;
}

/** The newest datapoint of each request in the window (index-aligned with `requests`; null when there is none). */
export async function newestDatapoints(
  client: CloudWatchClient,
  region: string,
  requests: MetricRequest[],
  window: TimeWindow,
  signal: AbortSignal
): Promise<Array<Datapoint | null>> {
  const newest: Array<Datapoint | null> = requests.map(() => null);
  for (let offset = 0; offset < requests.length; offset += MAX_QUERIES_PER_CALL) {
    const batch = requests.slice(offset, offset + MAX_QUERIES_PER_CALL);
    const queries: MetricDataQuery[] = batch.map(({ metric, stat }, i) => ({
      // Ids must start with a lower-case letter; the index maps an answer back to its request.
      Id: `q${offset + i}`,
      MetricStat: { Metric: metric, Period: window.periodSeconds, Stat: stat },
      ReturnData: true,
    }));
    let nextToken: string | undefined;
    do {
      const page = await callAws('CloudWatch GetMetricData', region, () =>
        client.send(
          new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampDescending',
            NextToken: nextToken,
          }),
          { abortSignal: signal }
        )
      );
      for (const result of page.MetricDataResults ?? []) {
        const index = Number(result.Id?.slice(1));
        if (!Number.isInteger(index) || index < offset || index >= offset + batch.length) continue;
        const timestamps = result.Timestamps ?? [];
        const values = result.Values ?? [];
        for (let k = 0; k < Math.min(timestamps.length, values.length); k++) {
          const known = newest[index];
          if (Number.isFinite(values[k]) && (!known || timestamps[k] > known.timestamp)) {
            newest[index] = { timestamp: timestamps[k], value: values[k] };
          }
        }
      }
      nextToken = page.NextToken || undefined;
    } while (nextToken);
  }
  return newest;
}
