/** GET /api/openapi.json: a valid OpenAPI 3 document that covers every route the app serves. */
import { validate } from '@readme/openapi-parser';
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; requestBody?: unknown; parameters?: { name: string }[] }>
  >;
}

describe('GET /api/openapi.json', () => {
  let service: RunningService;
  let doc: Document;

  beforeAll(async () => {
    service = await startTestService({ env: { API_KEYS: 'grafana:read:read-secret-0123456789' } });
    const res = await service.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Document;
  }, 60_000);
  afterAll(() => service.close());

  test('is served without a key and is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(doc) as never);
    expect(result).toMatchObject({ valid: true });
  });

  test('documents every route the app registers, with its method', () => {
    // app.use() middleware shows up as method ALL; catch-alls (`/prometheus/*`) answer 404 and are not API routes.
    const served = new Set(
      service.app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`)
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    );
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    expect(served.size).toBeGreaterThan(10);
  });

  test("describes requests from the contract's schemas: the ask body, the metrics parameters", () => {
    expect(JSON.stringify(doc.paths['/api/ask'].post.requestBody)).toContain('"question"');
    expect(doc.paths['/api/servers/{id}/metrics'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['id', 'from', 'to', 'step', 'metrics', 'aggregation'])
    );
    expect(doc.paths['/api/health'].get.security).toEqual([]);
  });
});
