/**
 * The one answer to "which servers?" for HTTP, MCP and the analysis: the inventory with its filters,
 * one server by id (exact, else the unique match ignoring case), and a server's series under the
 * shared limits (range, step in closed form, points per series).
 */
import {
  ALL_METRICS,
  type AdHocFilter,
  type MetricsAnswer,
  type MetricName,
  type Provider,
  type ServerDetail,
  type ServerStatus,
  type ServerView,
} from '@openmanager/contract';
import { matchServerId } from '../domain/server-scope';
import { effectiveStatus, type ServerRecord } from '../domain/server-state';
import { checkPoints, clampRange, stepFor, TimeRangeError, type QueryBudget } from '../limits';
import { PromError } from '../promql/errors';
import { matchesValue, newMatcher, type Matcher, type MatchType } from '../promql/matchers';
import { LRUCache } from 'lru-cache';
import type { LatestRead, LatestReader } from '../storage/latest-reader';
import type { Aggregation, MetricsStore, ServerFilter } from '../storage/metrics-store';
import { toSampleView, toServerView } from './views';

/** Points per series when no step is asked for. */
export const DEFAULT_POINTS = 1_000;
/** The range a series read covers when none is asked for: the last hour. */
export const DEFAULT_RANGE_MS = 3_600_000;
const MAX_RANGE_DAYS = 31;
const MAX_RANGE_MS = MAX_RANGE_DAYS * 86_400_000;

export interface ServerListFilter {
  provider?: Provider;
  region?: string;
  role?: string;
  status?: ServerStatus;
}

export interface SeriesRequest {
  fromMs?: number;
  toMs?: number;
  stepMs?: number;
  metrics?: readonly MetricName[];
  aggregation?: Aggregation;
}

/** No server answers to the id asked for (or several do, differing only in case). */
export class ServerNotFoundError extends Error {}

/** A filter that cannot be applied (a regular expression that does not compile). */
export class SelectionError extends Error {}

export interface Selection {
  servers: ServerRecord[];
  /** Ids asked for that name no server (or several, differing only in case). */
  unknown: string[];
}

/** What equality matchers on the server, provider, region and role labels narrow an inventory read to. */
export function matcherScope(matchers: readonly Matcher[]): ServerFilter {
  const filter: ServerFilter = {};
  for (const m of matchers) {
    if (m.type !== '=') continue;
    if (m.name === 'server') filter.ids = [m.value];
    if (m.name === 'provider' || m.name === 'region' || m.name === 'role') filter[m.name] = m.value;
  }
  return filter;
}

/**
 * A Grafana filter as a Prometheus matcher (its regex operators match the whole value, as Prometheus's do);
 * SelectionError, naming `what` is filtered, when the regular expression does not compile.
 */
export function selectionMatcher(what: string, name: string, operator: MatchType, value: string): Matcher {
  try {
    return newMatcher(name, operator, value);
  } catch (err) {
    if (err instanceof PromError)
      throw new SelectionError(`${what}: ${JSON.stringify(value)} is not a usable regular expression (${err.message})`);
    throw err;
  }
}

export interface ServerQueriesDeps {
  store: Pick<MetricsStore, 'listServers' | 'peekServer' | 'getServer' | 'read'>;
  reader: Pick<LatestReader, 'peek' | 'get'>;
  /** The last collection run's record of a server: answers while the database is away. */
  lastCollected: (id: string) => ServerRecord | undefined;
  collectIntervalMs: number;
  now: () => number;
}

/** What one() answered for a server, and from what: a cache hit of an unchanged server reuses the answer. */
interface DetailMemo {
  record: ServerRecord;
  latest: LatestRead | null;
  detail: Readonly<ServerDetail>;
}

export class ServerQueries {
  private readonly details = new LRUCache<string, DetailMemo>({ max: 20_000 });

  constructor(private readonly deps: ServerQueriesDeps) {}

  /** The stored records of the servers of a provider, region, role and exact ids (all when none is asked). */
  records(scope: ServerFilter = {}): Promise<ServerRecord[]> {
    return this.deps.store.listServers(scope);
  }

  /**
   * The servers `ids` name, each matched as record() matches it (none named = all), narrowed by the
   * filters on provider, region, role and status (=, !=, =~, !~).
   */
  async select(ids: readonly string[], filters: readonly AdHocFilter[] = []): Promise<Selection> {
    const matchers = filters.map((f) => selectionMatcher(`filter ${f.key}`, f.key, f.operator, f.value));
    // Named ids are matched against the whole inventory, so a filtered-out server is not reported unknown.
    const records = await this.records(ids.length > 0 ? {} : matcherScope(matchers));
    const unknown: string[] = [];
    let candidates = records;
    if (ids.length > 0) {
      const named = new Map<string, ServerRecord>();
      for (const id of ids) {
        const matches = matchServerId(records, id);
        if (matches.length === 1) named.set(matches[0].id, matches[0]);
        else if (!unknown.includes(id)) unknown.push(id);
      }
      candidates = [...named.values()];
    }
    const now = this.deps.now();
    const value = (r: ServerRecord, key: AdHocFilter['key']) =>
      key === 'status' ? effectiveStatus(r, now, this.deps.collectIntervalMs) : r[key];
    const servers = candidates.filter((r) => filters.every((f, i) => matchesValue(matchers[i], value(r, f.key))));
    return { servers, unknown };
  }

  /** The inventory with each server's status now, narrowed by the filter. */
  async list(filter: ServerListFilter = {}): Promise<ServerView[]> {
    const { status, ...scope } = filter;
    const now = this.deps.now();
    return (await this.records(scope))
      .map((r) => toServerView(r, now, this.deps.collectIntervalMs))
      .filter((s) => !status || s.status === status);
  }

  /** The stored record of the server `id` names; ServerNotFoundError when none (or several) do. */
  async record(id: string): Promise<ServerRecord> {
    let matches: ServerRecord[];
    try {
      const exact = await this.deps.store.getServer(id);
      matches = exact ? [exact] : matchServerId(await this.records(), id);
    } catch (err) {
      // The database is away: the last collection run still knows the server (its newest sample is cached).
      const collected = this.deps.lastCollected(id);
      if (!collected) throw err;
      matches = [collected];
    }
    if (matches.length === 1) return matches[0];
    const ambiguity =
      matches.length > 1 ? ` (it matches ${matches.map((r) => r.id).join(', ')} ignoring case; give one exactly)` : '';
    throw new ServerNotFoundError(`no server with id ${JSON.stringify(id)}${ambiguity}`);
  }

  /** One server with its newest sample (cache first) and where that sample came from. */
  async one(id: string): Promise<Readonly<ServerDetail>> {
    const held = this.peekOne(id);
    if (held) return held;
    const record = await this.record(id);
    return this.detail(record, await this.deps.reader.get(record.id));
  }

  /**
   * one() answered at once when this process holds both the server's record and its newest sample (the
   * id exact, the cache near); null when the answer takes a round-trip, or an error: then ask one().
   */
  peekOne(id: string): Readonly<ServerDetail> | null {
    const record = this.deps.store.peekServer(id);
    const latest = record && this.deps.reader.peek(record.id);
    return latest ? this.detail(record, latest) : null;
  }

  private detail(record: ServerRecord, latest: LatestRead | null): Readonly<ServerDetail> {
    const now = this.deps.now();
    const status = effectiveStatus(record, now, this.deps.collectIntervalMs);
    const known = this.details.get(record.id);
    if (
      known &&
      known.record === record &&
      known.latest?.sample === latest?.sample &&
      known.latest?.source === latest?.source &&
      known.detail.status === status
    )
      return known.detail;
    const detail = {
      ...toServerView(record, now, this.deps.collectIntervalMs),
      metrics: latest ? toSampleView(latest.sample) : null,
      source: latest?.source ?? null,
    };
    this.details.set(record.id, { record, latest, detail });
    return detail;
  }

  /**
   * A server's series over [from, to) (default the last hour, at most 31 days), one point per step:
   * the step asked for (refused past the points cap), else the smallest giving at most DEFAULT_POINTS;
   * from the rollups (and saying so) where the range is older than the raw samples.
   */
  async metrics(id: string, request: SeriesRequest, budget: QueryBudget): Promise<MetricsAnswer> {
    const record = await this.record(id);
    const now = this.deps.now();
    const askedTo = request.toMs ?? now;
    const { fromMs: from, toMs: to } = clampRange(request.fromMs ?? askedTo - DEFAULT_RANGE_MS, askedTo);
    if (to - from > MAX_RANGE_MS)
      throw new TimeRangeError(
        `from: the range may span at most ${MAX_RANGE_DAYS} days, this one spans ${Math.ceil((to - from) / 86_400_000)}`
      );
    const stepMs = request.stepMs ?? stepFor(from, to, DEFAULT_POINTS, this.deps.collectIntervalMs);
    const points = checkPoints(from, to, stepMs);
    const metrics = request.metrics ?? ALL_METRICS;
    const aggregation = request.aggregation ?? 'avg';
    budget.charge(points * metrics.length);
    const {
      series: [series],
      resolution,
    } = await this.deps.store.read(
      { serverIds: [record.id], metrics: [...metrics], fromMs: from, toMs: to, stepMs, aggregation },
      budget
    );
    return {
      id: record.id,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      stepSeconds: stepMs / 1000,
      aggregation,
      metrics: [...metrics],
      resolution,
      points: series.timestamps.map((t, i) => ({
        timestamp: new Date(t).toISOString(),
        ...Object.fromEntries(metrics.map((m) => [m, series.values[m]![i]])),
      })),
    };
  }
}
