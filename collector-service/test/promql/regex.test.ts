/** User regexes run on RE2 (re2js) with Prometheus's semantics: whole-value matches, `.` across newlines, RE2 syntax, linear time. */
import { compileRegex, newMatcher, matchesValue } from '../../src/promql/matchers';
import { labelReplacer } from '../../src/promql/eval/label-functions';

test.each([
  ['web-.*', 'web-1', true],
  ['web', 'web-1', false], // anchored at both ends
  ['a.b', 'a\nb', true], // dot matches newline
  ['(?i)WEB-1', 'web-1', true],
  ['[[:alpha:]]+', 'abc', true], // POSIX classes
  ['[[:alpha:]]+', 'ab1', false],
  ['\\Qa.b\\E', 'a.b', true], // literal quoting
  ['\\Qa.b\\E', 'axb', false],
  ['\\pL+', '서버', true], // Unicode classes
  ['(?P<x>a+)', 'aa', true],
])('%s against %j → %p', (pattern, value, expected) => {
  expect(matchesValue(newMatcher('l', '=~', pattern), value)).toBe(expected);
  expect(matchesValue(newMatcher('l', '!~', pattern), value)).toBe(!expected);
});

// On a backtracking engine each of these would outlive the test's timeout by ages.
test('catastrophic patterns answer: no backtracking', () => {
  const long = 'a'.repeat(10_000);
  for (const pattern of ['(.*.*)*Z', '(a+)+$b', '(a|a)*c', '(a|aa)+b', '((a*)*)*x'])
    expect(compileRegex(pattern).testExact(long)).toBe(false);
});

test.each([
  ['(', 'error parsing regexp: missing closing ): `^(?s:()$`'], // Prometheus names the anchored pattern too
  ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
  ['(?<!a)b', 'error parsing regexp'], // lookbehind is not RE2
  ['\\1', 'error parsing regexp'], // nor are backreferences
])('%s is refused as bad_data: %s', (pattern, message) => {
  expect(() => compileRegex(pattern)).toThrow(
    expect.objectContaining({ errorType: 'bad_data', message: expect.stringContaining(message) })
  );
});

test('label_replace expands numbered and named groups as Go does, and leaves labels alone without a match', () => {
  const replace = labelReplacer('dst', '$1-${name}-$$-$9', 'src', '(?P<name>[a-z]+)-(\\d+)');
  expect(replace({ src: 'web-12' })).toEqual({ src: 'web-12', dst: 'web-web-$-' });
  expect(replace({ src: 'WEB-12' })).toEqual({ src: 'WEB-12' });
});
