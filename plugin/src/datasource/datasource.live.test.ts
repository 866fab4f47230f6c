/**
 * The DataSource against the REAL collector service (the built one, started as a process), through the data proxy
 * stand-in doing real HTTP with the key from secureJsonData: what a dashboard user sees from query(), variables,
 * annotations, ad hoc filters, "Save & test", the ask-AI panel's methods, and each failure's message.
 */
import { DataFrame, FieldType, dateTime } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import fleetDashboard from '../../../provisioning/dashboards/openmanager/openmanager-fleet.json';
import { startCannedService } from '../testing/cannedService';
import { createDataSource } from '../testing/dataSourceFixture';
import { BACKFILL_HOURS, LIVE_API_KEY, LiveService, startLiveService } from '../testing/liveService';
import { queryRequest } from '../testing/queryRequest';
import { TestVariable } from '../testing/templateSrv';
import { OpenManagerQuery, VariableQuery } from './types';
import { OpenManagerVariableSupport } from './variableSupport';

jest.setTimeout(120_000);

let service: LiveService;
let range: { from: number; to: number };

beforeAll(async () => {
  service = await startLiveService();
  const to = Date.now();
  range = { from: to - BACKFILL_HOURS * 3_600_000, to };
});

afterAll(() => service?.stop());

const EU = ['CACHE-EU-001', 'DB-EU-001', 'DB-EU-002'];
const variables: TestVariable[] = [
  { name: 'server', current: ['DB-EU-001', 'DB-EU-002'] },
  { name: 'eu', current: '$__all', options: EU },
  { name: 'provider', current: 'aws' },
  { name: 'region', current: 'eu-west-1' },
];

const liveDataSource = (apiKey = LIVE_API_KEY, serviceUrl = service.url) =>
  createDataSource({ serviceUrl, apiKey, variables });

function request(targets: Array<Partial<OpenManagerQuery>>, extra: Parameters<typeof queryRequest>[1] = {}) {
  const from = dateTime(range.from);
  const to = dateTime(range.to);
  return queryRequest(
    targets.map((target, i) => ({
      refId: String.fromCharCode(65 + i),
      queryType: 'timeseries',
      servers: [],
      metrics: ['cpu'],
      aggregation: 'avg',
      ...target,
    })),
    { range: { from, to, raw: { from: 'now-2h', to: 'now' } }, ...extra }
  );
}

const numberField = (frame: DataFrame) => frame.fields.find((field) => field.type === FieldType.number)!;
const serversOf = (frames: DataFrame[]) => frames.map((frame) => numberField(frame).labels?.server).sort();
const columnOf = (frame: DataFrame, name: string) => frame.fields.find((field) => field.name === name)!.values;
const texts = (values: Array<{ text: string }>) => values.map((value) => value.text);

describe('query() against the running service', () => {
  it('draws DB-EU-002 cpu and memory as labelled percent series, 80–90 % cpu, within maxDataPoints', async () => {
    const response = await liveDataSource().query(
      request([{ servers: ['DB-EU-002'], metrics: ['cpu', 'memory'] }], { maxDataPoints: 40 })
    );

    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveLength(2);
    const [cpu, memory] = ['cpu', 'memory'].map((metric) =>
      response.data.find((f: DataFrame) => numberField(f).name === metric)!
    );
    expect(numberField(cpu).labels).toEqual({
      server: 'DB-EU-002',
      provider: 'aws',
      region: 'eu-west-1',
      role: 'database',
    });
    expect(numberField(cpu).config.unit).toBe('percent');
    expect(numberField(cpu).config.displayNameFromDS).toMatch(/^DB-EU-002 cpu$/i);
    for (const frame of [cpu, memory]) {
      expect(frame.refId).toBe('A');
      expect(frame.length).toBeGreaterThan(10);
      expect(frame.length).toBeLessThanOrEqual(40);
    }
    const cpuValues = numberField(cpu).values as number[];
    expect(Math.min(...cpuValues)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...cpuValues)).toBeLessThanOrEqual(90);
    expect(Math.min(...(numberField(memory).values as number[]))).toBeGreaterThanOrEqual(90);
    // buckets are aligned to their width, so the first may start up to one width before the range
    const bucket = Math.ceil((range.to - range.from) / 40);
    const times = columnOf(cpu, 'time') as number[];
    expect(times[0]).toBeGreaterThanOrEqual(range.from - bucket);
    expect(times[times.length - 1]).toBeLessThanOrEqual(range.to);
  });

  it('expands a multi-value $server and an All ${eu} into one series per server', async () => {
    const response = await liveDataSource().query(
      request([{ servers: ['$server'] }, { servers: ['${eu}'], metrics: ['memory'] }])
    );

    expect(response.errors).toBeUndefined();
    const byRefId = (refId: string) => response.data.filter((frame: DataFrame) => frame.refId === refId);
    expect(serversOf(byRefId('A'))).toEqual(['DB-EU-001', 'DB-EU-002']);
    expect(serversOf(byRefId('B'))).toEqual(EU);
  });

  it('applies ad hoc filters to every target: only onprem databases, in the series and the latest table', async () => {
    const response = await liveDataSource().query(
      request([{}, { queryType: 'latest', metrics: ['disk'] }], {
        filters: [
          { key: 'provider', operator: '=', value: 'onprem' },
          { key: 'role', operator: '=~', value: 'database|file' },
        ],
      })
    );

    expect(response.errors).toBeUndefined();
    expect(serversOf(response.data.filter((frame: DataFrame) => frame.refId === 'A'))).toEqual([
      'ONPREM-DB-01',
      'ONPREM-FILE-01',
    ]);
    const table: DataFrame = response.data.find((frame: DataFrame) => frame.refId === 'B');
    expect([...columnOf(table, 'server')].sort()).toEqual(['ONPREM-DB-01', 'ONPREM-FILE-01']);
    expect(table.fields.find((field) => field.name === 'disk')!.config.unit).toBe('percent');
  });

  it("annotates DB-EU-002's critical memory breach in the range", async () => {
    const response = await liveDataSource().query(
      request([{ refId: 'Anno', queryType: 'annotations', servers: ['DB-EU-002'], metrics: [], kinds: ['threshold'] }])
    );

    expect(response.errors).toBeUndefined();
    const [frame] = response.data as DataFrame[];
    const titles = columnOf(frame, 'title') as string[];
    const memory = titles.findIndex((title) => title === 'DB-EU-002 memory: threshold (critical)');
    expect(memory).toBeGreaterThanOrEqual(0);
    expect((columnOf(frame, 'text') as string[])[memory]).toMatch(/memory ≥ 90%/);
    const start = (columnOf(frame, 'time') as number[])[memory];
    expect(start).toBeGreaterThanOrEqual(range.from - 60_000);
    expect(start).toBeLessThan(range.to);
  });

  it('says the key was rejected when the data source holds a wrong one', async () => {
    const response = await liveDataSource('not-the-key').query(request([{ servers: ['DB-EU-002'] }]));

    expect(response.data).toEqual([]);
    expect(response.errors?.[0].message).toContain('The OpenManager service rejected the API key');
    expect(response.errors?.[0].message).toContain('Check "API key" in the data source settings');
  });
});

describe('template variables and ad hoc filters against the running service', () => {
  it('lists providers, and the servers of $provider in $region, as a variable query', async () => {
    const ds = liveDataSource();
    expect(texts(await ds.metricFindQuery({ refId: 'v', kind: 'providers' }))).toEqual(['aws', 'kubernetes', 'onprem']);
    expect(
      texts(await ds.metricFindQuery({ refId: 'v', kind: 'servers', provider: '$provider', region: '$region' }))
    ).toEqual(EU);
  });

  it('answers through CustomVariableSupport as Grafana calls it', async () => {
    const ds = liveDataSource();
    const query: VariableQuery = { refId: 'v', kind: 'roles', provider: 'onprem' };
    const variableSupport = ds.variables as OpenManagerVariableSupport;
    const response = await lastValueFrom(variableSupport.query({ ...request([]), targets: [query] } as never));
    expect(texts(response.data)).toEqual([
      'app',
      'backup',
      'database',
      'directory',
      'file',
      'mail',
      'monitoring',
      'web',
    ]);
  });

  it('offers the server labels as ad hoc keys, and the values among servers passing the other filters', async () => {
    const ds = liveDataSource();
    expect(texts(await ds.getTagKeys())).toEqual(['provider', 'region', 'role', 'status']);
    expect(
      texts(await ds.getTagValues({ key: 'region', filters: [{ key: 'provider', operator: '=', value: 'aws' }] }))
    ).toEqual(['ap-northeast-2', 'eu-west-1', 'us-east-1']);
    expect(texts(await ds.getTagValues({ key: 'status', filters: [] }))).toEqual(
      expect.arrayContaining(['critical', 'offline', 'online'])
    );
  });
});

describe('"Save & test" against the running service', () => {
  it('succeeds with the right key', async () => {
    expect(await liveDataSource().testDatasource()).toEqual({
      status: 'success',
      message: 'OpenManager is reachable, the API key (role: read) is accepted and storage is healthy.',
    });
  });

  it('says the key was rejected with a wrong one', async () => {
    const result = await liveDataSource('wrong-key-123').testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('rejected the API key');
  });
});

describe('what the ask-AI panel calls', () => {
  it("ask() answers the Korean seed question: critical, in Korean, with DB-EU-002's cpu and memory findings", async () => {
    const answer = await liveDataSource().ask('DB-EU-002 서버에 문제가 있나요?', range);

    expect(answer).toMatchObject({ intent: 'server_health', language: 'ko', severity: 'critical' });
    expect(answer.answer).toContain('DB-EU-002');
    const findings = answer.findings.filter((finding) => finding.serverId === 'DB-EU-002');
    expect(findings.map((finding) => finding.metric)).toEqual(expect.arrayContaining(['cpu', 'memory']));
    const memory = findings.find((finding) => finding.metric === 'memory')!;
    expect(memory.value).toBeGreaterThanOrEqual(memory.threshold!);
  });

  it("answers the provisioned dashboard's default question usefully on first load: the fleet, with its problems", async () => {
    const panel = fleetDashboard.panels.find((p) => p.type === 'openmanager-askai-panel') as {
      options: { defaultQuestion: string };
    };
    const answer = await liveDataSource().ask(panel.options.defaultQuestion, range);

    expect(answer.intent).toBe('fleet_health');
    expect(answer.severity).toBe('critical');
    expect(answer.findings.map((finding) => finding.serverId)).toEqual(
      expect.arrayContaining(['DB-EU-002', 'WEB-US-003'])
    );
  });

  it('querySeries() brings the series of findings, each under its own refId, within the point budget', async () => {
    const response = await liveDataSource().querySeries(
      [
        { server: 'DB-EU-002', metric: 'memory' },
        { server: 'ONPREM-FILE-01', metric: 'disk' },
      ],
      range,
      30
    );

    expect(response.errors).toBeUndefined();
    expect(
      response.data.map((frame: DataFrame) => [frame.refId, numberField(frame).labels?.server, numberField(frame).name])
    ).toEqual([
      ['S0', 'DB-EU-002', 'memory'],
      ['S1', 'ONPREM-FILE-01', 'disk'],
    ]);
    expect(response.data.every((frame: DataFrame) => frame.length > 5 && frame.length <= 30)).toBe(true);
  });

  it('ask() says the key was rejected with a wrong one', async () => {
    await expect(liveDataSource('wrong-key-123').ask('오프라인 서버 있어?', range)).rejects.toMatchObject({
      kind: 'unauthorized',
      message: expect.stringContaining('rejected the API key'),
    });
  });

  it("ask() passes on a service's 500 as a clear error", async () => {
    const failing = await startCannedService(() => ({
      status: 500,
      body: { error: { code: 'internal', message: 'internal error; the service log has the details' } },
    }));
    try {
      await expect(liveDataSource(LIVE_API_KEY, failing.url).ask('오프라인 서버 있어?', range)).rejects.toMatchObject({
        kind: 'service',
        status: 500,
        message: 'The OpenManager service answered HTTP 500: internal: internal error; the service log has the details',
      });
    } finally {
      await failing.close();
    }
  });
});

describe('when the service is gone', () => {
  it('says it cannot be reached, for queries, "Save & test" and questions alike, once it has stopped', async () => {
    await service.stop();
    const ds = liveDataSource();

    const response = await ds.query(request([{ servers: ['DB-EU-002'] }]));
    const test = await ds.testDatasource();

    const unreachable = `Cannot reach the OpenManager service at ${service.url}`;
    expect(response.errors?.[0].message).toContain(unreachable);
    expect(test).toMatchObject({ status: 'error', message: expect.stringContaining(unreachable) });
    await expect(ds.ask('오프라인 서버 있어?', range)).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
