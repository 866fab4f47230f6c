/** Which stored data each selector of a query needs: its matchers and the time span its evaluations reach. */
import { isComparison, type Binary, type Expr, type VectorSelector } from '../parse/ast';
import { comparisonKeeps } from './binary-ops';
import type { Matcher } from '../matchers';
import { LOOKBACK_MS, resolveAt, subquerySteps } from './evaluator';

/** `selector > 80` and the like (a comparison without `bool`): the selector and the values the comparison keeps. */
function selectorComparedToNumber(b: Binary): { selector: VectorSelector; keeps: (value: number) => boolean } | null {
  if (!isComparison(b.op) || b.returnBool) return null;
  if (b.lhs.kind === 'vector-selector' && b.rhs.kind === 'number')
    return { selector: b.lhs, keeps: comparisonKeeps(b, b.rhs.value, false) };
  if (b.rhs.kind === 'vector-selector' && b.lhs.kind === 'number')
    return { selector: b.rhs, keeps: comparisonKeeps(b, b.lhs.value, true) };
  return null;
}

export interface SelectorNeed {
  selector: VectorSelector;
  matchers: Matcher[];
  /** Samples with fromMs < timestamp <= toMs. */
  fromMs: number;
  toMs: number;
  /** An instant selector evaluated at one time: only each series' newest sample in the span matters. */
  newestOnly: boolean;
  /** With newestOnly, when the selector is compared with a number: the values the comparison keeps. */
  keeps?: (value: number) => boolean;
}

interface Span {
  lo: number;
  hi: number;
}

/** Every selector of `expr` with the data span it needs when evaluated at times in [startMs, endMs]. */
export function planSelectors(expr: Expr, startMs: number, endMs: number): SelectorNeed[] {
  const needs: SelectorNeed[] = [];
  const bounds = { startMs, endMs };
  const pinned = (at: VectorSelector['at'], span: Span): Span =>
    at ? { lo: resolveAt(at, 0, bounds), hi: resolveAt(at, 0, bounds) } : span;

  const visit = (e: Expr, span: Span): void => {
    switch (e.kind) {
      case 'vector-selector':
      case 'matrix-selector': {
        const selector = e.kind === 'vector-selector' ? e : e.selector;
        const reach = e.kind === 'vector-selector' ? LOOKBACK_MS : e.rangeMs;
        const { lo, hi } = pinned(selector.at, span);
        needs.push({
          selector,
          matchers: selector.matchers,
          fromMs: lo - selector.offsetMs - reach,
          toMs: hi - selector.offsetMs,
          newestOnly: e.kind === 'vector-selector' && lo === hi,
        });
        return;
      }
      case 'subquery': {
        const { lo, hi } = pinned(e.at, span);
        const first = subquerySteps(e, lo, bounds);
        const last = subquerySteps(e, hi, bounds);
        visit(e.expr, { lo: first.times[0] ?? first.endMs, hi: last.endMs });
        return;
      }
      case 'call':
        e.args.forEach((a) => visit(a, span));
        return;
      case 'aggregate':
        if (e.param) visit(e.param, span);
        visit(e.expr, span);
        return;
      case 'binary': {
        visit(e.lhs, span);
        visit(e.rhs, span);
        const compared = selectorComparedToNumber(e);
        const need = compared && needs.find((n) => n.selector === compared.selector);
        if (need && need.newestOnly) need.keeps = compared.keeps;
        return;
      }
      case 'unary':
        visit(e.expr, span);
        return;
      case 'number':
      case 'string':
        return;
    }
  };
  visit(expr, { lo: startMs, hi: endMs });
  return needs;
}
