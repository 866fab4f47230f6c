/** The instant evaluation before range functions read in batches: every selector's series loaded, then evaluated. */
import type { Expr } from '../../../src/promql/parse/ast';
import { evaluate } from '../../../src/promql/eval/evaluator';
import type { SeriesSource } from '../../../src/promql/eval/query-engine';
import { planSelectors } from '../../../src/promql/eval/query-plan';
import type { Value } from '../../../src/promql/eval/values';
import type { QueryBudget } from '../../../src/limits';

export async function wholeEvaluation(
  source: SeriesSource,
  expr: Expr,
  timeMs: number,
  budget: QueryBudget
): Promise<Value> {
  const needs = planSelectors(expr, timeMs, timeMs);
  const loaded = await Promise.all(needs.map((n) => source.select(n.matchers, n.fromMs, n.toMs, budget)));
  const data = new Map(needs.map((n, i) => [n.selector, loaded[i]]));
  const value = await evaluate(expr, timeMs, { data, startMs: timeMs, endMs: timeMs, budget });
  budget.charge(value.type === 'vector' ? value.samples.length : 1);
  return value;
}
