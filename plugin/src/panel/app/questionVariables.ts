/** Fills dashboard variables into a question: `$server` set to two servers reads "DB-EU-001, DB-EU-002". */
import { InterpolateFunction, ScopedVars } from '@grafana/data';

/** Grafana calls a format function with the variable's value: one string, or every selected value (All included). */
function joinValues(value: string | string[]): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

export function expandQuestion(
  question: string,
  replaceVariables: InterpolateFunction,
  scopedVars?: ScopedVars
): string {
  return replaceVariables(question, scopedVars, joinValues).trim();
}
