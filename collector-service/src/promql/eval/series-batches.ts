/** A source's series a batch at a time, whether or not the source reads them so. */
import type { QueryBudget } from '../../limits';
import type { Matcher } from '../matchers';
import type { SeriesSource } from './query-engine';
import type { StoredSeries } from './values';

/** The source's own batches when it has them, else its whole answer as one batch. */
export async function* seriesBatches(
  source: SeriesSource,
  matchers: Matcher[],
  fromMs: number,
  toMs: number,
  budget: QueryBudget,
  maxSamples: number
): AsyncGenerator<StoredSeries[]> {
  if (source.selectBatches) yield* source.selectBatches(matchers, fromMs, toMs, budget, maxSamples);
  else yield await source.select(matchers, fromMs, toMs, budget);
}
