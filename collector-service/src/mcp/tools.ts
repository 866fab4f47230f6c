/** The MCP tools: OpenManager's questions, inventory, series and anomalies for an AI assistant, over the same analysis as /api/ask. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { MAX_QUESTION_CHARS, type AskService } from '../analysis';
import { parseInstant, serverListQuery } from '@openmanager/contract';
import { METRIC_NAMES } from '../domain/metrics';
import { matchServerId } from '../domain/server-scope';
import { apiAlerts } from '../alerts/alert-views';
import type { ServiceContext } from '../service-context';
import { DEFAULT_POINTS, ServerNotFoundError } from '../servers/query';
import { clampTime, LimitError, MAX_POINTS_PER_SERIES, TimeRangeError, type QueryBudget } from '../limits';

const instant = z
  .union([z.string(), z.number()])
  .describe('epoch milliseconds, ISO-8601, "now" or "now-<duration>" such as now-6h');
const metric = z.enum(METRIC_NAMES);

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
    if (err instanceof ServerNotFoundError) return failure(`server: ${err.message}; list_servers shows the ids`);
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
        const all = apiAlerts(ctx.alerting).alerts;
        const alerted = [...new Set(all.flatMap((a) => (a.server === null ? [] : [a.server])))];
        const servers = filter.server
          ? new Set(
              matchServerId(
                alerted.map((id) => ({ id })),
                filter.server
              ).map((r) => r.id)
            )
          : null;
        const alerts = all.filter(
          (a) =>
            (!servers || (a.server !== null && servers.has(a.server))) &&
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
      inputSchema: serverListQuery.shape,
    },
    (filter) =>
      guarded(async () => {
        const servers = await ctx.servers.list(filter);
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
    ({ id }) => guarded(async () => json(await ctx.servers.one(id)))
  );

  mcp.registerTool(
    'query_metrics',
    {
      title: 'Query metrics',
      description: `A server's metrics over a time range (default the last hour), averaged (or min/max/p95) per step; ${DEFAULT_POINTS} points per series unless a step is given, at most ${MAX_POINTS_PER_SERIES}.`,
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
        const range = rangeOf(args.from, args.to, ctx.now());
        const answer = await ctx.servers.metrics(
          args.server,
          {
            ...range,
            stepMs: args.stepSeconds === undefined ? undefined : args.stepSeconds * 1000,
            metrics: args.metrics,
            aggregation: args.aggregation,
          },
          budget
        );
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
        const servers = await Promise.all((args.servers ?? []).map(async (id) => (await ctx.servers.record(id)).id));
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
