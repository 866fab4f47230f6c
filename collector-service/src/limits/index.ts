/** Limits on every read: one QueryBudget per request, validated time ranges, and the LimitError (422) they raise. */
export { LimitError, type LimitCode } from './limit-error';
export { ITEMS_PER_PAUSE, pauseSlice } from './loop-slice';
export { QueryBudget, type QueryLimits, type BudgetOptions } from './query-budget';
export {
  bucketCount,
  checkPoints,
  clampRange,
  clampTime,
  stepFor,
  storableTime,
  MAX_POINTS_PER_SERIES,
  MAX_TIME_MS,
  MIN_TIME_MS,
  TimeRangeError,
  type TimeRange,
} from './time-range';
