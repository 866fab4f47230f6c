/** The published OpenAPI document and the collector's validation describe the same API. */
import type { ZodType } from 'zod';
import {
  appMetricEntrySchema,
  serviceEntrySchema,
  volumeEntrySchema,
} from '../../../src/collectors/custom-api/host-report-entries';
import {
  serverEntrySchema,
  serverListSchema,
  serverMetricsSchema,
  serverStatusSchema,
} from '../../../src/collectors/custom-api/onprem-api-schema';
import { documentValidator, loadOnpremDocument, resolvedSchema } from '../support/onprem-openapi';

const document = loadOnpremDocument();

const metrics = {
  server_id: 'ONPREM-WEB-01',
  timestamp: '2026-11-26T09:00:00.000Z',
  cpu_usage: 12.5,
  memory_usage: 40,
  disk_usage: null,
  network_in_bytes: 1024,
  network_out_bytes: 0,
  load_1m: 0.4,
  uptime_seconds: 86_400,
};

test('is OpenAPI 3.1 with the three GET routes behind a bearer key', () => {
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths).sort()).toEqual([
    '/api/servers',
    '/api/servers/{id}/metrics',
    '/api/servers/{id}/status',
  ]);
  for (const operations of Object.values(document.paths)) expect(Object.keys(operations)).toEqual(['get']);
  expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  expect(document.security).toEqual([{ bearer: [] }]);
});

test.each([
  ['ServerMetrics', serverMetricsSchema],
  ['ServerStatus', serverStatusSchema],
  ['ServerEntry', serverEntrySchema],
  ['ServiceEntry', serviceEntrySchema],
  ['VolumeEntry', volumeEntrySchema],
  ['AppMetricEntry', appMetricEntrySchema],
])('%s lists the same fields, and requires the same ones, as the collector', (name, schema) => {
  const documented = resolvedSchema(document, name) as { properties: object; required: string[] };
  const fields = Object.keys(schema.shape).sort();
  expect(Object.keys(documented.properties).sort()).toEqual(fields);
  const shape = schema.shape as Record<string, ZodType>;
  expect([...documented.required].sort()).toEqual(fields.filter((f) => !shape[f].safeParse(undefined).success));
});

test.each([
  ['a full reading', 'ServerMetrics', metrics, true],
  [
    'all readings null',
    'ServerMetrics',
    { ...metrics, cpu_usage: null, memory_usage: null, load_1m: null, uptime_seconds: null },
    true,
  ],
  ['cpu above 100 %', 'ServerMetrics', { ...metrics, cpu_usage: 150 }, false],
  ['memory as a string', 'ServerMetrics', { ...metrics, memory_usage: '40' }, false],
  ['a missing field', 'ServerMetrics', (({ disk_usage: _d, ...rest }) => rest)(metrics), false],
  ['a timestamp that is not ISO-8601', 'ServerMetrics', { ...metrics, timestamp: 'yesterday' }, false],
  ['negative traffic', 'ServerMetrics', { ...metrics, network_in_bytes: -1 }, false],
  ['a status', 'ServerStatus', { server_id: 'a', online: false, checked_at: '2026-11-26T09:00:00Z' }, true],
  ['online as a string', 'ServerStatus', { server_id: 'a', online: 'yes', checked_at: '2026-11-26T09:00:00Z' }, false],
  [
    'an inventory',
    'ServerList',
    { servers: [{ id: 'a', region: 'seoul-dc1', role: 'web', labels: { rack: '4' } }] },
    true,
  ],
  ['an entry without a role', 'ServerList', { servers: [{ id: 'a', region: 'seoul-dc1' }] }, false],
  ['an empty id', 'ServerList', { servers: [{ id: '', region: 'seoul-dc1', role: 'web' }] }, false],
  [
    'services, volumes and application metrics',
    'ServerMetrics',
    {
      ...metrics,
      services: [
        { name: 'postfix.service', state: 'failed', since: '2026-11-26T07:00:00Z' },
        { name: 'W3SVC', state: 'active' },
        { name: 'cron.service', state: 'inactive', since: null },
      ],
      volumes: [{ name: 'sda', read_bytes_per_second: 4096, write_bytes_per_second: 0 }],
      app_metrics: [
        { name: 'http_requests_total', labels: { code: '200', method: 'GET' }, value: 1027 },
        { name: 'queue:depth', value: -1 },
      ],
    },
    true,
  ],
  ['a service state systemd does not have', 'ServiceEntry', { name: 'x.service', state: 'running' }, false],
  ['a service name with a newline', 'ServiceEntry', { name: 'x\n.service', state: 'active' }, false],
  ['a service since that is not a date', 'ServiceEntry', { name: 'x', state: 'active', since: 'boot' }, false],
  ['negative disk reads', 'VolumeEntry', { name: 'sda', read_bytes_per_second: -1, write_bytes_per_second: 0 }, false],
  ['a volume without writes', 'VolumeEntry', { name: 'sda', read_bytes_per_second: 1 }, false],
  ['a metric name with a dash', 'AppMetricEntry', { name: 'http-requests', value: 1 }, false],
  ['a metric name starting with a digit', 'AppMetricEntry', { name: '1xx_total', value: 1 }, false],
  ['a label name with a dot', 'AppMetricEntry', { name: 'up', labels: { 'app.kubernetes': 'x' }, value: 1 }, false],
  ['a reserved __ label', 'AppMetricEntry', { name: 'up', labels: { __name__: 'x' }, value: 1 }, false],
  ["the server's own label", 'AppMetricEntry', { name: 'up', labels: { server: 'x' }, value: 1 }, false],
  ['a label named like a server label', 'AppMetricEntry', { name: 'up', labels: { servers: 'x' }, value: 1 }, true],
  ['a value as a string', 'AppMetricEntry', { name: 'up', value: '1' }, false],
])('%s: the document and the collector agree', (_case, name, value, valid) => {
  const collectorSchema = {
    ServerMetrics: serverMetricsSchema,
    ServerStatus: serverStatusSchema,
    ServerList: serverListSchema,
    ServiceEntry: serviceEntrySchema,
    VolumeEntry: volumeEntrySchema,
    AppMetricEntry: appMetricEntrySchema,
  }[name]!;
  expect(documentValidator(document, name)(value)).toBe(valid);
  expect(collectorSchema.safeParse(value).success).toBe(valid);
});
