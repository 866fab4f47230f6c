/** Selector syntax → AST: metric name and label matchers, ranges, `offset` and `@` modifiers, durations. */
import type { AtModifier, Expr, MatrixSelector, Subquery, VectorSelector } from './ast';
import { unsupported } from '../errors';
import { METRIC_NAME } from '../labels';
import { formatDuration, parseDurationLiteral, parseNumber, unquote } from './literals';
import { matchesValue, newMatcher, type MatchType, type Matcher } from '../matchers';
import { children, type Source, type SyntaxNode } from './syntax-node';

export function stringLiteral(src: Source, node: SyntaxNode): string {
  const text = src.textOf(node);
  const value = unquote(text);
  if (value === null) throw src.error(node, `invalid escape sequence in string ${text}`);
  return value;
}

/** LabelName or QuotedLabelName. */
export function labelName(src: Source, node: SyntaxNode): string {
  return node.name === 'QuotedLabelName' ? stringLiteral(src, node.firstChild!) : src.textOf(node);
}

function labelMatcher(src: Source, node: SyntaxNode): Matcher {
  if (node.name === 'QuotedLabelName') return newMatcher(METRIC_NAME, '=', labelName(src, node));
  const [name, op, value] = children(node);
  try {
    return newMatcher(labelName(src, name), src.textOf(op) as MatchType, stringLiteral(src, value));
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('error parsing regexp')) throw src.error(value, err.message);
    throw err;
  }
}

export function vectorSelector(src: Source, node: SyntaxNode): VectorSelector {
  const matchers: Matcher[] = [];
  let metricName: string | undefined;
  for (const child of children(node)) {
    if (child.name === 'Identifier') {
      metricName = src.textOf(child);
      matchers.push(newMatcher(METRIC_NAME, '=', metricName));
    } else {
      for (const m of children(child)) matchers.push(labelMatcher(src, m));
    }
  }
  const named = matchers.filter((m) => m.name === METRIC_NAME);
  if (metricName !== undefined && named.length > 1) {
    throw src.error(
      node,
      `metric name must not be set twice: ${JSON.stringify(metricName)} or ${JSON.stringify(named[1].value)}`
    );
  }
  if (!matchers.some((m) => !matchesValue(m, '')))
    throw src.error(node, 'vector selector must contain at least one non-empty matcher');
  return { kind: 'vector-selector', type: 'vector', matchers, offsetMs: 0 };
}

/** A plain duration (`5m`, `1h30m`, `300`); duration arithmetic and step()/range() are refused. */
export function duration(src: Source, node: SyntaxNode): number {
  const parts = children(node);
  if (
    node.name === 'NumberDurationLiteralInDurationContext' ||
    (parts.length === 1 && parts[0].name === 'NumberDurationLiteralInDurationContext')
  ) {
    const literal = node.name === 'NumberDurationLiteralInDurationContext' ? node : parts[0];
    const ms = parseDurationLiteral(src.textOf(literal));
    if (ms === null) throw src.error(literal, `bad number or duration syntax: ${JSON.stringify(src.textOf(literal))}`);
    return ms;
  }
  if (node.name === 'OffsetDurationExpr' && parts.length === 2 && parts[0].name === 'UnaryOp') {
    const sign = src.textOf(parts[0]) === '-' ? -1 : 1;
    return sign * duration(src, parts[1]);
  }
  throw unsupported(`the duration expression ${JSON.stringify(src.textOf(node))} (only plain durations such as 5m)`);
}

export function matrixSelector(
  src: Source,
  node: SyntaxNode,
  innerNode: SyntaxNode,
  inner: Expr,
  rangeNode: SyntaxNode
): MatrixSelector {
  // `(cpu)[5m]` is refused too: the range must follow the selector itself.
  if (inner.kind !== 'vector-selector' || innerNode.name === 'ParenExpr')
    throw src.error(node, 'ranges only allowed for vector selectors');
  if (inner.offsetMs !== 0) throw src.error(node, 'no offset modifiers allowed before range');
  if (inner.at) throw src.error(node, 'no @ modifiers allowed before range');
  const rangeMs = duration(src, rangeNode);
  if (rangeMs <= 0) throw src.error(rangeNode, `range must be greater than 0, got ${formatDuration(rangeMs)}`);
  return { kind: 'matrix-selector', type: 'matrix', selector: inner, rangeMs };
}

/** The selector or subquery a modifier applies to (a range's modifiers live on its vector selector). */
function modifierTarget(src: Source, node: SyntaxNode, expr: Expr, modifier: string): VectorSelector | Subquery {
  if (expr.kind === 'vector-selector' || expr.kind === 'subquery') return expr;
  if (expr.kind === 'matrix-selector') return expr.selector;
  throw src.error(
    node,
    `${modifier} modifier must be preceded by an instant vector selector or range vector selector or a subquery`
  );
}

export function withOffset(src: Source, node: SyntaxNode, expr: Expr, offsetNode: SyntaxNode): Expr {
  const target = modifierTarget(src, node, expr, 'offset');
  if (target.offsetMs !== 0) throw src.error(node, 'offset may not be set multiple times');
  target.offsetMs = duration(src, offsetNode);
  return expr;
}

export function withAt(src: Source, node: SyntaxNode, expr: Expr, atNode: SyntaxNode): Expr {
  const target = modifierTarget(src, node, expr, '@');
  if (target.at) throw src.error(node, '@ <timestamp> may not be set multiple times');
  let at: AtModifier;
  if (atNode.name === 'AtModifierPreprocessors') {
    at = { kind: src.textOf(atNode).startsWith('start') ? 'start' : 'end' };
  } else {
    const seconds = parseNumber(src.textOf(atNode));
    if (seconds === null || !Number.isFinite(seconds))
      throw src.error(atNode, `timestamp out of bounds for @ modifier: ${src.textOf(atNode)}`);
    at = { kind: 'time', ms: Math.round(seconds * 1000) };
  }
  target.at = at;
  return expr;
}
