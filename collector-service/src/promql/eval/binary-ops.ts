/** Binary operators on scalars and instant vectors: arithmetic, comparisons (filtering or `bool`), set operators, one-to-one matching. */
import { isArithmetic, isComparison, type Binary, type BinaryOp, type VectorMatching } from '../parse/ast';
import { executionError } from '../errors';
import {
  dropMetricName,
  formatLabels,
  keepLabels,
  labelsKey,
  withoutLabels,
  METRIC_NAME,
  type Labels,
} from '../labels';
import { goPow } from './math';
import type { Sample } from './values';

/** The operator applied to two numbers; for comparisons, whether it holds (the value is then the left one). */
export function applyOp(op: BinaryOp, l: number, r: number): { value: number; holds: boolean } {
  switch (op) {
    case '+':
      return { value: l + r, holds: true };
    case '-':
      return { value: l - r, holds: true };
    case '*':
      return { value: l * r, holds: true };
    case '/':
      return { value: l / r, holds: true };
    case '%':
      return { value: l % r, holds: true };
    case '^':
      return { value: goPow(l, r), holds: true };
    case 'atan2':
      return { value: Math.atan2(l, r), holds: true };
    case '==':
      return { value: l, holds: l === r };
    case '!=':
      return { value: l, holds: l !== r };
    case '>':
      return { value: l, holds: l > r };
    case '<':
      return { value: l, holds: l < r };
    case '>=':
      return { value: l, holds: l >= r };
    case '<=':
      return { value: l, holds: l <= r };
    default:
      throw new Error(`set operator ${op} has no scalar form`);
  }
}

export function scalarOp(op: BinaryOp, l: number, r: number, returnBool: boolean): number {
  const { value, holds } = applyOp(op, l, r);
  return returnBool ? Number(holds) : value;
}

/** Arithmetic and `bool` comparisons make a new quantity: the name goes. Prometheus keeps it for atan2. */
const dropsName = (b: Binary) => (isArithmetic(b.op) && b.op !== 'atan2') || b.returnBool;

/** Whether `vector op scalar` (`scalar op vector` when `scalarOnLeft`), a comparison without `bool`, keeps a sample of this value. */
export function comparisonKeeps(b: Binary, scalar: number, scalarOnLeft: boolean): (value: number) => boolean {
  return (value) => (scalarOnLeft ? applyOp(b.op, scalar, value) : applyOp(b.op, value, scalar)).holds;
}

/** `vector op scalar`, or `scalar op vector` when `scalarOnLeft`. */
export function vectorScalarOp(b: Binary, samples: Sample[], scalar: number, scalarOnLeft: boolean): Sample[] {
  const out: Sample[] = [];
  for (const s of samples) {
    const { value, holds } = scalarOnLeft ? applyOp(b.op, scalar, s.value) : applyOp(b.op, s.value, scalar);
    if (!b.returnBool && !holds) continue;
    // A comparison keeps the vector's value even when the vector is on the right.
    const result = b.returnBool ? Number(holds) : isComparison(b.op) ? s.value : value;
    out.push({ labels: dropsName(b) ? dropMetricName(s.labels) : s.labels, value: result });
  }
  return out;
}

/** The labels two samples are matched on. */
function matchKey(labels: Labels, m: VectorMatching): string {
  return labelsKey(m.on ? keepLabels(labels, m.labels) : withoutLabels(labels, [METRIC_NAME, ...m.labels]));
}

function setOp(b: Binary, lhs: Sample[], rhs: Sample[]): Sample[] {
  const rightKeys = new Set(rhs.map((s) => matchKey(s.labels, b.matching)));
  switch (b.op) {
    case 'and':
      return lhs.filter((s) => rightKeys.has(matchKey(s.labels, b.matching)));
    case 'unless':
      return lhs.filter((s) => !rightKeys.has(matchKey(s.labels, b.matching)));
    default: {
      const leftKeys = new Set(lhs.map((s) => matchKey(s.labels, b.matching)));
      return [...lhs, ...rhs.filter((s) => !leftKeys.has(matchKey(s.labels, b.matching)))];
    }
  }
}

function resultLabels(b: Binary, labels: Labels): Labels {
  let out = dropsName(b) ? dropMetricName(labels) : labels;
  out = b.matching.on ? keepLabels(out, b.matching.labels) : withoutLabels(out, b.matching.labels);
  return out;
}

/** Labels of a many-side sample in a group_left/group_right result: its own (name dropped as the operator says) plus the included ones of the "one" side. */
function groupedLabels(b: Binary, many: Labels, one: Labels, include: string[]): Labels {
  const out: Record<string, string> = { ...(dropsName(b) ? dropMetricName(many) : many) };
  for (const name of include) {
    if (one[name]) out[name] = one[name];
    else delete out[name];
  }
  return out;
}

/** One side's samples by match key; two with the same key are many-to-many matching, which Prometheus refuses. */
function bySideMatchKey(b: Binary, samples: Sample[], side: 'left' | 'right'): Map<string, Sample> {
  const byKey = new Map<string, Sample>();
  for (const s of samples) {
    const key = matchKey(s.labels, b.matching);
    const duplicate = byKey.get(key);
    if (duplicate) {
      const group = b.matching.on
        ? keepLabels(s.labels, b.matching.labels)
        : withoutLabels(s.labels, [METRIC_NAME, ...b.matching.labels]);
      throw executionError(
        `found duplicate series for the match group ${formatLabels(group)} on the ${side} hand-side of the operation: ` +
          `[${formatLabels(s.labels)}, ${formatLabels(duplicate.labels)}];many-to-many matching not allowed: matching labels must be unique on one side`
      );
    }
    byKey.set(key, s);
  }
  return byKey;
}

/**
 * Many-to-one (`group_left`) and one-to-many (`group_right`) matching, as Prometheus's VectorBinop: each
 * sample of the "many" side meets the one sample of the "one" side with the same match labels.
 */
function groupedOp(b: Binary, group: NonNullable<VectorMatching['group']>, lhs: Sample[], rhs: Sample[]): Sample[] {
  const [manySide, oneSide] = group.side === 'left' ? [lhs, rhs] : [rhs, lhs];
  const ones = bySideMatchKey(b, oneSide, group.side === 'left' ? 'right' : 'left');
  const produced = new Map<string, Set<string>>();
  const out: Sample[] = [];
  for (const many of manySide) {
    const key = matchKey(many.labels, b.matching);
    const one = ones.get(key);
    if (!one) continue;
    const [l, r] = group.side === 'left' ? [many.value, one.value] : [one.value, many.value];
    const { value, holds } = applyOp(b.op, l, r);
    if (!b.returnBool && !holds) continue;
    const labels = groupedLabels(b, many.labels, one.labels, group.include);
    const seen = produced.get(key) ?? new Set<string>();
    produced.set(key, seen);
    const id = labelsKey(labels);
    if (seen.has(id)) throw executionError('multiple matches for labels: grouping labels must ensure unique matches');
    seen.add(id);
    out.push({ labels, value: b.returnBool ? Number(holds) : value });
  }
  return out;
}

/** `vector op vector`: set operators, or one-to-one matching on all labels but the name (or `on`/`ignoring`). */
export function vectorVectorOp(b: Binary, lhs: Sample[], rhs: Sample[]): Sample[] {
  if (b.op === 'and' || b.op === 'or' || b.op === 'unless') return setOp(b, lhs, rhs);
  if (b.matching.group) return groupedOp(b, b.matching.group, lhs, rhs);
  const right = bySideMatchKey(b, rhs, 'right');
  const matched = new Set<string>();
  const out: Sample[] = [];
  for (const l of lhs) {
    const key = matchKey(l.labels, b.matching);
    const r = right.get(key);
    if (!r) continue;
    const { value, holds } = applyOp(b.op, l.value, r.value);
    if (!b.returnBool && !holds) continue;
    if (matched.has(key))
      throw executionError(
        'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)'
      );
    matched.add(key);
    out.push({ labels: resultLabels(b, l.labels), value: b.returnBool ? Number(holds) : value });
  }
  return out;
}
