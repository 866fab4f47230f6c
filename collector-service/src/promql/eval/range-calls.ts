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

/** Samples one batch holds (unless one series alone holds more): a few MB while read and reduced. */
export const BATCH_SAMPLES = 65_536;

const rangeArgIndex = (call: Call) => call.args.findIndex((a) => a.kind === 'matrix-selector');

/** The range selector a batched call reads. */
export const rangeArgOf = (call: Call) => call.args[rangeArgIndex(call)] as MatrixSelector;

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

/**
 * A batched call's value at `evalMs`, its range selector read from `source` batch by batch over `need`'s span.
 * The same samples as evaluating it whole: a range function gives each series its own value.
 */
export async function evaluateInBatches(
  call: Call,
  need: SelectorNeed,
  source: SeriesSource,
  evalMs: number,
  ctx: EvalContext,
  maxSamples: number
): Promise<Value> {
  const index = rangeArgIndex(call);
  const { selector, rangeMs } = rangeArgOf(call);
  // The selector is not in ctx.data: its argument evaluates to an empty matrix here, replaced by each batch's.
  const args = await evaluateArgs(call, evalMs, ctx);
  const samples: Sample[] = [];
  for await (const batch of seriesBatches(source, need.matchers, need.fromMs, need.toMs, ctx.budget, maxSamples)) {
    args[index] = rangeSelector(selector, rangeMs, evalMs, { ...ctx, data: new Map([[selector, batch]]) });
    const value = evaluateCall(call, args, evalMs);
    if (value.type === 'vector') for (const s of value.samples) samples.push(s);
    await ctx.budget.pause();
  }
  return { type: 'vector', samples };
}
