/**
 * Range functions over a selector (`deriv(x[3h])`, `predict_linear(x[2h], 3600)`) in an instant evaluation,
 * a batch of series at a time: each batch's windows are read, reduced to one sample per series and dropped,
 * so a rule over hours of 10,000 servers holds one batch of samples at once, not all of them.
 */
import type { Call, Expr, MatrixSelector } from '../parse/ast';
import type { SelectorNeed } from './query-plan';
import type { SeriesSource } from './query-engine';
import { evaluateArgs, rangeSelector, type EvalContext } from './evaluator';
import { evaluateCall } from './functions';
import { seriesBatches } from './series-batches';
import type { Sample, Value } from './values';

/** Samples one batch holds (unless one series alone holds more): about a megabyte while read and reduced. */
export const BATCH_SAMPLES = 16_384;

const rangeArgIndex = (call: Call) => call.args.findIndex((a) => a.kind === 'matrix-selector');

/** The range selector a batched call reads. */
const rangeArgOf = (call: Call) => call.args[rangeArgIndex(call)] as MatrixSelector;

/**
 * Calls with a range selector argument, innermost first (an argument of a call is evaluated before it);
 * none inside subqueries, which evaluate theirs at many times.
 */
export function batchedRangeCalls(expr: Expr): Call[] {
  const calls: Call[] = [];
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'call':
        e.args.forEach(visit);
        if (rangeArgIndex(e) >= 0) calls.push(e);
        return;
      case 'aggregate':
        if (e.param) visit(e.param);
        visit(e.expr);
        return;
      case 'binary':
        visit(e.lhs);
        visit(e.rhs);
        return;
      case 'unary':
        visit(e.expr);
        return;
      default:
        return;
    }
  };
  visit(expr);
  return calls;
}

/** Batched calls over the same series up to the same time: one read of the widest span serves them all. */
export interface SharedRead {
  /** The widest span's need: what is read. */
  need: SelectorNeed;
  calls: Array<{ call: Call; need: SelectorNeed }>;
}

const readKey = (need: SelectorNeed) =>
  JSON.stringify([need.toMs, need.matchers.map((m) => [m.name, m.type, m.value])]);

/**
 * The batched calls (innermost first) as reads, each call with its selector's need. A call whose other arguments
 * hold a batched call reads alone, after the calls it depends on.
 */
export function sharedReads(calls: Call[], needs: SelectorNeed[]): SharedRead[] {
  const reads: SharedRead[] = [];
  const byKey = new Map<string, SharedRead>();
  for (const call of calls) {
    const need = needs.find((n) => n.selector === rangeArgOf(call).selector)!;
    const alone = call.args.some((a) => a.kind !== 'matrix-selector' && batchedRangeCalls(a).length > 0);
    const shared = alone ? undefined : byKey.get(readKey(need));
    if (shared) {
      shared.calls.push({ call, need });
      if (need.fromMs < shared.need.fromMs) shared.need = need;
      continue;
    }
    const read = { need, calls: [{ call, need }] };
    reads.push(read);
    if (!alone) byKey.set(readKey(need), read);
  }
  return reads;
}

const samplesIn = (value: Value) =>
  value.type === 'matrix' ? value.series.reduce((n, s) => n + s.times.length, 0) : 0;

/**
 * The values at `evalMs` of a read's calls, its series read from `source` batch by batch. The same samples as
 * evaluating each call whole (a range function gives each series its own value), and the same charged: the
 * samples of each narrower call's window count as if it had read them itself.
 */
export async function evaluateInBatches(
  read: SharedRead,
  source: SeriesSource,
  evalMs: number,
  ctx: EvalContext,
  maxSamples: number
): Promise<Map<Call, Value>> {
  // The selectors are not in ctx.data: their arguments evaluate to empty matrices here, replaced by each batch's.
  const calls = [];
  for (const { call, need } of read.calls)
    calls.push({ call, need, args: await evaluateArgs(call, evalMs, ctx), samples: [] as Sample[] });
  const { matchers, fromMs, toMs } = read.need;
  for await (const batch of seriesBatches(source, matchers, fromMs, toMs, ctx.budget, maxSamples)) {
    for (const { call, need, args, samples } of calls) {
      const { selector, rangeMs } = rangeArgOf(call);
      const matrix = rangeSelector(selector, rangeMs, evalMs, { ...ctx, data: new Map([[selector, batch]]) });
      if (need !== read.need) ctx.budget.charge(samplesIn(matrix));
      args[rangeArgIndex(call)] = matrix;
      const value = evaluateCall(call, args, evalMs);
      if (value.type === 'vector') for (const s of value.samples) samples.push(s);
    }
    await ctx.budget.pause();
  }
  return new Map(calls.map(({ call, samples }) => [call, { type: 'vector', samples }]));
}
