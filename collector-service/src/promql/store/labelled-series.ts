/**
 * The labelled series (pods, services, volumes, application metrics) as Prometheus series: each keeps its
 * own labels and gains server, provider, region and role from the inventory.
 */
import { APP_SERIES_PREFIX, SERIES_NAMES, SERIES_SERVER_LABELS } from '@openmanager/contract';
import type { ServerRecord } from '../../domain/server-state';
import type { SeriesReader, SeriesSelector } from '../../storage/series/series-reader';
import { selectWithinBudget } from '../../storage/series/select-within-budget';
import type { QueryBudget } from '../../limits';
import { METRIC_NAME, type Labels } from '../labels';
import { matchesLabels, type Matcher } from '../matchers';
import type { SeriesSource } from '../eval/query-engine';
import type { StoredSeries } from '../eval/values';
import { serverLabels } from './series-targets';
import { matcherScope, type ServerQueries } from '../../servers/query';

const SERVER_LABELS: ReadonlySet<string> = new Set(SERIES_SERVER_LABELS);
const KNOWN_NAMES: ReadonlySet<string> = new Set(Object.values(SERIES_NAMES));

/** Whether a name can be a labelled series: selectors of the host metrics never reach the series store. */
export const isLabelledSeriesName = (name: string) => KNOWN_NAMES.has(name) || name.startsWith(APP_SERIES_PREFIX);

/** What the reader is asked for a matcher list: the name, the servers (all when unconstrained), exact own labels. */
interface Plan {
  name: SeriesSelector['name'];
  servers: Map<string, ServerRecord>;
  serverIds?: string[];
  labels: Record<string, string>;
}

/** A series' labels as PromQL sees them; the inventory's labels win over an own label of the same name. */
function promLabels(name: string, own: Record<string, string>, server: ServerRecord | undefined, serverId: string) {
  return { ...own, [METRIC_NAME]: name, ...(server ? serverLabels(server) : { server: serverId }) };
}

export class LabelledSeriesSource implements SeriesSource {
  constructor(
    private readonly series: SeriesReader,
    private readonly servers: Pick<ServerQueries, 'records'>
  ) {}

  private async plan(matchers: Matcher[]): Promise<Plan | null> {
    const nameMatchers = matchers.filter((m) => m.name === METRIC_NAME);
    const exactName = nameMatchers.find((m) => m.type === '=');
    if (exactName && !isLabelledSeriesName(exactName.value)) return null;
    const name = exactName
      ? exactName.value
      : (candidate: string) =>
          isLabelledSeriesName(candidate) && matchesLabels(nameMatchers, { [METRIC_NAME]: candidate });
    const inventory = await this.servers.records(matcherScope(matchers));
    const servers = new Map(inventory.map((s) => [s.id, s]));
    const serverMatchers = matchers.filter((m) => SERVER_LABELS.has(m.name));
    const serverIds =
      serverMatchers.length > 0
        ? inventory.filter((s) => matchesLabels(serverMatchers, serverLabels(s))).map((s) => s.id)
        : undefined;
    const labels: Record<string, string> = {};
    // An empty value also matches an absent label: only non-empty equalities narrow the read.
    for (const m of matchers)
      if (m.type === '=' && m.value !== '' && m.name !== METRIC_NAME && !SERVER_LABELS.has(m.name))
        labels[m.name] = m.value;
    return { name, servers, serverIds, labels };
  }

  /** Samples of the matching series with fromMs < time <= toMs, charged to the budget. */
  async select(matchers: Matcher[], fromMs: number, toMs: number, budget: QueryBudget): Promise<StoredSeries[]> {
    const plan = await this.plan(matchers);
    if (plan === null || plan.serverIds?.length === 0) return [];
    const read = await selectWithinBudget(
      this.series,
      { name: plan.name, serverIds: plan.serverIds, labels: plan.labels, fromMs: Math.floor(fromMs) + 1, toMs },
      budget
    );
    const out: StoredSeries[] = [];
    for (const s of read) {
      const labels = promLabels(s.name, s.labels, plan.servers.get(s.serverId), s.serverId);
      if (s.values.length > 0 && matchesLabels(matchers, labels))
        out.push({ labels, times: s.timestampsMs, values: s.values });
    }
    return out;
  }

  /**
   * Label sets of the series matching any matcher list (all series when none) seen since fromMs. Like
   * Prometheus's label endpoints, the span is coarse: a series counts when its newest sample is in or after it.
   */
  async seriesLabels(matcherSets: Matcher[][], budget: QueryBudget, fromMs?: number): Promise<Labels[]> {
    budget.checkDeadline();
    let latest;
    try {
      latest = await this.series.latest(undefined, fromMs ?? 0);
    } catch (err) {
      throw budget.explain(err);
    }
    budget.charge(latest.length);
    const servers = new Map((await this.servers.records()).map((s) => [s.id, s]));
    const sets = matcherSets.length > 0 ? matcherSets : [[]];
    const out: Labels[] = [];
    for (const sample of latest) {
      const labels = promLabels(sample.name, sample.labels, servers.get(sample.serverId), sample.serverId);
      if (isLabelledSeriesName(sample.name) && sets.some((matchers) => matchesLabels(matchers, labels)))
        out.push(labels);
    }
    return out;
  }
}
