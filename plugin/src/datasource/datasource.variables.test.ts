import { CannedService, startCannedService } from '../testing/cannedService';
import { createDataSource } from '../testing/dataSourceFixture';
import { ServerSummary } from './types';

function server(
  id: string,
  provider: string,
  region: string,
  role: string,
  status: ServerSummary['status']
): ServerSummary {
  return { id, provider, region, role, status, lastSeen: 1764115200000, labels: {} };
}

/** A slice of the simulated fleet. */
const FLEET = [
  server('K8S-MASTER-01', 'kubernetes', 'ap-northeast-2', 'control-plane', 'online'),
  server('K8S-WORKER-03', 'kubernetes', 'ap-northeast-2', 'worker', 'warning'),
  server('WEB-US-001', 'aws', 'us-east-1', 'web', 'online'),
  server('WEB-US-003', 'aws', 'us-east-1', 'web', 'offline'),
  server('DB-EU-002', 'aws', 'eu-west-1', 'database', 'critical'),
  server('BATCH-AP-001', 'aws', 'ap-northeast-2', 'batch', 'online'),
  server('ONPREM-DB-01', 'onprem', 'seoul-dc1', 'database', 'online'),
  server('ONPREM-FILE-01', 'onprem', 'seoul-dc1', 'file', 'warning'),
];

let service: CannedService;

beforeAll(async () => {
  // Answers GET /api/servers with its single-value filters applied, as the service does.
  service = await startCannedService(({ path, query }) => {
    if (path === '/api/series/labels') {
      return query.name === 'openmanager_service_up' && query.label === 'service'
        ? { body: { name: query.name, label: query.label, values: ['nginx.service', 'postfix.service'] } }
        : { status: 400, body: { error: { code: 'bad_request', message: `label: unknown ${query.label}` } } };
    }
    if (path !== '/api/servers') {
      return { status: 404, body: { error: { code: 'not_found', message: path } } };
    }
    const servers = FLEET.filter((s) =>
      (['provider', 'region', 'role', 'status'] as const).every((label) => !query[label] || s[label] === query[label])
    );
    return { body: { servers } };
  });
});

afterAll(() => service.close());

beforeEach(() => {
  service.requests.length = 0;
});

const texts = (values: Array<{ text: string }>) => values.map((v) => v.text);

describe('template variable queries', () => {
  const variables = [
    { name: 'provider', current: 'aws' },
    { name: 'providers', current: ['aws', 'onprem'] },
    { name: 'region', current: '$__all', options: ['us-east-1', 'eu-west-1', 'ap-northeast-2', 'seoul-dc1'] },
  ];

  it('lists providers, regions and roles as distinct sorted values', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });
    expect(texts(await ds.metricFindQuery({ refId: 'v', kind: 'providers' }))).toEqual(['aws', 'kubernetes', 'onprem']);
    expect(texts(await ds.metricFindQuery({ refId: 'v', kind: 'roles', provider: 'onprem' }))).toEqual([
      'database',
      'file',
    ]);
  });

  it('chains variables: regions of $provider, servers of $provider in $region', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });

    expect(texts(await ds.metricFindQuery({ refId: 'v', kind: 'regions', provider: '$provider' }))).toEqual([
      'ap-northeast-2',
      'eu-west-1',
      'us-east-1',
    ]);
    expect(service.requests[0].query).toEqual({ provider: 'aws' });

    expect(
      texts(await ds.metricFindQuery({ refId: 'v', kind: 'servers', provider: '$provider', region: '$region' }))
    ).toEqual(['BATCH-AP-001', 'DB-EU-002', 'WEB-US-001', 'WEB-US-003']);
  });

  it('filters several values of a multi-value variable itself and one value on the service', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });

    const values = await ds.metricFindQuery({ refId: 'v', kind: 'servers', provider: '$providers', role: 'database' });

    expect(texts(values)).toEqual(['DB-EU-002', 'ONPREM-DB-01']);
    expect(service.requests[0].query).toEqual({ role: 'database' });
  });

  it('filters servers by status and reads a query saved as a plain string', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });
    expect(texts(await ds.metricFindQuery({ refId: 'v', kind: 'servers', status: 'warning' }))).toEqual([
      'K8S-WORKER-03',
      'ONPREM-FILE-01',
    ]);
    expect(texts(await ds.metricFindQuery('providers'))).toEqual(['aws', 'kubernetes', 'onprem']);
  });

  it('lists the values a label takes on a labelled series, the series from a variable', async () => {
    const ds = createDataSource({
      serviceUrl: service.url,
      variables: [...variables, { name: 'series', current: 'openmanager_service_up' }],
    });

    const values = await ds.metricFindQuery({
      refId: 'v',
      kind: 'seriesLabelValues',
      series: '$series',
      label: 'service',
    });

    expect(texts(values)).toEqual(['nginx.service', 'postfix.service']);
    expect(service.requests.map((r) => [r.path, r.query])).toEqual([
      ['/api/series/labels', { name: 'openmanager_service_up', label: 'service' }],
    ]);
  });

  it('asks for the series and label of a label values variable before calling the service', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });

    await expect(ds.metricFindQuery({ refId: 'v', kind: 'seriesLabelValues', label: 'service' })).rejects.toThrow(
      'A "Label values of a series" variable needs a series and a label.'
    );
    expect(service.requests).toHaveLength(0);
  });

  it('names an unknown kind', async () => {
    const ds = createDataSource({ serviceUrl: service.url, variables });
    await expect(ds.metricFindQuery({ refId: 'v', kind: 'clusters' as never })).rejects.toThrow(
      'Unknown variable query kind "clusters": use servers, providers, regions, roles.'
    );
  });
});

describe('ad hoc filters', () => {
  it('offers the server labels as keys', async () => {
    const ds = createDataSource({ serviceUrl: service.url });
    expect(texts(await ds.getTagKeys())).toEqual(['provider', 'region', 'role', 'status']);
  });

  it('offers the values of a key among the servers passing the other filters', async () => {
    const ds = createDataSource({ serviceUrl: service.url });
    expect(texts(await ds.getTagValues({ key: 'status', filters: [] }))).toEqual([
      'critical',
      'offline',
      'online',
      'warning',
    ]);
    expect(
      texts(
        await ds.getTagValues({
          key: 'region',
          filters: [
            { key: 'provider', operator: '=', value: 'aws' },
            { key: 'region', operator: '=', value: 'us-east-1' },
          ],
        })
      )
    ).toEqual(['ap-northeast-2', 'eu-west-1', 'us-east-1']);
  });

  it('refuses a key that is not a server label', async () => {
    const ds = createDataSource({ serviceUrl: service.url });
    await expect(ds.getTagValues({ key: 'cluster', filters: [] })).rejects.toThrow(
      'Ad hoc filter on "cluster" is not supported'
    );
  });
});
