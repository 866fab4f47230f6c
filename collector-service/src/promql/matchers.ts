/** Label matchers (`=`, `!=`, `=~`, `!~`) with Prometheus's fully anchored, dot-matches-newline regular expressions. */
import { badData, unsupported } from './errors';
import type { Labels } from './labels';

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  type: MatchType;
  value: string;
  /** Compiled once for the regex types. */
  regex?: RegExp;
}

/** RE2 syntax JavaScript would read differently without an error: refused rather than matched wrongly. */
const RE2_ONLY: Array<[RegExp, string]> = [
  [/\[:\^?[a-z]+:\]/, 'POSIX character classes such as [[:alpha:]]'],
  [/\\[QE]/, 'literal quoting with \\Q…\\E'],
  [/\\[pP]/, 'Unicode classes such as \\pL'],
  [/\\[AzC]/, 'the escapes \\A, \\z and \\C'],
];

/**
 * Go's RE2 syntax → JavaScript: named groups are `(?P<name>…)` there, and a leading `(?i)` is
 * case-insensitivity. Prometheus anchors the whole value and lets `.` match newlines.
 */
export function compileRegex(pattern: string): RegExp {
  for (const [re2, what] of RE2_ONLY) if (re2.test(pattern)) throw unsupported(`${what} in regular expressions`);
  const caseless = pattern.startsWith('(?i)');
  const body = (caseless ? pattern.slice(4) : pattern).replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(`^(?:${body})$`, caseless ? 'si' : 's');
  } catch (err) {
    throw badData(`error parsing regexp: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
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
      return m.regex!.test(value);
    case '!~':
      return !m.regex!.test(value);
  }
}

/** An absent label counts as the empty string, as in Prometheus. */
export const matchesLabels = (matchers: Matcher[], labels: Labels) => matchers.every((m) => matchesValue(m, labels[m.name] ?? ''));
