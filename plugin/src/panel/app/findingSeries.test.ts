/** Which series the findings rest on, matching their frames back, and their sparklines' range. */
import { FieldType, createDataFrame } from '@grafana/data';

import { AskFinding } from '../../datasource/types';
import { MAX_SERIES, resultsBySeries, seriesKey, seriesOfFindings, toSparkline } from './findingSeries';

const finding = (serverId: string, metric: AskFinding['metric'], kind = 'threshold'): AskFinding => ({
  serverId,
  metric,
  kind,
  value: 1,
  threshold: null,
  message: '',
});

describe('seriesOfFindings', () => {
  it('lists each server metric once, skipping findings without a metric, up to MAX_SERIES', () => {
    expect(
      seriesOfFindings([
        finding('A', 'cpu'),
        finding('A', 'cpu', 'anomaly'),
        finding('B', null, 'offline'),
        finding('A', 'memory'),
      ])
    ).toEqual([
      { server: 'A', metric: 'cpu' },
      { server: 'A', metric: 'memory' },
    ]);
    const many = Array.from({ length: MAX_SERIES + 5 }, (_, i) => finding(`S${i}`, 'disk'));
    expect(seriesOfFindings(many)).toHaveLength(MAX_SERIES);
  });
});

describe('resultsBySeries', () => {
  it('matches frames and errors back to the series by refId', () => {
    const series = [
      { server: 'A', metric: 'cpu' as const },
      { server: 'B', metric: 'disk' as const },
    ];
    const frame = createDataFrame({ refId: 'S0', fields: [{ name: 'time', type: FieldType.time, values: [1, 2] }] });
    const results = resultsBySeries(series, { data: [frame], errors: [{ refId: 'S1', message: 'timed out' }] });
    expect(results.get(seriesKey(series[0]))).toEqual({ frame });
    expect(results.get(seriesKey(series[1]))).toEqual({ error: 'timed out' });
  });
});

describe('toSparkline', () => {
  const frame = (values: Array<number | null>) =>
    createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: values.map((_, i) => 1000 + i * 60_000) },
        { name: 'cpu', type: FieldType.number, values, config: { min: 0, max: 100 } },
      ],
    });

  it('spans the series and the threshold, so the chart shows how far past it the series runs', () => {
    const sparkline = toSparkline(frame([86, 88, null, 87]), 85)!;
    expect(sparkline.y.config).toMatchObject({ min: 85, max: 88 });
    expect(sparkline.y.values).toEqual([86, 88, null, 87]);
    expect(sparkline.x?.config.interval).toBe(60_000);
    expect(toSparkline(frame([40, 45]), 85)!.y.config).toMatchObject({ min: 40, max: 85 });
  });

  it('has nothing to draw from fewer than two points', () => {
    expect(toSparkline(frame([50]), 85)).toBeUndefined();
  });
});
