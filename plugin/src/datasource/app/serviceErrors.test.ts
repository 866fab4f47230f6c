import { EmptyError } from 'rxjs';

import { ServiceError, ServiceErrorKind, toServiceError } from './serviceErrors';

const URL = 'http://collector-service:8787';

function fetchError(status: number, data: unknown, statusText = '') {
  return { status, statusText, data, config: { url: '/api/datasources/proxy/uid/openmanager/api/query' } };
}

describe('toServiceError', () => {
  it.each<[string, unknown, ServiceErrorKind, string[]]>([
    [
      "the service's 401 as Grafana's proxy turns it into 400",
      fetchError(400, 'Authentication to data source failed', 'Bad Request'),
      'unauthorized',
      ['rejected the API key', 'API key'],
    ],
    [
      'a 403 from the service',
      fetchError(403, { error: { code: 'forbidden', message: 'key lacks the admin role' } }),
      'unauthorized',
      ['rejected the API key (HTTP 403: forbidden: key lacks the admin role)'],
    ],
    ['a plain 401', fetchError(401, ''), 'unauthorized', ['HTTP 401']],
    [
      "the proxy's 502 when the service is down",
      fetchError(502, '', 'Bad Gateway'),
      'unreachable',
      [`Cannot reach the OpenManager service at ${URL}`, 'HTTP 502', 'Service URL'],
    ],
    ['no HTTP answer at all', fetchError(0, undefined), 'unreachable', [`at ${URL}`]],
    [
      "the service's error body",
      fetchError(500, { error: { code: 'storage_unavailable', message: 'database is down' } }),
      'service',
      ['HTTP 500: storage_unavailable: database is down'],
    ],
    [
      "Grafana's own message",
      fetchError(400, { message: 'Data proxy hostname not allowed' }),
      'service',
      ['HTTP 400: Data proxy hostname not allowed'],
    ],
    ['a thrown TypeError', new TypeError('Failed to fetch'), 'unreachable', ['Failed to fetch']],
  ])('maps %s', (_, err, kind, fragments) => {
    const mapped = toServiceError(err, URL);
    expect(mapped).toBeInstanceOf(ServiceError);
    expect(mapped.kind).toBe(kind);
    for (const fragment of fragments) {
      expect(mapped.message).toContain(fragment);
    }
  });

  it('does not take an ordinary 400 of the service for a key problem', () => {
    const mapped = toServiceError(
      fetchError(400, { error: { code: 'bad_request', message: 'unknown metric "gpu"' } }),
      URL
    );
    expect(mapped.kind).toBe('service');
    expect(mapped.message).toContain('unknown metric "gpu"');
  });

  it('keeps the body so a degraded health answer can still be read', () => {
    const body = { status: 'degraded', storage: { database: { ok: false } } };
    expect(toServiceError(fetchError(503, body), URL).body).toEqual(body);
  });

  it('recognises a request replaced by a newer one', () => {
    expect(toServiceError(new EmptyError(), URL).kind).toBe('cancelled');
    expect(toServiceError({ ...fetchError(-1, undefined), cancelled: true }, URL).kind).toBe('cancelled');
  });
});
