/** One read of labelled series charged to a request's budget: past QUERY_MAX_SAMPLES or the deadline it stops with the budget's 422. */
import { LimitError, type QueryBudget } from '../../limits';
import type { SeriesReader, SeriesSelector, StoredLabelledSeries } from './series-reader';

export async function selectWithinBudget(
  reader: SeriesReader,
  selector: Omit<SeriesSelector, 'maxSamples'>,
  budget: QueryBudget
): Promise<StoredLabelledSeries[]> {
  budget.checkDeadline();
  let read: StoredLabelledSeries[];
  try {
    read = await reader.select({ ...selector, maxSamples: budget.remaining }, budget.signal);
  } catch (err) {
    // The store stopped past what is left: charging one more than that names the request's limit.
    if (err instanceof LimitError && err.code === 'samples_limit') budget.charge(budget.remaining + 1);
    throw budget.explain(err);
  }
  budget.charge(read.reduce((n, s) => n + s.values.length, 0));
  return read;
}
