/** Expands template variables in lists of server ids or label values; multi-value and All become several values. */
import { ScopedVars } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';

/** Values that stand for "everything" when a variable's custom All value is set to one of them. */
const ALL_MARKERS = new Set(['*', '.*', '$__all']);

const UNRESOLVED_VARIABLE = /^\$(\{[^}]+\}|\w+)/;

export class TemplateVariableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateVariableError';
  }
}

/**
 * Interpolates each entry with the `csv` format and splits the result, so `$server` set to two servers
 * (or to All) yields both ids. Returns distinct values in order; an empty list means "no restriction"
 * (nothing chosen, or an All marker). Throws when a variable is not defined on the dashboard.
 */
export function expandValues(entries: readonly string[], templateSrv: TemplateSrv, scopedVars?: ScopedVars): string[] {
  const values = entries
    .flatMap((entry) => templateSrv.replace(entry, scopedVars, 'csv').split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (values.some((value) => ALL_MARKERS.has(value))) {
    return [];
  }
  const unresolved = values.find((value) => UNRESOLVED_VARIABLE.test(value));
  if (unresolved !== undefined) {
    throw new TemplateVariableError(`Template variable ${unresolved} is not defined on this dashboard.`);
  }
  return Array.from(new Set(values));
}

/** The same for an optional single entry (a variable query's filter field). */
export function expandOptional(entry: string | undefined, templateSrv: TemplateSrv, scopedVars?: ScopedVars): string[] {
  return entry ? expandValues([entry], templateSrv, scopedVars) : [];
}
