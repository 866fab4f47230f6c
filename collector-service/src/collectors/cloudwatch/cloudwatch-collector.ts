/**
 * AWS EC2 through CloudWatch: running instances of every configured region, their newest datapoints and
 * those of their EBS volumes in the same batched calls.
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import type { CollectionResult, MetricCollector } from '../../domain/collector';
import type { ServerInfo, ServerMetrics } from '../../domain/metrics';
import type { SeriesSample } from '../../domain/series';
import { statusFromThresholds, type Thresholds } from '../../domain/thresholds';
import { listAgentMetrics } from './agent-metrics';
import { describeRunningInstances, instanceInventory, serverIds, type Ec2Instance } from './ec2-inventory';
import { instanceRequests, readingsOf, type InstanceReading, type InstanceReadings } from './instance-readings';
import { newestDatapoints, type TimeWindow } from './metric-data';
import { volumeDatapoints, volumeRequests, volumeSeries, type VolumeDatapoints } from './volume-readings';

export interface CloudWatchCollectorOptions {
  /** One or more regions (AWS_REGION, comma-separated). Credentials come from the SDK's default chain. */
  regions: string[];
  thresholds: Thresholds;
  /** Statistics period in seconds: 300 suits basic monitoring (default), 60 detailed monitoring. */
  periodSeconds?: number;
  /**
   * GetMetricData is billed per metric asked for and EC2 data changes once a period, so datapoints are
   * re-read at most this often (default 60 000 ms); runs in between reuse them with a fresh timestamp.
   */
  refreshMs?: number;
  /** Attempts per AWS call, throttling retries included (the SDK's default is 3). */
  maxAttempts?: number;
  /** Limit of one HTTP request to AWS in ms; default 10 000. */
  requestTimeoutMs?: number;
  now?: () => number;
}

interface RegionClients {
  region: string;
  ec2: EC2Client;
  cloudwatch: CloudWatchClient;
}

interface RegionReadings {
  fetchedAt: number;
  byInstance: Map<string, InstanceReadings>;
  /** Each instance's EBS volumes, with their newest datapoints. */
  volumesByInstance: Map<string, VolumeDatapoints[]>;
}

/** How many periods back to look for the newest datapoint: EC2 publishes with a few minutes' delay. */
const LOOKBACK_PERIODS = 4;

export class CloudWatchCollector implements MetricCollector {
  readonly name = 'cloudwatch';
  private readonly clients: RegionClients[];
  private readonly periodSeconds: number;
  private readonly refreshMs: number;
  private readonly now: () => number;
  private readonly cache = new Map<string, RegionReadings>();

  constructor(private readonly options: CloudWatchCollectorOptions) {
    if (options.regions.length === 0)
      throw new Error('AWS_REGION expects at least one region, e.g. us-east-1,eu-west-1');
    this.periodSeconds = options.periodSeconds ?? 300;
    if (!Number.isInteger(this.periodSeconds) || this.periodSeconds <= 0 || this.periodSeconds % 60 !== 0) {
      throw new Error(`the CloudWatch period expects a positive multiple of 60 seconds, got ${this.periodSeconds}`);
    }
    this.refreshMs = options.refreshMs ?? 60_000;
    this.now = options.now ?? Date.now;
    const config = (region: string) => ({
      region,
      maxAttempts: options.maxAttempts,
      requestHandler: { requestTimeout: options.requestTimeoutMs ?? 10_000 },
    });
    this.clients = options.regions.map((region) => ({
      region,
      ec2: new EC2Client(config(region)),
      cloudwatch: new CloudWatchClient(config(region)),
    }));
  }

  async getServerList(): Promise<ServerInfo[]> {
    const instances = (
      await Promise.all(this.clients.map((c) => describeRunningInstances(c.ec2, c.region, neverAborted())))
    ).flat();
    return [...serverIds(instances)].map(([id, instance]) => instanceInventory(id, instance, this.name));
  }

  /** A server is online while its instance is running. */
  async isServerOnline(serverId: string): Promise<boolean> {
    return (await this.getServerList()).some((s) => s.id === serverId);
  }

  async collectMetrics(serverId: string): Promise<ServerMetrics | null> {
    const { samples } = await this.collectAll(neverAborted());
    return samples.find((s) => s.serverId === serverId) ?? null;
  }

  async collectAll(signal: AbortSignal): Promise<CollectionResult> {
    const now = this.now();
    const perRegion = await Promise.all(this.clients.map((clients) => this.collectRegion(clients, now, signal)));
    const readRegionOf = new Map(
      perRegion.flatMap(({ instances, readings }) => instances.map((i) => [i.instanceId, readings] as const))
    );
    const servers: ServerInfo[] = [];
    const samples: ServerMetrics[] = [];
    const series: SeriesSample[] = [];
    for (const [id, instance] of serverIds(perRegion.flatMap((r) => r.instances))) {
      const readings = readRegionOf.get(instance.instanceId)!;
      servers.push(instanceInventory(id, instance, this.name));
      samples.push(this.sample(id, instance, readings, now));
      const volumes = readings.volumesByInstance.get(instance.instanceId) ?? [];
      series.push(...volumeSeries(id, volumes, this.periodSeconds, new Date(now)));
    }
    return { servers, samples, unreachable: [], series };
  }

  private async collectRegion(
    clients: RegionClients,
    now: number,
    signal: AbortSignal
  ): Promise<{ instances: Ec2Instance[]; readings: RegionReadings }> {
    const instances = await describeRunningInstances(clients.ec2, clients.region, signal);
    const cached = this.cache.get(clients.region);
    // A new instance, or a volume attached or detached since, is read at once rather than at the next refresh.
    const fresh =
      cached &&
      now - cached.fetchedAt < this.refreshMs &&
      instances.every(
        (i) =>
          cached.byInstance.has(i.instanceId) &&
          sameVolumes(i.volumeIds, cached.volumesByInstance.get(i.instanceId) ?? [])
      );
    const readings = fresh ? cached : await this.readRegion(clients, instances, now, signal);
    this.cache.set(clients.region, readings);
    return { instances, readings };
  }

  private async readRegion(
    clients: RegionClients,
    instances: Ec2Instance[],
    now: number,
    signal: AbortSignal
  ): Promise<RegionReadings> {
    if (instances.length === 0) return { fetchedAt: now, byInstance: new Map(), volumesByInstance: new Map() };
    const agentMetrics = await listAgentMetrics(clients.cloudwatch, clients.region, signal);
    const plans = instances.map((instance) =>
      instanceRequests(instance.instanceId, agentMetrics.get(instance.instanceId) ?? {})
    );
    const volumePlans = instances.map((instance) => volumeRequests(instance.volumeIds));
    const periodMs = this.periodSeconds * 1000;
    // Ends at the last whole period, so the newest datapoint covers a full period (Sum / period is a true rate).
    const end = Math.floor(now / periodMs) * periodMs;
    const window: TimeWindow = {
      start: new Date(end - LOOKBACK_PERIODS * periodMs),
      end: new Date(end),
      periodSeconds: this.periodSeconds,
    };
    const datapoints = await newestDatapoints(
      clients.cloudwatch,
      clients.region,
      instances.flatMap((_, i) => [...plans[i].requests, ...volumePlans[i]]),
      window,
      signal
    );
    let offset = 0;
    const byInstance = new Map<string, InstanceReadings>();
    const volumesByInstance = new Map<string, VolumeDatapoints[]>();
    instances.forEach((instance, i) => {
      const count = plans[i].requests.length;
      byInstance.set(instance.instanceId, readingsOf(plans[i], datapoints.slice(offset, offset + count)));
      offset += count;
      const volumeCount = volumePlans[i].length;
      const answers = datapoints.slice(offset, offset + volumeCount);
      volumesByInstance.set(instance.instanceId, volumeDatapoints(instance.volumeIds, answers));
      offset += volumeCount;
    });
    return { fetchedAt: now, byInstance, volumesByInstance };
  }

  private sample(serverId: string, instance: Ec2Instance, region: RegionReadings, now: number): ServerMetrics {
    const readings = region.byInstance.get(instance.instanceId)!;
    const value = (reading: InstanceReading) => readings[reading]?.value ?? null;
    const perSecond = (reading: 'networkIn' | 'networkOut') => {
      const bytesInPeriod = value(reading);
      return bytesInPeriod === null ? null : bytesInPeriod / this.periodSeconds;
    };
    const sample: ServerMetrics = {
      serverId,
      timestamp: new Date(now),
      cpuUsage: value('cpu'),
      memoryUsage: value('memory'),
      diskUsage: value('disk'),
      networkInBytes: perSecond('networkIn'),
      networkOutBytes: perSecond('networkOut'),
      // CloudWatch has no load average; uptime is time since the instance last started.
      load1m: null,
      uptimeSeconds: instance.launchTime ? Math.max(0, (now - instance.launchTime.getTime()) / 1000) : null,
      status: 'online',
      rawData: {
        source: 'cloudwatch',
        region: instance.region,
        instanceId: instance.instanceId,
        periodSeconds: this.periodSeconds,
        readAt: new Date(region.fetchedAt).toISOString(),
        datapoints: readings,
      },
    };
    sample.status = statusFromThresholds(sample, this.options.thresholds);
    return sample;
  }
}

function sameVolumes(volumeIds: string[], read: VolumeDatapoints[]): boolean {
  return volumeIds.length === read.length && volumeIds.every((id, i) => read[i].volumeId === id);
}

function neverAborted(): AbortSignal {
  return new AbortController().signal;
}
