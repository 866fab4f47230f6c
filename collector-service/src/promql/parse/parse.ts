/**
 * PromQL text → AST, through the grammar the Prometheus UI uses (@prometheus-io/lezer-promql),
 * with Prometheus's type checks. Syntax the engine does not evaluate is refused by name.
 */
import { promqlParser } from './promql-grammar';
import {
  AGGREGATION_OPS,
  type Aggregate,
  type AggregationOp,
  type Binary,
  type BinaryOp,
  type Call,
  type Expr,
  type Subquery,
  type Unary,
} from './ast';
import { checkAggregate, checkBinary, checkCall, checkUnary } from './type-check';
import { unsupported } from '../errors';
import { parseNumber } from './literals';
import {
  duration,
  labelName,
  matrixSelector,
  stringLiteral,
  vectorSelector,
  withAt,
  withOffset,
} from './parse-selectors';
import { children, Source, type SyntaxNode } from './syntax-node';

const BINARY_OPS: Record<string, BinaryOp> = {
  Pow: '^',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Atan2: 'atan2',
  Add: '+',
  Sub: '-',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  And: 'and',
  Or: 'or',
  Unless: 'unless',
};

export function parsePromQL(text: string): Expr {
  const src = new Source(text);
  const tree = promqlParser.parse(text);
  let firstError: SyntaxNode | null = null;
  tree.iterate({
    enter(ref) {
      if (firstError) return false;
      // The grammar accepts a string without its closing quote; Prometheus does not.
      if (ref.type.isError || (ref.name === 'StringLiteral' && isUnterminated(src.textOf(ref.node))))
        firstError = ref.node;
      return undefined;
    },
  });
  if (firstError) throw syntaxError(src, firstError);
  const top = tree.topNode.firstChild;
  if (!top) throw src.error(0, 'no expression found in input');
  return expression(src, top);
}

const isUnterminated = (literal: string) =>
  literal.length < 2 || literal[literal.length - 1] !== literal[0] || /^["'](?:[^\\]|\\.)*\\["']$/.test(literal);

function syntaxError(src: Source, node: SyntaxNode) {
  if (node.name === 'StringLiteral') return src.error(node, 'unterminated quoted string');
  const previous = node.prevSibling;
  if (previous?.name === 'Identifier' && src.text[node.from] === '(') {
    return src.error(previous, `unknown function with name ${JSON.stringify(src.textOf(previous))}`);
  }
  if (node.from >= src.text.trimEnd().length) {
    return src.error(node.from, src.text.trim() === '' ? 'no expression found in input' : 'unexpected end of input');
  }
  const token = src.text.slice(node.from).match(/^(\w+|\S)/)![0];
  return src.error(node.from, `unexpected ${JSON.stringify(token)}`);
}

function expression(src: Source, node: SyntaxNode): Expr {
  const parts = children(node);
  switch (node.name) {
    case 'ParenExpr':
      return expression(src, parts[0]);
    case 'NumberDurationLiteral': {
      const value = parseNumber(src.textOf(node));
      if (value === null) throw src.error(node, `bad number or duration syntax: ${JSON.stringify(src.textOf(node))}`);
      return { kind: 'number', type: 'scalar', value };
    }
    case 'StringLiteral':
      return { kind: 'string', type: 'string', value: stringLiteral(src, node) };
    case 'VectorSelector':
      return vectorSelector(src, node);
    case 'MatrixSelector':
      return matrixSelector(src, node, parts[0], expression(src, parts[0]), parts[1]);
    case 'SubqueryExpr':
      return subquery(src, node, parts);
    case 'OffsetExpr':
      return withOffset(src, node, expression(src, parts[0]), parts[2]);
    case 'StepInvariantExpr':
      return withAt(src, node, expression(src, parts[0]), parts[2]);
    case 'UnaryExpr':
      return unary(src, node, parts);
    case 'BinaryExpr':
      return binary(src, node, parts);
    case 'AggregateExpr':
      return aggregate(src, node, parts);
    case 'FunctionCall':
      return call(src, node, parts);
    case 'AnchoredExpr':
    case 'SmoothedExpr':
      throw unsupported(`the ${node.name === 'AnchoredExpr' ? 'anchored' : 'smoothed'} modifier`);
    default:
      throw src.error(node, `unexpected ${JSON.stringify(src.textOf(node))}`);
  }
}

function subquery(src: Source, node: SyntaxNode, parts: SyntaxNode[]): Subquery {
  const inner = expression(src, parts[0]);
  if (inner.type !== 'vector')
    throw src.error(
      node,
      `subquery is only allowed on instant vector, got ${inner.type === 'matrix' ? 'range vector' : inner.type}`
    );
  const durations = parts.slice(1).map((d) => duration(src, d));
  return { kind: 'subquery', type: 'matrix', expr: inner, rangeMs: durations[0], stepMs: durations[1], offsetMs: 0 };
}

function unary(src: Source, node: SyntaxNode, [op, operand]: SyntaxNode[]): Expr {
  const expr = expression(src, operand);
  const negate = src.textOf(op) === '-';
  if (expr.kind === 'number') return negate ? { ...expr, value: -expr.value } : expr;
  const result: Unary = { kind: 'unary', type: expr.type === 'scalar' ? 'scalar' : 'vector', negate, expr };
  checkUnary(src, node, result);
  return result;
}

function binary(src: Source, node: SyntaxNode, parts: SyntaxNode[]): Expr {
  const [lhsNode, opNode] = parts;
  const rhsNode = parts[parts.length - 1];
  const modifiers = parts.slice(2, -1);
  const op = BINARY_OPS[opNode.name];
  if (!op) throw src.error(opNode, `unexpected operator ${JSON.stringify(src.textOf(opNode))}`);
  let lhs = expression(src, lhsNode);
  // The grammar reads `-2 ^ 2` as (-2)^2; in Prometheus the sign binds weaker than ^: -(2^2).
  const signedBase = op === '^' && lhsNode.name === 'NumberDurationLiteral' && src.textOf(lhsNode).startsWith('-');
  if (signedBase && lhs.kind === 'number') lhs = { ...lhs, value: -lhs.value };
  const result: Binary = {
    kind: 'binary',
    type: 'vector',
    op,
    lhs,
    rhs: expression(src, rhsNode),
    returnBool: modifiers.some((m) => m.name === 'BoolModifier'),
    matching: { on: false, labels: [] },
  };
  for (const modifier of modifiers) {
    if (modifier.name === 'FillModifier') throw unsupported('the fill modifier of binary operators');
    if (modifier.name !== 'MatchingModifierClause') continue;
    const [kind, labels, group, include] = children(modifier);
    result.matching = { on: kind.name === 'On', labels: children(labels).map((l) => labelName(src, l)) };
    if (group) {
      const side = src.textOf(group).toLowerCase() === 'group_left' ? 'left' : 'right';
      result.matching.group = { side, include: include ? children(include).map((l) => labelName(src, l)) : [] };
    }
  }
  result.type = result.lhs.type === 'scalar' && result.rhs.type === 'scalar' ? 'scalar' : 'vector';
  checkBinary(
    src,
    node,
    result,
    modifiers.some((m) => m.name === 'MatchingModifierClause')
  );
  return signedBase ? { kind: 'unary', type: result.type, negate: true, expr: result } : result;
}

function aggregate(src: Source, node: SyntaxNode, parts: SyntaxNode[]): Aggregate {
  const opText = src.textOf(parts[0]);
  if (!(AGGREGATION_OPS as readonly string[]).includes(opText))
    throw unsupported(`the aggregation ${JSON.stringify(opText)}`);
  const op = opText as AggregationOp;
  const modifier = parts.find((p) => p.name === 'AggregateModifier');
  const body = parts.find((p) => p.name === 'FunctionCallBody')!;
  const args = children(body).map((arg) => expression(src, arg));
  const grouping = modifier
    ? {
        without: modifier.firstChild!.name === 'Without',
        labels: children(modifier.lastChild!).map((l) => labelName(src, l)),
      }
    : { without: false, labels: [] };
  const withParam = op === 'topk' || op === 'bottomk' || op === 'quantile';
  if (args.length === 0) throw src.error(node, 'no arguments for aggregate expression provided');
  if (args.length !== (withParam ? 2 : 1)) {
    throw src.error(
      node,
      `wrong number of arguments for aggregate expression provided, expected ${withParam ? 2 : 1}, got ${args.length}`
    );
  }
  const result: Aggregate = {
    kind: 'aggregate',
    type: 'vector',
    op,
    expr: args[args.length - 1],
    grouping,
    param: withParam ? args[0] : undefined,
  };
  checkAggregate(src, node, result);
  return result;
}

function call(src: Source, node: SyntaxNode, [identifier, body]: SyntaxNode[]): Call {
  const name = src.textOf(identifier);
  const args = children(body).map((arg) => expression(src, arg));
  return checkCall(src, node, name, args);
}
