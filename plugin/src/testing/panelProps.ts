/** The props Grafana hands a panel, for tests and the browser host: size, options, range and variable interpolation. */
import { EventBusSrv, FieldConfigSource, LoadingState, PanelProps, TimeRange, dateTime } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

export interface PanelPropsFixture<T> {
  options: T;
  /** Epoch ms. */
  range: { from: number; to: number };
  templateSrv: TemplateSrv;
  id?: number;
  width?: number;
  height?: number;
}

export function timeRange({ from, to }: { from: number; to: number }): TimeRange {
  return { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
}

export function panelProps<T>({
  options,
  range,
  templateSrv,
  id = 1,
  width = 640,
  height = 480,
}: PanelPropsFixture<T>): PanelProps<T> {
  const panelRange = timeRange(range);
  return {
    id,
    data: { state: LoadingState.Done, series: [], timeRange: panelRange },
    timeRange: panelRange,
    timeZone: 'utc',
    options,
    transparent: false,
    width,
    height,
    fieldConfig: { defaults: {}, overrides: [] } as FieldConfigSource,
    renderCounter: 0,
    title: 'Ask AI',
    eventBus: new EventBusSrv(),
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    replaceVariables: (value, scopedVars, format) => templateSrv.replace(value, scopedVars, format),
    onChangeTimeRange: () => undefined,
  };
}
