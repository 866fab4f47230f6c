/** Ad hoc filters: Grafana's filters checked and turned into the request-level `filters` of POST /api/query. */
import { AdHocVariableFilter } from '@grafana/data';

import { SERVER_LABELS, ServerLabel, ServerSummary, WireFilter } from '../types';

const OPERATORS: ReadonlyArray<WireFilter['operator']> = ['=', '!=', '=~', '!~'];

export class AdHocFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdHocFilterError';
  }
}

/** The key as a server label; throws, naming it, when ad hoc filters cannot use it. */
export function toServerLabel(key: string): ServerLabel {
  if (!(SERVER_LABELS as readonly string[]).includes(key)) {
    throw new AdHocFilterError(`Ad hoc filter on "${key}" is not supported: use ${SERVER_LABELS.join(', ')}.`);
  }
  return key as ServerLabel;
}

function isOperator(operator: string): operator is WireFilter['operator'] {
  return (OPERATORS as readonly string[]).includes(operator);
}

/** Throws, naming the filter, when a key is not a server label or an operator is not supported. */
export function toWireFilters(filters: readonly AdHocVariableFilter[] | undefined): WireFilter[] {
  return (filters ?? []).map(({ key, operator, value }) => {
    const label = toServerLabel(key);
    if (!isOperator(operator)) {
      throw new AdHocFilterError(
        `Ad hoc filter operator "${operator}" (on ${key}) is not supported: use ${OPERATORS.join(' ')}.`
      );
    }
    return { key: label, operator, value };
  });
}

/** Regex operators match the whole value, as in Prometheus. */
function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    throw new AdHocFilterError(`Ad hoc filter value "${pattern}" is not a valid regular expression.`);
  }
}

/** Whether a server passes one filter, with the semantics the service applies. */
export function matchesFilter(server: ServerSummary, filter: WireFilter): boolean {
  const value = server[filter.key];
  switch (filter.operator) {
    case '=':
      return value === filter.value;
    case '!=':
      return value !== filter.value;
    case '=~':
      return fullMatch(filter.value, value);
    case '!~':
      return !fullMatch(filter.value, value);
  }
}
