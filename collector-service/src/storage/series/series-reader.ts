/**
 * What the read paths (PromQL, /api/query, the analysis) ask of the labelled series store
 * (`server_series`, see sql/002). Implemented by `SeriesStore`; one interface so readers do not
 * depend on how series are kept.
 */
import type { SeriesSample } from '../../domain/series';

export interface SeriesSelector {
  /** Exact series name, or a predicate over names (a PromQL `__name__` matcher). */
  name: string | ((name: string) => boolean);
  /** Only these servers (all when absent). */
  serverIds?: readonly string[];
  /** Exact label values the series' own labels must have. */
  labels?: Readonly<Record<string, string>>;
  fromMs: number;
  toMs: number;
  /** Stop (with a LimitError from the caller's budget) past this many samples. */
  maxSamples?: number;
}

/** One labelled series over a range: parallel arrays in time order. */
export interface StoredLabelledSeries {
  serverId: string;
  name: string;
  labels: Record<string, string>;
  timestampsMs: number[];
  values: number[];
}

export interface SeriesReader {
  /** Every series matching the selector with its samples in [fromMs, toMs]. */
  select(selector: SeriesSelector, signal?: AbortSignal): Promise<StoredLabelledSeries[]>;
  /** The newest sample of every series of these servers (all when absent) seen at or after `sinceMs`. */
  latest(serverIds: readonly string[] | undefined, sinceMs: number): Promise<SeriesSample[]>;
  /** Names of every stored series (for the metric list under /prometheus and the query editor). */
  names(): Promise<string[]>;
  /** Values a label takes on a series (template variables). */
  labelValues(name: string, label: string): Promise<string[]>;
}
