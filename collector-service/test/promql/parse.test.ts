/** The parser adapter: the AST it builds, Prometheus's syntax and type errors, and refusals of what the engine does not evaluate. */
import { PromError } from '../../src/promql/errors';
import { parsePromQL } from '../../src/promql/parse/parse';

function errorOf(query: string): PromError {
  try {
    parsePromQL(query);
  } catch (err) {
    if (err instanceof PromError) return err;
    throw err;
  }
  throw new Error(`${query} parsed`);
}

test('builds the tree: aggregation over a function over an offset range selector, compared with bool', () => {
  expect(parsePromQL('sum by (provider) (rate(cpu{server=~"DB.*"}[5m] offset 1m)) > bool 3')).toMatchObject({
    kind: 'binary',
    op: '>',
    returnBool: true,
    type: 'vector',
    rhs: { kind: 'number', value: 3 },
    lhs: {
      kind: 'aggregate',
      op: 'sum',
      grouping: { without: false, labels: ['provider'] },
      expr: {
        kind: 'call',
        name: 'rate',
        args: [
          {
            kind: 'matrix-selector',
            rangeMs: 300_000,
            selector: {
              offsetMs: 60_000,
              matchers: [
                { name: '__name__', type: '=', value: 'cpu' },
                { name: 'server', type: '=~', value: 'DB.*' },
              ],
            },
          },
        ],
      },
    },
  });
});

test.each([
  ['"a\\tb\\u00e9\\x41\\101"', 'a\tbéAA'],
  ["'single \\' quote'", "single ' quote"],
  ['`raw \\n`', 'raw \\n'],
])('string literal %s', (query, value) => {
  expect(parsePromQL(query)).toEqual({ kind: 'string', type: 'string', value });
});

test.each([
  ['5m', 300],
  ['1h30m', 5400],
  ['Inf', Infinity],
  ['-0x1F', -31],
  ['.5e1', 5],
])('number literal %s', (query, value) => {
  expect(parsePromQL(query)).toMatchObject({ kind: 'number', value });
});

test.each([
  ['', '1:1: parse error: no expression found in input'],
  ['sum(', '1:5: parse error: unexpected end of input'],
  ['foo bar', '1:5: parse error: unexpected "bar"'],
  ['foo(bar)', '1:1: parse error: unknown function with name "foo"'],
  ['cpu{server="a}', '1:12: parse error: unterminated quoted string'],
  ['cpu{a="\\q"}', '1:7: parse error: invalid escape sequence in string "\\q"'],
  ['rate(cpu)', 'expected type range vector in call to function "rate", got instant vector'],
  ['round(cpu, 1, 2)', 'expected at most 2 argument(s) in call to "round", got 3'],
  ['label_join(cpu)', 'expected at least 3 argument(s) in call to "label_join", got 1'],
  ['time(1)', 'expected 0 argument(s) in call to "time", got 1'],
  ['sum(cpu[5m])', 'expected type instant vector in aggregation expression, got range vector'],
  ['topk(cpu)', 'wrong number of arguments for aggregate expression provided, expected 2, got 1'],
  ['topk("a", cpu)', 'expected type scalar in aggregation parameter, got string'],
  ['1 > 2', 'comparisons between scalars must use BOOL modifier'],
  ['cpu + bool 1', 'bool modifier can only be used on comparison operators'],
  ['cpu and 1', 'set operator "and" not allowed in binary scalar expression'],
  ['1 + on(a) cpu', 'vector matching only allowed between instant vectors'],
  ['cpu[5m] + 1', 'binary expression must contain only scalar and instant vector types'],
  ['-"a"', 'unary expression only allowed on expressions of type scalar or instant vector, got "string"'],
  ['{}', 'vector selector must contain at least one non-empty matcher'],
  ['{a=~".*"}', 'vector selector must contain at least one non-empty matcher'],
  ['cpu{a=~"("}', 'error parsing regexp'],
  ['cpu{__name__="mem"}', 'metric name must not be set twice: "cpu" or "mem"'],
  ['cpu offset 5m offset 1m', 'offset may not be set multiple times'],
  [
    'sum(cpu) offset 5m',
    'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
  ],
  ['(cpu)[5m]', 'ranges only allowed for vector selectors'],
  ['rate(cpu[5m])[5m]', 'ranges only allowed for vector selectors'],
  ['cpu offset 1m [5m]', 'no offset modifiers allowed before range'],
  ['cpu[5m][5m:]', 'subquery is only allowed on instant vector, got range vector'],
  ['cpu[0s]', 'range must be greater than 0, got 0s'],
])('%s → bad_data: %s', (query, message) => {
  const err = errorOf(query);
  expect({ errorType: err.errorType, status: err.status }).toEqual({ errorType: 'bad_data', status: 400 });
  expect(err.message).toContain(message);
  expect(err.message).toMatch(/^\d+:\d+: parse error: /);
});

test.each([
  ['histogram_quantile(0.9, cpu)', 'the function "histogram_quantile"'],
  ['day_of_week()', 'the function "day_of_week"'],
  ['count_values("v", cpu)', 'the aggregation "count_values"'],
  ['limitk(2, cpu)', 'the aggregation "limitk"'],
  ['cpu * fill(0) mem', 'the fill modifier of binary operators'],
  ['cpu[5m+1m]', 'the duration expression "5m+1m" (only plain durations such as 5m)'],
  ['rate(cpu[5m] anchored)', 'the anchored modifier'],
])('%s is refused by name, never approximated', (query, construct) => {
  const err = errorOf(query);
  expect(err.errorType).toBe('bad_data');
  expect(err.message).toBe(`${construct} is not supported by OpenManager's PromQL engine`);
});
