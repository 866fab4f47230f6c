/** The PromQL functions this engine evaluates, with their argument and result types for type checking. */
import type { ValueType } from '../parse/ast';
import { MATH_FUNCTIONS } from './instant-functions';
import { RANGE_FUNCTIONS } from './range-functions';

export interface FunctionSignature {
  args: ValueType[];
  /** How many trailing arguments may be left out. */
  optional?: number;
  /** The last argument may repeat (label_join's source labels). */
  variadic?: boolean;
  returns: ValueType;
}

const RANGE_ARGS: Record<string, ValueType[]> = {
  quantile_over_time: ['scalar', 'matrix'],
  predict_linear: ['matrix', 'scalar'],
};

const fromTable = <T>(table: Record<string, T>, signature: (name: string) => FunctionSignature) =>
  Object.fromEntries(Object.keys(table).map((name) => [name, signature(name)]));

export const FUNCTION_SIGNATURES: Record<string, FunctionSignature> = {
  ...fromTable(RANGE_FUNCTIONS, (name) => ({ args: RANGE_ARGS[name] ?? ['matrix'], returns: 'vector' })),
  ...fromTable(MATH_FUNCTIONS, () => ({ args: ['vector'], returns: 'vector' })),
  round: { args: ['vector', 'scalar'], optional: 1, returns: 'vector' },
  clamp: { args: ['vector', 'scalar', 'scalar'], returns: 'vector' },
  clamp_min: { args: ['vector', 'scalar'], returns: 'vector' },
  clamp_max: { args: ['vector', 'scalar'], returns: 'vector' },
  sort: { args: ['vector'], returns: 'vector' },
  sort_desc: { args: ['vector'], returns: 'vector' },
  label_replace: { args: ['vector', 'string', 'string', 'string', 'string'], returns: 'vector' },
  label_join: { args: ['vector', 'string', 'string', 'string'], optional: 1, variadic: true, returns: 'vector' },
  absent: { args: ['vector'], returns: 'vector' },
  scalar: { args: ['vector'], returns: 'scalar' },
  vector: { args: ['scalar'], returns: 'vector' },
  time: { args: [], returns: 'scalar' },
  timestamp: { args: ['vector'], returns: 'vector' },
  pi: { args: [], returns: 'scalar' },
};

/** Value-computing functions whose result keeps the metric name (sort and the label functions never touch it). */
export const KEEPS_METRIC_NAME = new Set(['last_over_time']);
