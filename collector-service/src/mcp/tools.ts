/** The MCP tools: OpenManager's questions, inventory, series and anomalies for an AI assistant, over the same analysis as /api/ask. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { MAX_QUESTION_CHARS, type AskService } from '../analysis';
import { ALL_METRICS, type MetricsAnswer, type ServerDetail } from '@openmanager/contract';
import { parseInstant } from '@openmanager/contract';
import { METRIC_NAMES, PROVIDERS, SERVER_STATUSES } from '../domain/metrics';
import { apiAlerts } from '../alerts/alert-views';
import type { ServiceContext } from '../service-context';
import { toSampleView, toServerView } from '../servers/views';
import { clampRange, clampTime, LimitError, stepFor, TimeRangeError, type QueryBudget } from '../limits';

const instant = z
  .union([z.string(), z.number()])
  .describe('epoch milliseconds, ISO-8601, "now" or "now-<duration>" such as now-6h');
const metric = z.enum(METRIC_NAMES);
/** Points per series a query_metrics call returns at most. */
export const MAX_TOOL_POINTS = 1_000;
const DEFAULT_RANGE_MS = 3_600_000;

class ToolInputError extends Error {}

const json = (value: unknown, structured = true): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
  ...(structured ? { structuredContent: value as Record<string, unknown> } : {}),
});
const failure = (message: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text: message }] });

/** Runs a tool body; bad input becomes an error result naming the argument instead of a protocol error. */
async function guarded(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof ToolInputError || err instanceof TimeRangeError || err instanceof LimitError)
      return failure(err.message);
    throw err;
  }
}

function toMs(name: string, value: string | number | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseInstant(value, nowMs);
  if (ms === null)
    throw new ToolInputError(
      `${name}: expected epoch milliseconds, an ISO-8601 date or now-<duration>, got ${JSON.stringify(value)}`
    );
  return ms;
}

function rangeOf(from: string | number | undefined, to: string | number | undefined, nowMs: number) {
  const toMsValue = toMs('to', to, nowMs);
  const fromMsValue = toMs('from', from, nowMs);
  if (fromMsValue !== undefined && toMsValue !== undefined && fromMsValue >= toMsValue)
    throw new ToolInputError('from: must be before to');
  return { fromMs: clampTime(fromMsValue), toMs: clampTime(toMsValue) };
}

/** `budget` is the MCP request's: every tool call of the request shares its samples and deadline. */
export function registerTools(mcp: McpServer, service: AskService, ctx: ServiceContext, budget: QueryBudget): void {
  const view = (record: Parameters<typeof toServerView>[0]) =>
    toServerView(record, ctx.now(), ctx.config.collectIntervalMs);
  const resolveServer = async (id: string) => {
    const records = (await service.data.snapshot()).records;
    const record =
      records.find((r) => r.id === id) ?? records.find((r) => r.id.toLowerCase() === id.trim().toLowerCase());
    if (!record)
      throw new ToolInputError(`server: no server with id ${JSON.stringify(id)}; list_servers shows the ids`);
    return record;
  };

  mcp.registerTool(
    'ask',
    {
      title: 'Ask OpenManager',
      description:
        'Answer a question about the monitored servers in Korean or English (health, top usage, anomalies, forecasts, root cause, comparison, availability, metric values). Returns the answer with its severity and the findings it rests on.',
      inputSchema: {
        question: z.string().min(1).max(MAX_QUESTION_CHARS),
        from: instant.optional(),
        to: instant.optional(),
      },
    },
    ({ question, from, to }) =>
      guarded(async () => {
        const answer = await service.ask(question, rangeOf(from, to, ctx.now()));
        return {
          content: [{ type: 'text', text: answer.answer }],
          structuredContent: answer as unknown as Record<string, unknown>,
        };
      })
  );

  mcp.registerTool(
    'list_alerts',
    {
      title: 'List alerts',
      description:
        'The alerts firing and pending now (from the alert rules), each with its labels, summary and the explanation the analysis wrote (what is wrong, evidence, probable cause, forecast); optionally only those of one server or severity.',
      inputSchema: {
        server: z.string().optional(),
        severity: z.enum(['warning', 'critical']).optional(),
        state: z.enum(['pending', 'firing']).optional(),
      },
    },
    (filter) =>
      guarded(async () => {
        const alerts = apiAlerts(ctx.alerting).alerts.filter(
          (a) =>
            (!filter.server || a.server?.toLowerCase() === filter.server.trim().toLowerCase()) &&
            (!filter.severity || a.severity === filter.severity) &&
            (!filter.state || a.state === filter.state)
        );
        return json({ alerts, total: alerts.length });
      })
  );

  mcp.registerTool(
    'list_servers',
    {
      title: 'List servers',
      description:
        'The monitored servers with their current status, optionally filtered by provider, region, role or status.',
      inputSchema: {
        provider: z.enum(PROVIDERS).optional(),
        region: z.string().optional(),
        role: z.string().optional(),
        status: z.enum(SERVER_STATUSES).optional(),
      },
    },
    (filter) =>
      guarded(async () => {
        const servers = (await ctx.storage.store.listServers())
          .map(view)
          .filter(
            (s) =>
              (!filter.provider || s.provider === filter.provider) &&
              (!filter.region || s.region === filter.region) &&
              (!filter.role || s.role === filter.role) &&
              (!filter.status || s.status === filter.status)
          );
        return json({ servers, total: servers.length });
      })
  );

  mcp.registerTool(
    'get_server',
    {
      title: 'Get a server',
      description:
        'One server: its inventory entry, current status and newest sample (cpu, memory, disk in %, network in bytes/s, load, uptime).',
      inputSchema: { id: z.string().min(1) },
    },
    ({ id }) =>
      guarded(async () => {
        const record = await resolveServer(id);
        const latest = await ctx.storage.reader.get(record.id);
        const detail: ServerDetail = {
          ...view(record),
          metrics: latest ? toSampleView(latest.sample) : null,
          source: latest?.source ?? null,
        };
        return json(detail);
      })
  );

  mcp.registerTool(
    'query_metrics',
    {
      title: 'Query metrics',
      description: `A server's metrics over a time range (default the last hour), averaged (or min/max/p95) per step; at most ${MAX_TOOL_POINTS} points per series.`,
      inputSchema: {
        server: z.string().min(1),
        metrics: z.array(metric).min(1).optional(),
        from: instant.optional(),
        to: instant.optional(),
        stepSeconds: z.number().int().min(1).optional(),
        aggregation: z.enum(['avg', 'max', 'min', 'p95']).optional(),
      },
    },
    (args) =>
      guarded(async () => {
        const record = await resolveServer(args.server);
        const now = ctx.now();
        const range = rangeOf(args.from, args.to, now);
        const asked = { to: range.toMs ?? now, from: range.fromMs ?? (range.toMs ?? now) - DEFAULT_RANGE_MS };
        const { fromMs: from, toMs: to } = clampRange(asked.from, asked.to);
        const stepMs = stepFor(from, to, MAX_TOOL_POINTS, Math.min((args.stepSeconds ?? 0) * 1000, to - from));
        const metrics = args.metrics ?? ALL_METRICS;
        const aggregation = args.aggregation ?? 'avg';
        budget.charge(MAX_TOOL_POINTS * metrics.length);
        const {
          series: [series],
          resolution,
        } = await ctx.storage.store.read(
          { serverIds: [record.id], metrics, fromMs: from, toMs: to, stepMs, aggregation },
          budget
        );
        const answer: MetricsAnswer = {
          id: record.id,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          stepSeconds: stepMs / 1000,
          aggregation,
          metrics,
          resolution,
          points: series.timestamps.map((t, i) => ({
            timestamp: new Date(t).toISOString(),
            ...Object.fromEntries(metrics.map((m) => [m, series.values[m]![i]])),
          })),
        };
        return json(answer);
      })
  );

  mcp.registerTool(
    'detect_anomalies',
    {
      title: 'Detect anomalies',
      description:
        'Unusual behaviour in a time range (default the last hour): anomalies scored by the online detector, threshold crossings that came and went, steady rises of memory and disk, outages. Optionally for some servers and metrics.',
      inputSchema: {
        servers: z.array(z.string().min(1)).optional(),
        metrics: z.array(metric).optional(),
        from: instant.optional(),
        to: instant.optional(),
      },
    },
    (args) =>
      guarded(async () => {
        const servers = await Promise.all((args.servers ?? []).map(async (id) => (await resolveServer(id)).id));
        const answer = await service.analyzeScope(
          'anomalies',
          { servers, metrics: args.metrics ?? [] },
          rangeOf(args.from, args.to, ctx.now())
        );
        const { severity, answer: text, findings, range } = answer;
        return {
          content: [{ type: 'text', text }],
          structuredContent: { severity, answer: text, findings, range } as unknown as Record<string, unknown>,
        };
      })
  );
}
