/**
 * Answers POST /api/query: each target resolved to servers, read from the store (series downsampled
 * in SQL to at most maxDataPoints) or the read path (latest values), turned into data frames.
 * Nothing is silent: unknown servers, offline ones, cache misses, limits and failing collectors
 * travel as frame notices; a bad target answers an error while the others still answer.
 */
import { describeIssue } from '@openmanager/contract';
import {
  queryTarget,
  type DataFrameJson,
  type FrameNotice,
  type QueryAnswer,
  type QueryRequest,
  type QueryTarget,
  type TargetResult,
} from '@openmanager/contract';
import type { CollectorStatus } from '../collection/collector-status';
import { effectiveStatus } from '../domain/server-state';
import type { LatestReader } from '../storage/latest-reader';
import type { MetricsStore } from '../storage/metrics-store';
import { SelectionError, type ServerQueries } from '../servers/query';
import { latestTable, noticeFrame, seriesFrame, serverTable } from './frames';
import { runSeriesTarget } from './series-query';
import type { SeriesReader } from '../storage/series/series-reader';
import { bucketCount, clampRange, stepFor, TimeRangeError, type QueryBudget } from '../limits';

/** Series one target may return; past it the answer says what was left out. */
export const MAX_SERIES_PER_TARGET = 500;

export interface QueryDeps {
  store: MetricsStore;
  servers: Pick<ServerQueries, 'select'>;
  reader: LatestReader;
  /** The labelled series, for `series` targets. */
  series: SeriesReader;
  collectorStatuses: () => CollectorStatus[];
  collectIntervalMs: number;
  now: () => number;
}

const RESOLUTION_NAMES = { '5m': '5-minute', '1h': '1-hour' } as const;

const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** Every target of the request shares `budget`: one samples budget and one deadline; a target over it fails the request (422). */
export async function executeQuery(request: QueryRequest, deps: QueryDeps, budget: QueryBudget): Promise<QueryAnswer> {
  const now = deps.now();
  const collectorNotices: FrameNotice[] = deps
    .collectorStatuses()
    .filter((s) => s.state === 'error')
    .map((s) => ({
      severity: 'warning',
      text: `collector ${s.name} failed on its last run (${s.lastError}); data may be incomplete`,
    }));

  const results: Record<string, TargetResult> = {};
  await Promise.all(
    request.targets.map(async (raw, index) => {
      const refId =
        typeof (raw as { refId?: unknown })?.refId === 'string' ? (raw as { refId: string }).refId : `#${index}`;
      const parsed = queryTarget.safeParse(raw);
      if (!parsed.success) {
        results[refId] = { error: `targets[${index}].${describeIssue(parsed.error)}`, status: 400 };
        return;
      }
      if (parsed.data.hide) return;
      if (parsed.data.queryType === 'series' && !parsed.data.series) {
        results[refId] = {
          error: `targets[${index}].series: expected a series name (such as openmanager_service_up) for queryType series`,
          status: 400,
        };
        return;
      }
      try {
        results[refId] = {
          frames: await runTarget(parsed.data, request, collectorNotices, deps, now, budget),
        };
      } catch (err) {
        if (err instanceof SelectionError) results[refId] = { error: err.message, status: 400 };
        else throw err;
      }
    })
  );
  return { results };
}

async function runTarget(
  target: QueryTarget,
  request: QueryRequest,
  collectorNotices: FrameNotice[],
  deps: QueryDeps,
  now: number,
  budget: QueryBudget
): Promise<DataFrameJson[]> {
  const { servers, unknown } = await deps.servers.select(target.servers, request.filters);
  const notices: FrameNotice[] = [...collectorNotices];
  if (unknown.length > 0)
    notices.push({ severity: 'warning', text: `unknown servers left out: ${unknown.join(', ')}` });

  if (target.queryType === 'servers')
    return [withNotices(serverTable(target.refId, servers, now, deps.collectIntervalMs), notices)];
  if (servers.length === 0) {
    return [
      noticeFrame(target.refId, [
        ...notices,
        { severity: 'warning', text: 'no server matches this query and its filters' },
      ]),
    ];
  }

  if (target.queryType === 'latest') {
    const reads = await deps.reader.getMany(servers.map((s) => s.id));
    const fromDatabase = [...reads.values()].filter((r) => r.source === 'database').length;
    if (fromDatabase > 0)
      notices.push({
        severity: 'info',
        text: `${fromDatabase} of ${servers.length} values came from the database (cache miss)`,
      });
    const offline = servers.filter((s) => effectiveStatus(s, now, deps.collectIntervalMs) === 'offline');
    if (offline.length > 0)
      notices.push({ severity: 'warning', text: `stale values, offline: ${offline.map((s) => s.id).join(', ')}` });
    return [latestTable(target.refId, servers, reads, target.metrics, now, deps.collectIntervalMs, notices)];
  }

  let range;
  try {
    range = clampRange(request.range.from, request.range.to);
  } catch (err) {
    if (err instanceof TimeRangeError)
      return [noticeFrame(target.refId, [{ severity: 'error', text: `range: ${err.message}` }])];
    throw err;
  }
  if (target.queryType === 'series') {
    return runSeriesTarget(
      {
        target: { ...target, series: target.series! },
        servers,
        all: target.servers.length === 0 && request.filters.length === 0,
        range,
        maxDataPoints: request.maxDataPoints,
        intervalMs: request.intervalMs,
        maxSeries: MAX_SERIES_PER_TARGET,
      },
      deps.series,
      budget,
      notices
    );
  }
  const { fromMs: from, toMs: to } = range;
  const perServer = target.metrics.length;
  const maxServers = Math.max(1, Math.floor(MAX_SERIES_PER_TARGET / perServer));
  const shown = servers.slice(0, maxServers);
  if (shown.length < servers.length) {
    notices.push({
      severity: 'warning',
      text: `limit reached: ${shown.length * perServer} of ${servers.length * perServer} series shown (at most ${MAX_SERIES_PER_TARGET} per query); narrow the servers or filters`,
    });
  }
  const stepMs = stepFor(from, to, request.maxDataPoints, request.intervalMs);
  // Charged before loading: at most one point per bucket of every series shown.
  budget.charge(shown.length * perServer * bucketCount(from, to, stepMs));
  const { series, resolution } = await deps.store.read(
    {
      serverIds: shown.map((s) => s.id),
      metrics: target.metrics,
      fromMs: from,
      toMs: to,
      stepMs,
      aggregation: target.aggregation,
    },
    budget
  );
  if (resolution !== 'raw')
    notices.push({
      severity: 'info',
      text: `older than the raw retention: answered from ${RESOLUTION_NAMES[resolution]} rollups`,
    });
  const byId = new Map(shown.map((s) => [s.id, s]));
  const frames: DataFrameJson[] = [];
  for (const set of series) {
    const record = byId.get(set.serverId)!;
    const own: FrameNotice[] = [];
    if (effectiveStatus(record, now, deps.collectIntervalMs) === 'offline') {
      const last = record.lastSeenAt ? `newest sample at ${time(record.lastSeenAt.getTime())} UTC` : 'no sample yet';
      own.push({ severity: 'warning', text: `${record.id} is offline (${last}); its series stops there` });
    }
    for (const metric of target.metrics) {
      const first = frames.length === 0 ? notices : [];
      frames.push(
        seriesFrame(target.refId, record, metric, set.timestamps, set.values[metric]!, target.alias, [...first, ...own])
      );
    }
  }
  if (series.every((s) => s.timestamps.length === 0)) {
    frames.unshift(
      noticeFrame(target.refId, [
        {
          severity: 'info',
          text: `no samples between ${new Date(from).toISOString()} and ${new Date(to).toISOString()}`,
        },
      ])
    );
  }
  return frames;
}

function withNotices(frame: DataFrameJson, notices: FrameNotice[]): DataFrameJson {
  if (notices.length === 0) return frame;
  return {
    ...frame,
    schema: {
      ...frame.schema,
      meta: { ...frame.schema.meta, notices: [...(frame.schema.meta?.notices ?? []), ...notices] },
    },
  };
}
