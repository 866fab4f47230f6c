/** What is asked of CloudWatch (`AWS/EBS`) for an instance's EBS volumes, and the series its answers give. */
import { SERIES_NAMES, type SeriesSample } from '../../domain/series';
import type { Datapoint, MetricRequest } from './metric-data';

/** Per volume, in this order: bytes read and written in a period (Sum, turned into per second) and the queue length. */
export const VOLUME_METRICS = [
  { metricName: 'VolumeReadBytes', stat: 'Sum', series: SERIES_NAMES.volumeReadBytes },
  { metricName: 'VolumeWriteBytes', stat: 'Sum', series: SERIES_NAMES.volumeWriteBytes },
  { metricName: 'VolumeQueueLength', stat: 'Average', series: SERIES_NAMES.volumeQueueLength },
] as const satisfies ReadonlyArray<{ metricName: string; stat: MetricRequest['stat']; series: string }>;

/** Newest datapoints of one volume, index-aligned with VOLUME_METRICS (null when there is none in the window). */
export interface VolumeDatapoints {
  volumeId: string;
  datapoints: Array<Datapoint | null>;
}

export function volumeRequests(volumeIds: string[]): MetricRequest[] {
  return volumeIds.flatMap((volumeId) =>
    VOLUME_METRICS.map(({ metricName, stat }) => ({
      metric: { Namespace: 'AWS/EBS', MetricName: metricName, Dimensions: [{ Name: 'VolumeId', Value: volumeId }] },
      stat,
    }))
  );
}

/** Splits the datapoints answering `volumeRequests(volumeIds)` (same order) by volume. */
export function volumeDatapoints(volumeIds: string[], datapoints: Array<Datapoint | null>): VolumeDatapoints[] {
  const n = VOLUME_METRICS.length;
  return volumeIds.map((volumeId, v) => ({ volumeId, datapoints: datapoints.slice(v * n, (v + 1) * n) }));
}

/** The series of a server's volumes at `timestamp`; a metric without a datapoint gives no sample. */
export function volumeSeries(
  serverId: string,
  volumes: VolumeDatapoints[],
  periodSeconds: number,
  timestamp: Date
): SeriesSample[] {
  return volumes.flatMap(({ volumeId, datapoints }) =>
    VOLUME_METRICS.flatMap(({ stat, series }, i) => {
      const datapoint = datapoints[i];
      if (!datapoint) return [];
      const value = stat === 'Sum' ? datapoint.value / periodSeconds : datapoint.value;
      return [{ serverId, name: series, labels: { volume: volumeId }, timestamp, value }];
    })
  );
}
