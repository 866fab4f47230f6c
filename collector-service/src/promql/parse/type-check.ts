/** Prometheus's static checks of a parsed expression: argument counts and value types, operator rules. */
import {
  TYPE_NAMES,
  isComparison,
  isSetOp,
  type Aggregate,
  type Binary,
  type Call,
  type Expr,
  type Unary,
  type ValueType,
} from './ast';
import { unsupported } from '../errors';
import { FUNCTION_SIGNATURES } from '../eval/function-signatures';
import type { Source, SyntaxNode } from './syntax-node';

function expectType(src: Source, node: SyntaxNode, expr: Expr, want: ValueType, context: string) {
  if (expr.type !== want)
    throw src.error(node, `expected type ${TYPE_NAMES[want]} in ${context}, got ${TYPE_NAMES[expr.type]}`);
}

export function checkUnary(src: Source, node: SyntaxNode, unary: Unary) {
  const type = unary.expr.type;
  if (type !== 'scalar' && type !== 'vector') {
    throw src.error(
      node,
      `unary expression only allowed on expressions of type scalar or instant vector, got ${JSON.stringify(TYPE_NAMES[type])}`
    );
  }
}

export function checkBinary(src: Source, node: SyntaxNode, b: Binary, hasMatchingClause: boolean) {
  if (b.returnBool && !isComparison(b.op))
    throw src.error(node, 'bool modifier can only be used on comparison operators');
  for (const side of [b.lhs, b.rhs]) {
    if (side.type !== 'scalar' && side.type !== 'vector')
      throw src.error(node, 'binary expression must contain only scalar and instant vector types');
  }
  const scalars = b.lhs.type === 'scalar' || b.rhs.type === 'scalar';
  if (isComparison(b.op) && !b.returnBool && b.lhs.type === 'scalar' && b.rhs.type === 'scalar') {
    throw src.error(node, 'comparisons between scalars must use BOOL modifier');
  }
  if (scalars && hasMatchingClause && b.matching.labels.length > 0)
    throw src.error(node, 'vector matching only allowed between instant vectors');
  if (scalars && isSetOp(b.op))
    throw src.error(node, `set operator ${JSON.stringify(b.op)} not allowed in binary scalar expression`);
  const group = b.matching.group;
  if (!group) return;
  const both = b.matching.on ? group.include.find((l) => b.matching.labels.includes(l)) : undefined;
  if (both !== undefined)
    throw src.error(node, `label ${JSON.stringify(both)} must not occur in ON and GROUP clause at once`);
  if (!scalars && isSetOp(b.op)) throw src.error(node, `no grouping allowed for ${JSON.stringify(b.op)} operation`);
  // Between a scalar and a vector there is nothing to match: the grouping is dropped, as Prometheus does.
  if (scalars) delete b.matching.group;
}

export function checkAggregate(src: Source, node: SyntaxNode, a: Aggregate) {
  expectType(src, node, a.expr, 'vector', 'aggregation expression');
  if (a.param) expectType(src, node, a.param, 'scalar', 'aggregation parameter');
}

export function checkCall(src: Source, node: SyntaxNode, name: string, args: Expr[]): Call {
  const signature = FUNCTION_SIGNATURES[name];
  if (!signature) throw unsupported(`the function ${JSON.stringify(name)}`);
  const { args: types, optional = 0, variadic = false } = signature;
  const min = types.length - optional;
  if (optional === 0 && !variadic && args.length !== types.length) {
    throw src.error(
      node,
      `expected ${types.length} argument(s) in call to ${JSON.stringify(name)}, got ${args.length}`
    );
  }
  if (args.length < min)
    throw src.error(
      node,
      `expected at least ${min} argument(s) in call to ${JSON.stringify(name)}, got ${args.length}`
    );
  if (!variadic && args.length > types.length) {
    throw src.error(
      node,
      `expected at most ${types.length} argument(s) in call to ${JSON.stringify(name)}, got ${args.length}`
    );
  }
  args.forEach((arg, i) =>
    expectType(src, node, arg, types[Math.min(i, types.length - 1)], `call to function ${JSON.stringify(name)}`)
  );
  return { kind: 'call', type: signature.returns, name, args };
}
