/** Which instances publish CloudWatch agent memory/disk metrics, with the exact dimensions to ask for. */
import { ListMetricsCommand, type CloudWatchClient, type Dimension } from '@aws-sdk/client-cloudwatch';
import { callAws } from './aws-errors';

export const AGENT_NAMESPACE = 'CWAgent';
export const MEMORY_METRIC = 'mem_used_percent';
export const DISK_METRIC = 'disk_used_percent';

/** Dimensions of an instance's agent metrics; absent when the instance does not publish it. */
export interface AgentMetrics {
  memory?: Dimension[];
  /** The root filesystem (`path` = `/`). */
  disk?: Dimension[];
}

/**
 * GetMetricData only matches a metric by its full dimension set, and the agent's set depends on its
 * configuration (InstanceId, ImageId, InstanceType, device, fstype, path, ...), so the sets are listed
 * rather than guessed. Metrics without data in the last 3 hours are left out by CloudWatch.
 */
export async function listAgentMetrics(
  client: CloudWatchClient,
  region: string,
  signal: AbortSignal
): Promise<Map<string, AgentMetrics>> {
  const [memory, disk] = await Promise.all([
    listDimensionSets(client, region, MEMORY_METRIC, signal),
    listDimensionSets(client, region, DISK_METRIC, signal),
  ]);
  const byInstance = new Map<string, AgentMetrics>();
  const entry = (id: string) => byInstance.get(id) ?? byInstance.set(id, {}).get(id)!;
  for (const [id, sets] of groupByInstance(memory)) entry(id).memory = simplest(sets);
  for (const [id, sets] of groupByInstance(disk.filter((set) => valueOf(set, 'path') === '/')))
    entry(id).disk = simplest(sets);
  return byInstance;
}

async function listDimensionSets(
  client: CloudWatchClient,
  region: string,
  metricName: string,
  signal: AbortSignal
): Promise<Dimension[][]> {
  const sets: Dimension[][] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('CloudWatch ListMetrics', region, () =>
      client.send(
        new ListMetricsCommand({
          Namespace: AGENT_NAMESPACE,
          MetricName: metricName,
          Dimensions: [{ Name: 'InstanceId' }],
          RecentlyActive: 'PT3H',
          NextToken: nextToken,
        }),
        { abortSignal: signal }
      )
    );
    for (const metric of page.Metrics ?? []) sets.push(metric.Dimensions ?? []);
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return sets;
}

function valueOf(dimensions: Dimension[], name: string): string | undefined {
  return dimensions.find((d) => d.Name === name)?.Value;
}

function groupByInstance(sets: Dimension[][]): Map<string, Dimension[][]> {
  const groups = new Map<string, Dimension[][]>();
  for (const set of sets) {
    const id = valueOf(set, 'InstanceId');
    if (id) groups.set(id, [...(groups.get(id) ?? []), set]);
  }
  return groups;
}

/** The set with the fewest dimensions, ties broken by their text, so the same metric is chosen every run. */
function simplest(sets: Dimension[][]): Dimension[] {
  const key = (set: Dimension[]) =>
    set
      .map((d) => `${d.Name}=${d.Value}`)
      .sort()
      .join(',');
  return [...sets].sort((a, b) => a.length - b.length || key(a).localeCompare(key(b)))[0];
}
