import { CannedService, startCannedService } from '../testing/cannedService';
import { createDataSource } from '../testing/dataSourceFixture';
import { RANGE, queryRequest } from '../testing/queryRequest';
import { OpenManagerQuery } from './types';

const cpuFrame = (server: string) => ({
  schema: {
    name: `cpu ${server}`,
    fields: [
      { name: 'time', type: 'time' },
      { name: 'cpu', type: 'number', labels: { server, provider: 'aws', region: 'eu-west-1', role: 'database' } },
    ],
  },
  data: {
    values: [
      [RANGE.from, RANGE.from + 60000],
      [84.1, 85.3],
    ],
  },
});

const query = (refId: string, change: Partial<OpenManagerQuery> = {}): OpenManagerQuery => ({
  refId,
  queryType: 'timeseries',
  servers: ['$server'],
  metrics: ['cpu'],
  aggregation: 'avg',
  ...change,
});

const variables = [{ name: 'server', current: ['DB-EU-001', 'DB-EU-002'] }];

let service: CannedService;

beforeAll(async () => {
  service = await startCannedService(() => ({ body: { results: {} } }));
});

afterAll(() => service.close());

beforeEach(() => {
  service.requests.length = 0;
});

describe('DataSource.query', () => {
  it('posts one /api/query with the range, interval, point budget, expanded servers and ad hoc filters', async () => {
    service.answerWith(() => ({ body: { results: { A: { frames: [cpuFrame('DB-EU-001')] }, B: { frames: [] } } } }));
    const ds = createDataSource({ serviceUrl: service.url, apiKey: 's3cret', variables });

    await ds.query(
      queryRequest(
        [
          query('A', { metrics: ['cpu', 'memory'], aggregation: 'p95' }),
          query('B', { queryType: 'latest', servers: [] }),
        ],
        {
          filters: [{ key: 'provider', operator: '=', value: 'aws' }],
        }
      )
    );

    expect(service.requests).toHaveLength(1);
    const [sent] = service.requests;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/api/query');
    expect(sent.headers.authorization).toBe('Bearer s3cret');
    expect(sent.body).toEqual({
      range: RANGE,
      intervalMs: 60000,
      maxDataPoints: 1000,
      targets: [
        {
          refId: 'A',
          queryType: 'timeseries',
          servers: ['DB-EU-001', 'DB-EU-002'],
          metrics: ['cpu', 'memory'],
          aggregation: 'p95',
        },
        { refId: 'B', queryType: 'latest', servers: [], metrics: ['cpu'], aggregation: 'avg' },
      ],
      filters: [{ key: 'provider', operator: '=', value: 'aws' }],
    });
  });

  it('sends a labelled series target with its label filters, variables expanded (as alternatives only in regexes)', async () => {
    service.answerWith(() => ({ body: { results: { P: { frames: [] } } } }));
    const ds = createDataSource({
      serviceUrl: service.url,
      variables: [...variables, { name: 'service', current: ['postfix.service', 'nginx.service'] }],
    });

    await ds.query(
      queryRequest([
        query('P', {
          queryType: 'series',
          series: 'openmanager_service_up',
          labels: [
            { label: 'service', operator: '=~', value: '$service' },
            { label: '', operator: '=', value: 'left unfinished' },
          ],
          alias: '{{server}} {{service}}',
        }),
      ])
    );

    expect(service.requests[0].body).toMatchObject({
      targets: [
        {
          refId: 'P',
          queryType: 'series',
          servers: ['DB-EU-001', 'DB-EU-002'],
          metrics: [],
          series: 'openmanager_service_up',
          labels: [{ label: 'service', operator: '=~', value: '(postfix\\.service|nginx\\.service)' }],
          alias: '{{server}} {{service}}',
        },
      ],
    });
  });

  it('fails a labelled series query without a series, naming it, and sends nothing for it', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(queryRequest([query('P', { queryType: 'series' })]));

    expect(service.requests).toHaveLength(0);
    expect(response.errors).toEqual([{ refId: 'P', message: 'Query P: choose a labelled series.' }]);
  });

  it("returns frames with names and labels, and a per-target error as that query's error", async () => {
    service.answerWith(() => ({
      body: { results: { A: { frames: [cpuFrame('DB-EU-002')] }, B: { error: 'unknown server "NOPE-1"' } } },
    }));
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(queryRequest([query('A'), query('B', { servers: ['NOPE-1'] })]));

    expect(response.data).toHaveLength(1);
    const cpu = response.data[0].fields[1];
    expect(cpu.labels).toMatchObject({ server: 'DB-EU-002', provider: 'aws' });
    expect(cpu.config).toMatchObject({ unit: 'percent', displayNameFromDS: 'DB-EU-002 CPU' });
    expect(response.errors).toEqual([{ refId: 'B', message: 'unknown server "NOPE-1"' }]);
  });

  it('sends the alias with variables expanded, and names series with it when the service did not', async () => {
    service.answerWith(() => ({ body: { results: { A: { frames: [cpuFrame('DB-EU-002')] } } } }));
    const ds = createDataSource({
      serviceUrl: service.url,
      variables: [...variables, { name: 'env', current: 'prod' }],
    });

    const response = await ds.query(queryRequest([query('A', { alias: '$env {{server}}/{{metric}}' })]));

    expect((service.requests[0].body as { targets: Array<{ alias?: string }> }).targets[0].alias).toBe(
      'prod {{server}}/{{metric}}'
    );
    expect(response.data[0].fields[1].config.displayNameFromDS).toBe('prod DB-EU-002/cpu');
  });

  it('reports a target the service did not answer instead of showing nothing', async () => {
    service.answerWith(() => ({ body: { results: { A: { frames: [] } } } }));
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(queryRequest([query('A'), query('B')]));

    expect(response.errors).toEqual([{ refId: 'B', message: 'The OpenManager service sent no result for query B.' }]);
    expect(response.data[0].meta?.notices?.[0].text).toContain('no samples for cpu of DB-EU-001, DB-EU-002');
  });

  it('does not send hidden targets, and fails only the target whose variable is missing', async () => {
    service.answerWith(() => ({ body: { results: { A: { frames: [] } } } }));
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(
      queryRequest([
        query('A'),
        query('B', { hide: true }),
        query('C', { servers: ['$region'] }),
        query('D', { metrics: [] }),
      ])
    );

    expect((service.requests[0].body as { targets: Array<{ refId: string }> }).targets.map((t) => t.refId)).toEqual([
      'A',
    ]);
    expect(response.errors).toEqual([
      { refId: 'C', message: 'Template variable $region is not defined on this dashboard.' },
      { refId: 'D', message: 'Query D: choose at least one metric.' },
    ]);
  });

  it('fails every data target with a clear message when an ad hoc filter cannot be applied', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(
      queryRequest([query('A'), query('B')], { filters: [{ key: 'cluster', operator: '=', value: 'prod-k8s' }] })
    );

    expect(service.requests).toHaveLength(0);
    expect(response.errors?.map((e) => e.refId)).toEqual(['A', 'B']);
    expect(response.errors?.[0].message).toContain('Ad hoc filter on "cluster" is not supported');
  });

  it('tells the user the key was rejected when the service answers 401', async () => {
    service.answerWith(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'invalid API key' } } }));
    const ds = createDataSource({ serviceUrl: service.url, apiKey: 'wrong', variables });

    const response = await ds.query(queryRequest([query('A'), query('B')]));

    expect(response.errors?.map((e) => e.refId)).toEqual(['A', 'B']);
    expect(response.errors?.[0].message).toContain('rejected the API key');
    expect(service.requests[0].headers.authorization).toBe('Bearer wrong');
  });

  it("passes the service's own error message on a 500", async () => {
    service.answerWith(() => ({ status: 500, body: { error: { code: 'internal', message: 'storage query failed' } } }));
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(queryRequest([query('A')]));

    expect(response.errors?.[0].message).toBe(
      'The OpenManager service answered HTTP 500: internal: storage query failed'
    );
  });

  it('says the service cannot be reached when nothing listens at its URL', async () => {
    const gone = await startCannedService(() => ({ body: {} }));
    await gone.close();
    const ds = createDataSource({ serviceUrl: gone.url, variables });

    const response = await ds.query(queryRequest([query('A')]));

    expect(response.errors?.[0].message).toContain(`Cannot reach the OpenManager service at ${gone.url}`);
  });

  it('asks for a service URL when none is configured', async () => {
    const ds = createDataSource({ serviceUrl: undefined, variables });

    const response = await ds.query(queryRequest([query('A')]));

    expect(response.errors?.[0].message).toContain('No service URL is configured');
  });
});

describe('DataSource.query for annotations', () => {
  it('asks /api/annotations for the range, servers and kinds and returns Grafana annotation fields', async () => {
    service.answerWith(() => ({
      body: {
        annotations: [
          {
            time: RANGE.from + 60000,
            timeEnd: RANGE.from + 300000,
            serverId: 'DB-EU-002',
            metric: 'cpu',
            kind: 'threshold',
            severity: 'critical',
            text: 'cpu 88% ≥ 85%',
          },
          {
            time: '2025-11-26T01:00:00.000Z',
            serverId: 'DB-EU-001',
            metric: 'cpu',
            kind: 'anomaly',
            severity: 'warning',
            text: 'spike',
            tags: ['anomaly', 'cpu'],
          },
        ],
        truncated: true,
      },
    }));
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const response = await ds.query(
      queryRequest([query('Anno', { queryType: 'annotations', servers: ['$server'], kinds: ['threshold', 'anomaly'] })])
    );

    expect(service.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/annotations',
      query: {
        from: String(RANGE.from),
        to: String(RANGE.to),
        servers: 'DB-EU-001,DB-EU-002',
        kinds: 'threshold,anomaly',
      },
    });
    const frame = response.data[0];
    const values = Object.fromEntries(frame.fields.map((f: { name: string; values: unknown[] }) => [f.name, f.values]));
    expect(values.time).toEqual([RANGE.from + 60000, Date.parse('2025-11-26T01:00:00.000Z')]);
    expect(values.timeEnd).toEqual([RANGE.from + 300000, null]);
    expect(values.title).toEqual(['DB-EU-002 cpu: threshold (critical)', 'DB-EU-001 cpu: anomaly (warning)']);
    expect(values.text).toEqual(['cpu 88% ≥ 85%', 'spike']);
    expect(values.tags).toEqual([
      ['threshold', 'critical', 'DB-EU-002', 'cpu'],
      ['anomaly', 'cpu'],
    ]);
    expect(frame.meta?.notices?.[0].text).toBe('Only the 2 most severe and newest events are shown.');
  });
});
