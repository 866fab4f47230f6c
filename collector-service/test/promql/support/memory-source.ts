/** Constructed series for engine tests: an in-memory SeriesSource that honours matchers and time spans like the stored one. */
import type { QueryData } from '../../../src/promql/api/format';
import { formatLabels, type Labels } from '../../../src/promql/labels';
import { matchesLabels } from '../../../src/promql/matchers';
import type { SeriesSource } from '../../../src/promql/eval/query-engine';
import type { StoredSeries } from '../../../src/promql/eval/values';
import { QueryBudget, type QueryLimits } from '../../../src/limits';

/** A budget for engine tests: generous unless a test narrows it. */
export const budget = (limits: Partial<QueryLimits> = {}, clock?: () => number) =>
  new QueryBudget({ timeoutMs: 5_000, maxSamples: 50_000_000, ...limits }, { clock });

export const T0 = Date.UTC(2026, 0, 1); // a fixed origin, so answers do not depend on the clock
export const MIN = 60_000;

/** A series with one sample every `everyMs` from `startMs`, values from `valueAt(i)`. */
export function series(
  labels: Labels,
  count: number,
  valueAt: (i: number) => number,
  { startMs = T0, everyMs = MIN } = {}
): StoredSeries {
  const times = Array.from({ length: count }, (_, i) => startMs + i * everyMs);
  return { labels, times, values: times.map((_, i) => valueAt(i)) };
}

export function points(labels: Labels, pairs: Array<[number, number]>): StoredSeries {
  return { labels, times: pairs.map(([t]) => t), values: pairs.map(([, v]) => v) };
}

export class MemorySource implements SeriesSource {
  readonly requests: Array<{ fromMs: number; toMs: number }> = [];

  constructor(private readonly stored: StoredSeries[]) {}

  async select(...[matchers, fromMs, toMs, budget]: Parameters<SeriesSource['select']>): Promise<StoredSeries[]> {
    this.requests.push({ fromMs, toMs });
    const selected = this.stored
      .filter((s) => matchesLabels(matchers, s.labels))
      .map((s) => {
        const keep = s.times.map((t, i) => [t, s.values[i]] as const).filter(([t]) => t > fromMs && t <= toMs);
        return { labels: s.labels, times: keep.map(([t]) => t), values: keep.map(([, v]) => v) };
      })
      .filter((s) => s.times.length > 0);
    budget.charge(selected.reduce((n, s) => n + s.times.length, 0));
    return selected;
  }
}

/** A MemorySource that also hands its series over in batches, as the stored source does; it records each batch's samples. */
export class BatchedMemorySource extends MemorySource {
  readonly batches: number[] = [];

  async *selectBatches(
    ...[matchers, fromMs, toMs, budget, maxSamples]: Parameters<NonNullable<SeriesSource['selectBatches']>>
  ): AsyncGenerator<StoredSeries[]> {
    let batch: StoredSeries[] = [];
    let samples = 0;
    const flush = () => {
      this.batches.push(samples);
      const full = batch;
      [batch, samples] = [[], 0];
      return full;
    };
    for (const s of await this.select(matchers, fromMs, toMs, budget)) {
      if (batch.length > 0 && samples + s.times.length > maxSamples) yield flush();
      batch.push(s);
      samples += s.times.length;
    }
    if (batch.length > 0) yield flush();
  }
}

/** An answer's samples as `{labels} → value` (vectors and scalars), for table-driven expectations. */
export function answerValues(data: QueryData): Record<string, string> {
  if (data.resultType === 'scalar') return { scalar: data.result[1] };
  if (data.resultType !== 'vector') throw new Error(`expected a vector or scalar, got ${data.resultType}`);
  return Object.fromEntries(data.result.map((r) => [formatLabels(r.metric), r.value[1]]));
}

/**
 * A tiny fleet with answers that can be worked out by hand, one sample a minute from T0:
 * cpu a = i, cpu b = 100 − i, cpu c = 50 until minute 30 (then silent), mem a = 2i,
 * ctr a = 60 per minute, reset to 0 at minute 20.
 */
export const SMALL_FLEET: StoredSeries[] = [
  series({ __name__: 'cpu', server: 'a', provider: 'aws', role: 'web' }, 60, (i) => i),
  series({ __name__: 'cpu', server: 'b', provider: 'aws', role: 'db' }, 60, (i) => 100 - i),
  series({ __name__: 'cpu', server: 'c', provider: 'onprem', role: 'web' }, 31, () => 50),
  series({ __name__: 'mem', server: 'a', provider: 'aws', role: 'web' }, 60, (i) => 2 * i),
  series({ __name__: 'ctr', server: 'a', provider: 'aws', role: 'web' }, 60, (i) => (i < 20 ? 60 * i : 60 * (i - 20))),
];

export const at = (minutes: number, seconds = 0) => T0 + minutes * MIN + seconds * 1000;
