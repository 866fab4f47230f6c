/** The PromQL syntax tree the evaluator walks, built from the parser's concrete tree by `parse.ts`. */
import type { Matcher } from '../matchers';

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

/** Prometheus's own names for value types, as its messages use them. */
export const TYPE_NAMES: Record<ValueType, string> = {
  scalar: 'scalar',
  vector: 'instant vector',
  matrix: 'range vector',
  string: 'string',
};

/** Where a selector is evaluated: `@ <time>`, `@ start()`, `@ end()`, or at each step (undefined). */
export type AtModifier = { kind: 'time'; ms: number } | { kind: 'start' } | { kind: 'end' };

export interface VectorSelector {
  kind: 'vector-selector';
  type: 'vector';
  matchers: Matcher[];
  offsetMs: number;
  at?: AtModifier;
}

export interface MatrixSelector {
  kind: 'matrix-selector';
  type: 'matrix';
  selector: VectorSelector;
  rangeMs: number;
}

export interface NumberLiteral {
  kind: 'number';
  type: 'scalar';
  value: number;
}

export interface StringLiteral {
  kind: 'string';
  type: 'string';
  value: string;
}

export interface Call {
  kind: 'call';
  type: ValueType;
  name: string;
  args: Expr[];
}

export const AGGREGATION_OPS = [
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
] as const;
export type AggregationOp = (typeof AGGREGATION_OPS)[number];

export interface Aggregate {
  kind: 'aggregate';
  type: 'vector';
  op: AggregationOp;
  /** k of topk/bottomk, φ of quantile. */
  param?: Expr;
  expr: Expr;
  /** `by (…)` keeps only these labels; `without (…)` drops them (and the metric name). */
  grouping: { without: boolean; labels: string[] };
}

export const ARITHMETIC_OPS = ['+', '-', '*', '/', '%', '^', 'atan2'] as const;
export const COMPARISON_OPS = ['==', '!=', '>', '<', '>=', '<='] as const;
export const SET_OPS = ['and', 'or', 'unless'] as const;
export type ArithmeticOp = (typeof ARITHMETIC_OPS)[number];
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type SetOp = (typeof SET_OPS)[number];
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

export interface VectorMatching {
  /** `on (…)`: match on these labels only; otherwise on all labels but these (`ignoring`) and the name. */
  on: boolean;
  labels: string[];
  /** `group_left` (many-to-one) / `group_right` (one-to-many), with the labels copied from the "one" side. */
  group?: { side: 'left' | 'right'; include: string[] };
}

export interface Binary {
  kind: 'binary';
  type: 'scalar' | 'vector';
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  /** The `bool` modifier of comparisons. */
  returnBool: boolean;
  matching: VectorMatching;
}

export interface Unary {
  kind: 'unary';
  type: 'scalar' | 'vector';
  negate: boolean;
  expr: Expr;
}

export interface Subquery {
  kind: 'subquery';
  type: 'matrix';
  expr: Expr;
  rangeMs: number;
  /** Undefined: the default resolution. */
  stepMs?: number;
  offsetMs: number;
  at?: AtModifier;
}

export type Expr =
  VectorSelector | MatrixSelector | NumberLiteral | StringLiteral | Call | Aggregate | Binary | Unary | Subquery;

export const isArithmetic = (op: BinaryOp): op is ArithmeticOp => (ARITHMETIC_OPS as readonly string[]).includes(op);
export const isComparison = (op: BinaryOp): op is ComparisonOp => (COMPARISON_OPS as readonly string[]).includes(op);
export const isSetOp = (op: BinaryOp): op is SetOp => (SET_OPS as readonly string[]).includes(op);
