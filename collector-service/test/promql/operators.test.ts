/** Aggregations (by/without), binary operators, comparisons as filters or `bool`, vector matching, set operators. */
import { instantQuery } from '../../src/promql/eval/query-engine';
import { answerValues, at, budget, MemorySource, SMALL_FLEET } from './support/memory-source';

const run = (query: string) => instantQuery(new MemorySource(SMALL_FLEET), query, at(10), { budget: budget() });
// At 10 min: cpu a = 10, cpu b = 90, cpu c = 50, mem a = 20.
const A = 'provider="aws", role="web", server="a"';
const B = 'provider="aws", role="db", server="b"';
const C = 'provider="onprem", role="web", server="c"';

describe('aggregations', () => {
  test.each([
    ['sum(cpu)', { '{}': '150' }],
    ['sum by (provider) (cpu)', { '{provider="aws"}': '100', '{provider="onprem"}': '50' }],
    ['sum(cpu) by (provider)', { '{provider="aws"}': '100', '{provider="onprem"}': '50' }],
    [
      'avg without (server) (cpu)',
      {
        '{provider="aws", role="web"}': '10',
        '{provider="aws", role="db"}': '90',
        '{provider="onprem", role="web"}': '50',
      },
    ],
    ['avg by (role) (cpu)', { '{role="web"}': '30', '{role="db"}': '90' }],
    ['max by (role) (cpu)', { '{role="web"}': '50', '{role="db"}': '90' }],
    ['min without (server, role) (cpu)', { '{provider="aws"}': '10', '{provider="onprem"}': '50' }],
    ['count(cpu)', { '{}': '3' }],
    ['count by (missing) (cpu)', { '{}': '3' }],
    ['group by (provider) (cpu)', { '{provider="aws"}': '1', '{provider="onprem"}': '1' }],
    ['quantile(0.5, cpu)', { '{}': '50' }],
    ['quantile(0.25, cpu)', { '{}': '30' }],
    ['stdvar(cpu)', { '{}': String(3200 / 3) }],
    ['sum by (__name__) ({server="a", __name__=~"cpu|mem"})', { '{__name__="cpu"}': '10', '{__name__="mem"}': '20' }],
    ['topk(2, cpu)', { [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' }],
    ['bottomk(1, cpu) by (provider)', { [`{__name__="cpu", ${A}}`]: '10', [`{__name__="cpu", ${C}}`]: '50' }],
    ['topk(0, cpu)', {}],
    ['sum(nothing)', {}],
  ])('%s', async (query, expected) => {
    expect(answerValues(await run(query))).toEqual(expected);
  });

  test('topk answers in value order, largest first', async () => {
    const data = (await run('topk(3, cpu)')) as { result: Array<{ value: [number, string] }> };
    expect(data.result.map((r) => r.value[1])).toEqual(['90', '50', '10']);
  });
});

describe('arithmetic and comparisons', () => {
  test.each([
    ['2 ^ 3 ^ 2', '512'],
    ['-2 ^ 2', '-4'],
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['7 % 3', '1'],
    ['-7 % 3', '-1'],
    ['1 / 0', '+Inf'],
    ['-1 / 0', '-Inf'],
    ['0 / 0', 'NaN'],
    ['2 atan2 0', String(Math.PI / 2)],
    ['3 > bool 2', '1'],
    ['3 == bool 2', '0'],
    ['0x10 + 1e2 + 1_000', '1116'],
    ['1e-7', '0.0000001'],
    ['1e21', '1000000000000000000000'],
  ])('%s = %s', async (query, expected) => {
    expect(answerValues(await run(query))).toEqual({ scalar: expected });
  });

  test.each([
    ['cpu * 2', { [`{${A}}`]: '20', [`{${B}}`]: '180', [`{${C}}`]: '100' }],
    ['100 - cpu', { [`{${A}}`]: '90', [`{${B}}`]: '10', [`{${C}}`]: '50' }],
    ['-cpu{server="a"}', { [`{${A}}`]: '-10' }],
    ['cpu{server="a"} atan2 0', { [`{__name__="cpu", ${A}}`]: String(Math.PI / 2) }], // Prometheus keeps the name here
    ['cpu > 40', { [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' }],
    ['40 < cpu', { [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' }],
    ['cpu == 50', { [`{__name__="cpu", ${C}}`]: '50' }],
    ['cpu > bool 40', { [`{${A}}`]: '0', [`{${B}}`]: '1', [`{${C}}`]: '1' }],
    ['cpu + mem', { [`{${A}}`]: '30' }],
    ['mem / cpu', { [`{${A}}`]: '2' }],
    ['cpu / on(server) mem', { '{server="a"}': '0.5' }],
    ['cpu - ignoring(role) mem', { '{provider="aws", server="a"}': '-10' }],
    ['cpu < mem', { [`{__name__="cpu", ${A}}`]: '10' }],
    ['cpu > mem', {}],
    ['cpu >= bool mem', { [`{${A}}`]: '0' }],
    ['cpu and mem', { [`{__name__="cpu", ${A}}`]: '10' }],
    ['cpu and on(provider) mem', { [`{__name__="cpu", ${A}}`]: '10', [`{__name__="cpu", ${B}}`]: '90' }],
    ['cpu unless mem', { [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' }],
    [
      'mem or cpu',
      { [`{__name__="mem", ${A}}`]: '20', [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' },
    ],
  ])('%s', async (query, expected) => {
    expect(answerValues(await run(query))).toEqual(expected);
  });

  test.each([
    [
      'cpu{server="a"} + on(provider) cpu',
      `found duplicate series for the match group {provider="aws"} on the right hand-side of the operation: [{__name__="cpu", ${B}}, {__name__="cpu", ${A}}]` +
        ';many-to-many matching not allowed: matching labels must be unique on one side',
    ],
    [
      'cpu + on(provider) cpu{server="a"}',
      'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
    ],
    ['{server="a", __name__=~"cpu|mem"} * 2', 'vector cannot contain metrics with the same labelset'],
  ])('%s is an execution error (422)', async (query, message) => {
    await expect(run(query)).rejects.toMatchObject({ errorType: 'execution', status: 422, message });
  });
});
