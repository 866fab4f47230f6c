/** Contracts of the ask-AI panel: its saved options and what it needs from an OpenManager data source. */
import { DataQueryResponse, DataSourceRef } from '@grafana/data';

import type { TimeRangeMs } from '../datasource/app/askService';
import type { AskAnswer, SeriesRef } from '../datasource/types';

export type { TimeRangeMs };

export interface AskAiOptions {
  /** An openmanager-vibe-datasource instance; unset means the first one. */
  datasource?: DataSourceRef;
  /** In the question box on load, and asked on load when askOnRefresh is on. */
  defaultQuestion: string;
  /** Ask again (the last question, else the default one) whenever the dashboard refreshes or its range changes. */
  askOnRefresh: boolean;
  /** Show the service's answer as JSON under the findings. */
  showRawJson: boolean;
}

export const DEFAULT_OPTIONS: AskAiOptions = {
  defaultQuestion: '서버 전체적으로 문제 없어?',
  askOnRefresh: true,
  showRawJson: false,
};

/**
 * The methods of the OpenManager DataSource the panel uses. The panel is its own bundle, so it checks for them
 * instead of importing the DataSource class.
 */
export interface AskDataSource {
  uid: string;
  name: string;
  ask(question: string, range?: TimeRangeMs): Promise<AskAnswer>;
  querySeries(series: SeriesRef[], range: TimeRangeMs, maxDataPoints: number): Promise<DataQueryResponse>;
}
