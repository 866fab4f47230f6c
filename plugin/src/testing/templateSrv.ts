/**
 * Test stand-in for Grafana's TemplateSrv (which lives in Grafana itself, not in an npm package): `$name`,
 * `${name}`, `${name:format}` and `[[name]]`, multi-value and All variables, scoped vars, and the csv / pipe /
 * function formats, with Grafana's glob `{a,b}` as the default format for several values.
 */
import { ScopedVars, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

export interface TestVariable {
  name: string;
  /** One value, several, or `$__all` for All (then every option). */
  current: string | string[];
  options?: string[];
}

const VARIABLE = /\$(\w+)|\$\{(\w+)(?::([^}]+))?\}|\[\[(\w+)(?::([^\]]+))?\]\]/g;

type Format = string | ((value: string | string[]) => string) | undefined;

function applyFormat(value: string | string[], format: Format): string {
  if (typeof format === 'function') {
    return format(value);
  }
  if (format === 'regex') {
    // Grafana's regex format: each value escaped, several as one alternation.
    const escape = (v: string) => v.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
    return Array.isArray(value) ? `(${value.map(escape).join('|')})` : escape(value);
  }
  if (!Array.isArray(value)) {
    return value;
  }
  switch (format) {
    case 'csv':
      return value.join(',');
    case 'pipe':
      return value.join('|');
    default:
      return value.length === 1 ? value[0] : `{${value.join(',')}}`;
  }
}

export function testTemplateSrv(variables: TestVariable[]): TemplateSrv {
  const byName = new Map(variables.map((variable) => [variable.name, variable]));

  const valueOf = (name: string, scopedVars?: ScopedVars): string | string[] | undefined => {
    const scoped = scopedVars?.[name];
    if (scoped) {
      return scoped.value as string | string[];
    }
    const variable = byName.get(name);
    if (!variable) {
      return undefined;
    }
    return variable.current === '$__all' ? (variable.options ?? []) : variable.current;
  };

  return {
    getVariables: () =>
      variables.map((variable) => ({ name: variable.name, type: 'custom' }) as unknown as TypedVariableModel),
    replace: (target?: string, scopedVars?: ScopedVars, format?: Format) =>
      (target ?? '').replace(VARIABLE, (match, plain, braced, bracedFormat, bracket, bracketFormat) => {
        const value = valueOf(plain ?? braced ?? bracket, scopedVars);
        return value === undefined ? match : applyFormat(value, bracedFormat ?? bracketFormat ?? format);
      }),
    containsTemplate: (target?: string) =>
      Array.from((target ?? '').matchAll(VARIABLE)).some((m) => byName.has(m[1] ?? m[2] ?? m[4])),
    updateTimeRange: () => undefined,
  };
}
