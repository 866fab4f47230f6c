/** Prometheus's wire details: sample values as Go prints them, API times and durations, form-encoded POST bodies. */
import { ApiParams, matchParams, parseApiDuration, parseTime, timeParam } from '../../src/promql/api/api-params';
import { formatSampleValue } from '../../src/promql/api/format';

test.each([
  [0, '0'],
  [-0, '-0'],
  [1, '1'],
  [85.6, '85.6'],
  [0.1 + 0.2, '0.30000000000000004'],
  [1e21, '1000000000000000000000'],
  [1.5e-7, '0.00000015'],
  [-2.5e22, '-25000000000000000000000'],
  [123456789012, '123456789012'],
  [NaN, 'NaN'],
  [Infinity, '+Inf'],
  [-Infinity, '-Inf'],
])('%p is written %s', (value, text) => {
  expect(formatSampleValue(value)).toBe(text);
});

test.each([
  ['1767225600', Date.UTC(2026, 0, 1)],
  ['1767225600.123', Date.UTC(2026, 0, 1) + 123],
  ['1767225600.1239', Date.UTC(2026, 0, 1) + 124],
  ['1.7672256e9', Date.UTC(2026, 0, 1)],
  ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
  ['2026-01-01T09:00:00.5+09:00', Date.UTC(2026, 0, 1) + 500],
  ['2026-01-01T00:00:00.123456789Z', Date.UTC(2026, 0, 1) + 123],
  ['yesterday', null],
  ['2026-01-01', null],
  ['', null],
])('time %p → %p', (text, ms) => {
  expect(parseTime(text)).toBe(ms);
});

test.each([
  ['15', 15_000],
  ['0.5', 500],
  ['1m', 60_000],
  ['1h30m', 5_400_000],
  ['2d', 172_800_000],
  ['5 minutes', null],
])('duration %p → %p', (text, ms) => {
  expect(parseApiDuration(text)).toBe(ms);
});

const form = (body: string, url = 'http://x/q?time=1') =>
  ApiParams.fromRequest(
    new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  );

test('a form-encoded POST body counts, before the URL; match[] gathers both', async () => {
  const params = await form('time=2&match[]=up&match%5B%5D=cpu%7Bserver%3D%22a%22%7D', 'http://x/q?time=1&match[]=mem');
  expect(params.get('time')).toBe('2');
  expect(params.getAll('match[]')).toEqual(['up', 'cpu{server="a"}', 'mem']);
  expect(matchParams(params).map((m) => m.map((x) => `${x.name}${x.type}${x.value}`))).toEqual([
    ['__name__=up'],
    ['__name__=cpu', 'server=a'],
    ['__name__=mem'],
  ]);
});

test('a body of another type is not read as parameters', async () => {
  const params = await ApiParams.fromRequest(
    new Request('http://x/q?query=up', { method: 'POST', body: 'query=cpu', headers: { 'content-type': 'text/plain' } })
  );
  expect(params.get('query')).toBe('up');
});

test.each([
  ['time=abc', 'invalid parameter "time": cannot parse "abc" to a valid timestamp'],
  ['match[]=sum(up)', 'invalid parameter "match[]": expected a series selector such as up{job="x"}, got "sum(up)"'],
  [
    'match[]={}',
    'invalid parameter "match[]": 1:1: parse error: vector selector must contain at least one non-empty matcher',
  ],
])('%s → bad_data %s', async (body, message) => {
  const params = await form(body, 'http://x/q');
  const read = () => (body.startsWith('time') ? timeParam(params, 'time') : matchParams(params));
  expect(read).toThrow(expect.objectContaining({ errorType: 'bad_data', message }));
});
