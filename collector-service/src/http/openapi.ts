/**
 * GET /api/openapi.json: an OpenAPI 3.1 document generated from the contract's zod schemas. The route table
 * below names every route the app serves (a test walks the app's routes and fails on one missing here).
 */
import { apiAlertSchema } from '../alerts/alert-views';
import { z } from 'zod';
import {
  annotationsAnswer,
  annotationsQuery,
  apiErrorBody,
  askAnswer,
  askRequest,
  metricsAnswer,
  metricsQuery,
  queryAnswer,
  queryRequest,
  queryTarget,
  serverDetail,
  serverListAnswer,
  serverListQuery,
  seriesLabelsAnswer,
  seriesLabelsQuery,
  seriesNamesAnswer,
} from '@openmanager/contract';

type Method = 'get' | 'post' | 'delete';
type Auth = 'none' | 'read' | 'admin';

export interface RouteDoc {
  method: Method;
  /** Hono's spelling: `/api/servers/:id`. */
  path: string;
  auth: Auth;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The 2xx answer; omitted for answers outside the contract (a JSON object). */
  answer?: z.ZodType;
}

const jsonObject = z.object({}).catchall(z.unknown());
/** Parameters that depend on the clock are shown as at time 0: the schema, not the values, matters here. */
const AT = 0;
const PROM = '/prometheus/api/v1';
const promQuery = z
  .object({})
  .catchall(z.string())
  .describe("Prometheus's parameters (query, time, start, end, step, match[], ...)");
const promAnswer = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  error: z.string().optional(),
  errorType: z.string().optional(),
});

/** Every route the app serves. A new route must be added here too (test/http/openapi.test.ts checks). */
export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    auth: 'none',
    summary: 'Liveness and storage state (503 without the database)',
    answer: jsonObject,
  },
  {
    method: 'get',
    path: '/api/status',
    auth: 'read',
    summary: 'Collectors, storage and cache state',
    answer: jsonObject,
  },
  { method: 'get', path: '/api/openapi.json', auth: 'none', summary: 'This document', answer: jsonObject },
  {
    method: 'get',
    path: '/api/servers',
    auth: 'read',
    summary: 'The inventory, filtered by provider, region, role, status',
    query: serverListQuery,
    answer: serverListAnswer,
  },
  {
    method: 'get',
    path: '/api/servers/:id',
    auth: 'read',
    summary: 'One server with its newest sample',
    answer: serverDetail,
  },
  {
    method: 'get',
    path: '/api/servers/:id/metrics',
    auth: 'read',
    summary: "One server's downsampled series",
    query: metricsQuery(AT),
    answer: metricsAnswer,
  },
  {
    method: 'post',
    path: '/api/query',
    auth: 'read',
    summary: 'Grafana data source query: data frames per target',
    body: queryRequest(AT).extend({ targets: z.array(queryTarget).min(1).max(50) }),
    answer: queryAnswer,
  },
  {
    method: 'get',
    path: '/api/series',
    auth: 'read',
    summary: 'Names of the labelled series stored (pods, services, volumes, application metrics)',
    answer: seriesNamesAnswer,
  },
  {
    method: 'get',
    path: '/api/series/labels',
    auth: 'read',
    summary: 'The values one label takes on one labelled series (template variables)',
    query: seriesLabelsQuery,
    answer: seriesLabelsAnswer,
  },
  {
    method: 'get',
    path: '/api/annotations',
    auth: 'read',
    summary: 'Threshold breaches and anomalies in a range',
    query: annotationsQuery(AT),
    answer: annotationsAnswer,
  },
  {
    method: 'post',
    path: '/api/ask',
    auth: 'read',
    summary: 'A question about the fleet, in Korean or English, answered from the data',
    body: askRequest(AT),
    answer: askAnswer,
  },
  {
    method: 'post',
    path: '/mcp',
    auth: 'read',
    summary: 'MCP streamable HTTP endpoint (stateless JSON-RPC)',
    body: jsonObject,
    answer: jsonObject,
  },
  { method: 'get', path: '/mcp', auth: 'read', summary: 'Not allowed (405): the MCP endpoint is stateless' },
  { method: 'delete', path: '/mcp', auth: 'read', summary: 'Not allowed (405): the MCP endpoint is stateless' },
  {
    method: 'post',
    path: '/api/admin/collect',
    auth: 'admin',
    summary: 'Run a collection now (409 when one is running)',
    answer: jsonObject,
  },
  {
    method: 'post',
    path: '/api/admin/maintenance',
    auth: 'admin',
    summary: 'Run partition maintenance now',
    answer: jsonObject,
  },
  {
    method: 'get',
    path: '/api/alerts',
    auth: 'read',
    summary: "Pending and firing alerts, each with the analysis engine's explanation",
    answer: z.object({ alerts: z.array(apiAlertSchema) }).catchall(z.unknown()),
  },
  {
    method: 'get',
    path: '/metrics',
    auth: 'read',
    summary: "The service's own metrics in Prometheus's text exposition format (open when keys are off)",
  },
  ...(['rules', 'alerts'] as const).map((name): RouteDoc => ({
    method: 'get',
    path: `${PROM}/${name}`,
    auth: 'read',
    summary: `Prometheus HTTP API: ${name} (the service's alert rules and their state)`,
    answer: promAnswer,
  })),
  ...(['query', 'query_range', 'query_exemplars', 'labels', 'series'] as const).flatMap((name) =>
    (['get', 'post'] as const).map((method): RouteDoc => ({
      method,
      path: `${PROM}/${name}`,
      auth: 'read',
      summary: `Prometheus HTTP API: ${name}`,
      query: promQuery,
      answer: promAnswer,
    }))
  ),
  ...['label/:name/values', 'metadata', 'status/buildinfo'].map((name): RouteDoc => ({
    method: 'get',
    path: `${PROM}/${name}`,
    auth: 'read',
    summary: `Prometheus HTTP API: ${name}`,
    query: promQuery,
    answer: promAnswer,
  })),
];

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

function operation(route: RouteDoc): JsonSchema {
  const parameters: JsonSchema[] = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) {
    const q = schemaOf(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
  }
  const error = {
    description: 'The error shape',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  const responses: JsonSchema = {
    '200': route.answer
      ? { description: 'OK', content: { 'application/json': { schema: schemaOf(route.answer, 'output') } } }
      : { description: 'No success answer' },
    '400': error,
    default: error,
  };
  if (route.auth !== 'none') responses['401'] = error;
  return {
    summary: route.summary,
    ...(route.auth === 'none' ? { security: [] } : { security: [{ apiKey: [] }], 'x-role': route.auth }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI document of `ROUTES`. */
export function openApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of ROUTES) (paths[toOpenApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenManager collector service',
      version,
      description: 'Server metrics, Grafana queries and answers to questions about them.',
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key with a read or admin role (x-role)' },
      },
      schemas: { Error: schemaOf(apiErrorBody, 'output') },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}
