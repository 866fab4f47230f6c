/** Label matchers (`=`, `!=`, `=~`, `!~`) with Prometheus's fully anchored, dot-matches-newline RE2 regular expressions. */
import { RE2JS, RE2JSException } from 're2js';
import { badData } from './errors';
import type { Labels } from './labels';

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  type: MatchType;
  value: string;
  /** Compiled once for the regex types. */
  regex?: RE2JS;
}

/**
 * A user-supplied pattern compiled with RE2's semantics (re2js: linear-time matching, no backtracking),
 * the way Prometheus does: `^(?s:pattern)$`, so it matches whole values and `.` matches newlines.
 */
export function compileRegex(pattern: string): RE2JS {
  try {
    return RE2JS.compile(`^(?s:${pattern})$`);
  } catch (err) {
    if (err instanceof RE2JSException)
      throw badData(
        err.message.startsWith('error parsing regexp') ? err.message : `error parsing regexp: ${err.message}`
      );
    throw err;
  }
}

export function newMatcher(name: string, type: MatchType, value: string): Matcher {
  return type === '=~' || type === '!~' ? { name, type, value, regex: compileRegex(value) } : { name, type, value };
}

export function matchesValue(m: Matcher, value: string): boolean {
  switch (m.type) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return m.regex!.testExact(value);
    case '!~':
      return !m.regex!.testExact(value);
  }
}

/** An absent label counts as the empty string, as in Prometheus. */
export function matchesLabels(matchers: Matcher[], labels: Labels): boolean {
  for (const m of matchers) if (!matchesValue(m, labels[m.name] ?? '')) return false;
  return true;
}
