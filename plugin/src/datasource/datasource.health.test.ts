import { CannedAnswer, CannedService, RecordedRequest, startCannedService } from '../testing/cannedService';
import { createDataSource } from '../testing/dataSourceFixture';

const HEALTHY = { status: 'ok', storage: { database: { ok: true }, cache: { ok: true } } };

let service: CannedService;

/** Health and status answers by path; status requires the key `good`, as the service would with API_KEYS set. */
function serviceAnswering(health: CannedAnswer) {
  return (request: RecordedRequest): CannedAnswer => {
    if (request.path === '/api/health') {
      return health;
    }
    if (request.path === '/api/status') {
      if (request.headers.authorization === 'Bearer good') {
        return { body: { mode: 'dummy', collectors: [] } };
      }
      if (request.headers.authorization === 'Bearer reader') {
        return { body: { caller: { key: 'grafana', role: 'read' }, mode: 'dummy', collectors: [] } };
      }
      if (request.headers.authorization === 'Bearer admin') {
        return { body: { caller: { key: 'ops', role: 'admin' }, mode: 'dummy', collectors: [] } };
      }
      return { status: 401, body: { error: { code: 'unauthorized', message: 'invalid API key' } } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: request.path } } };
  };
}

beforeAll(async () => {
  service = await startCannedService(serviceAnswering({ body: HEALTHY }));
});

afterAll(() => service.close());

describe('DataSource.testDatasource ("Save & test")', () => {
  it('succeeds when the service is up, the key is accepted and storage is healthy', async () => {
    service.answerWith(serviceAnswering({ body: HEALTHY }));
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'good' }).testDatasource();
    expect(result).toEqual({
      status: 'success',
      message: 'OpenManager is reachable, the API key is accepted and storage is healthy.',
    });
  });

  it("names the key's role when the service reports it", async () => {
    service.answerWith(serviceAnswering({ body: HEALTHY }));
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'reader' }).testDatasource();
    expect(result).toEqual({
      status: 'success',
      message: 'OpenManager is reachable, the API key (role: read) is accepted and storage is healthy.',
    });
  });

  it('warns when the key has the admin role: more than a data source needs', async () => {
    service.answerWith(serviceAnswering({ body: HEALTHY }));
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'admin' }).testDatasource();
    expect(result.status).toBe('warning');
    expect(result.message).toContain('the API key has the admin role');
    expect(result.message).toContain('store a read key');
  });

  it('says the key was rejected', async () => {
    service.answerWith(serviceAnswering({ body: HEALTHY }));
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'bad' }).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('rejected the API key');
  });

  it('says storage is unhealthy, with what the service reported, when health is degraded (503)', async () => {
    service.answerWith(
      serviceAnswering({
        status: 503,
        body: {
          status: 'degraded',
          storage: { database: { ok: false, error: 'connect ECONNREFUSED 10.0.0.5:5432' }, cache: { ok: true } },
        },
      })
    );
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'good' }).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('reachable but its storage is unhealthy (status "degraded")');
    expect(result.message).toContain('database.ok: false');
    expect(result.message).toContain('database.error: connect ECONNREFUSED 10.0.0.5:5432');
  });

  it('says storage is unhealthy when a degraded health answers 200', async () => {
    service.answerWith(serviceAnswering({ body: { status: 'degraded', storage: { cache: { ok: false } } } }));
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'good' }).testDatasource();
    expect(result.message).toContain('storage is unhealthy');
    expect(result.message).toContain('cache.ok: false');
  });

  it('says the service cannot be reached', async () => {
    const gone = await startCannedService(() => ({ body: {} }));
    await gone.close();
    const result = await createDataSource({ serviceUrl: gone.url, apiKey: 'good' }).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain(`Cannot reach the OpenManager service at ${gone.url}`);
  });

  it('says when the URL answers but is not an OpenManager service', async () => {
    service.answerWith(() => ({ body: ['not', 'a', 'health', 'answer'] }));
    const result = await createDataSource({ serviceUrl: service.url, apiKey: 'good' }).testDatasource();
    expect(result).toEqual({
      status: 'error',
      message: 'The URL answered /api/health, but not as an OpenManager service would.',
    });
  });
});
