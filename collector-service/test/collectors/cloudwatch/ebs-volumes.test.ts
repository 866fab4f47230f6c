/** EBS volumes of EC2 instances through CloudWatchCollector, on the real AWS SDK clients mocked with aws-sdk-client-mock. */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type GetMetricDataCommandInput,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CloudWatchCollector,
  type CloudWatchCollectorOptions,
} from '../../../src/collectors/cloudwatch/cloudwatch-collector';
import type { SeriesSample } from '../../../src/domain/series';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/thresholds';

const ec2 = mockClient(EC2Client);
const cloudwatch = mockClient(CloudWatchClient);
const NOW = Date.UTC(2026, 10, 26, 9, 7, 30);

afterEach(() => {
  ec2.reset();
  cloudwatch.reset();
});

/** An instance with EBS volumes `volumeIds` (as /dev/xvda, /dev/xvdb, ...) and one instance-store disk. */
function instance(id: string, name: string, volumeIds: string[]): Instance {
  return {
    InstanceId: id,
    InstanceType: 'm6i.large',
    LaunchTime: new Date(NOW - 86_400_000),
    Tags: [{ Key: 'Name', Value: name }],
    BlockDeviceMappings: [
      ...volumeIds.map((VolumeId, i) => ({
        DeviceName: `/dev/xvd${String.fromCharCode(97 + i)}`,
        Ebs: { VolumeId, Status: 'attached' as const, AttachTime: new Date(NOW - 86_400_000) },
      })),
      { DeviceName: '/dev/nvme9n1' },
    ],
  };
}

function running(instances: Instance[]) {
  ec2.on(DescribeInstancesCommand).callsFake(() => ({ Reservations: [{ Instances: instances }] }));
  cloudwatch.on(ListMetricsCommand).resolves({ Metrics: [] });
}

/** Answers each query with its newest datapoint from `valueOf(dimension value, metric name)`; undefined: no datapoint. */
function metricValues(valueOf: (dimension: string, metricName: string) => number | undefined) {
  cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
    MetricDataResults: input.MetricDataQueries!.map((q): MetricDataResult => {
      const metric = q.MetricStat!.Metric!;
      const value = valueOf(metric.Dimensions![0].Value!, metric.MetricName!);
      return value === undefined
        ? { Id: q.Id, Timestamps: [], Values: [], StatusCode: 'Complete' }
        : { Id: q.Id, Timestamps: [new Date(NOW - 600_000)], Values: [value], StatusCode: 'Complete' };
    }),
  }));
}

function collector(options: Partial<CloudWatchCollectorOptions> = {}) {
  return new CloudWatchCollector({
    regions: ['us-east-1'],
    thresholds: DEFAULT_THRESHOLDS,
    now: () => NOW,
    ...options,
  });
}

const run = (c: CloudWatchCollector) => c.collectAll(new AbortController().signal);

const byVolume = (series: SeriesSample[] = []) =>
  series.map((s) => [s.serverId, s.labels.volume, s.name, s.value] as const);

const VOLUME_BYTES: Record<string, Record<string, number>> = {
  'vol-0a1': { VolumeReadBytes: 36_000_000, VolumeWriteBytes: 9_000_000, VolumeQueueLength: 0.25 },
  'vol-0b2': { VolumeReadBytes: 600_000, VolumeWriteBytes: 1_200_000 }, // no queue-length datapoint this window
};

test("each instance's EBS volumes: bytes per second from per-period sums, queue length as averaged, in one GetMetricData call", async () => {
  running([instance('i-1', 'DB-EU-001', ['vol-0a1', 'vol-0b2']), instance('i-2', 'CACHE-EU-001', [])]);
  metricValues((dimension, name) =>
    dimension.startsWith('vol-') ? VOLUME_BYTES[dimension][name] : name === 'CPUUtilization' ? 40 : 1000
  );
  for (const periodSeconds of [300, 60]) {
    cloudwatch.resetHistory();
    const { samples, series } = await run(collector({ periodSeconds }));

    expect(byVolume(series)).toEqual([
      ['DB-EU-001', 'vol-0a1', 'openmanager_volume_read_bytes_per_second', 36_000_000 / periodSeconds],
      ['DB-EU-001', 'vol-0a1', 'openmanager_volume_write_bytes_per_second', 9_000_000 / periodSeconds],
      ['DB-EU-001', 'vol-0a1', 'openmanager_volume_queue_length', 0.25],
      ['DB-EU-001', 'vol-0b2', 'openmanager_volume_read_bytes_per_second', 600_000 / periodSeconds],
      ['DB-EU-001', 'vol-0b2', 'openmanager_volume_write_bytes_per_second', 1_200_000 / periodSeconds],
    ]);
    expect(series!.every((s) => s.timestamp.getTime() === NOW)).toBe(true);
    // the instance without volumes still has its host sample
    expect(samples.map((s) => [s.serverId, s.cpuUsage])).toEqual([
      ['DB-EU-001', 40],
      ['CACHE-EU-001', 40],
    ]);

    const calls = cloudwatch.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(1);
    const ebs = calls[0].args[0].input
      .MetricDataQueries!.map((q) => q.MetricStat!)
      .filter((stat) => stat.Metric!.Namespace === 'AWS/EBS')
      .map((stat) => [stat.Metric!.MetricName, stat.Metric!.Dimensions, stat.Stat, stat.Period]);
    const volume = (id: string) => [{ Name: 'VolumeId', Value: id }];
    expect(ebs).toEqual([
      ['VolumeReadBytes', volume('vol-0a1'), 'Sum', periodSeconds],
      ['VolumeWriteBytes', volume('vol-0a1'), 'Sum', periodSeconds],
      ['VolumeQueueLength', volume('vol-0a1'), 'Average', periodSeconds],
      ['VolumeReadBytes', volume('vol-0b2'), 'Sum', periodSeconds],
      ['VolumeWriteBytes', volume('vol-0b2'), 'Sum', periodSeconds],
      ['VolumeQueueLength', volume('vol-0b2'), 'Average', periodSeconds],
    ]);
  }
});

test('volume queries share the 500-query batches with the instance queries, each value reaching its own volume', async () => {
  // 100 instances × (3 EC2 + 2 volumes × 3 EBS) = 900 queries
  const instances = Array.from({ length: 100 }, (_, n) => instance(`i-${n}`, `SRV-${n}`, [`vol-${n}a`, `vol-${n}b`]));
  running(instances);
  metricValues((dimension, name) => {
    if (!dimension.startsWith('vol-')) return 1;
    const n = Number(dimension.slice(4, -1));
    const disk = dimension.endsWith('a') ? 0 : 1;
    return { VolumeReadBytes: 300 * (10 * n + disk), VolumeWriteBytes: 600 * (10 * n + disk), VolumeQueueLength: n }[
      name
    ];
  });
  const { series } = await run(collector());

  const batches = cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input.MetricDataQueries!.length);
  expect(batches).toEqual([500, 400]);
  expect(series).toHaveLength(600);
  for (const s of series!) {
    const n = Number(s.serverId.slice(4));
    const disk = s.labels.volume === `vol-${n}a` ? 0 : 1;
    expect(s.labels.volume).toMatch(new RegExp(`^vol-${n}[ab]$`));
    const expected = {
      openmanager_volume_read_bytes_per_second: 10 * n + disk,
      openmanager_volume_write_bytes_per_second: 2 * (10 * n + disk),
      openmanager_volume_queue_length: n,
    }[s.name];
    expect(s.value).toBe(expected);
  }
});

test('a volume attached after the last read is read at once, not at the next refresh', async () => {
  const volumes = ['vol-0a1'];
  ec2.on(DescribeInstancesCommand).callsFake(() => ({
    Reservations: [{ Instances: [instance('i-1', 'DB-EU-001', [...volumes])] }],
  }));
  cloudwatch.on(ListMetricsCommand).resolves({ Metrics: [] });
  metricValues((dimension, name) => (dimension.startsWith('vol-') ? VOLUME_BYTES[dimension][name] : 1));
  let now = NOW;
  const c = collector({ now: () => now, refreshMs: 60_000 });

  await run(c);
  volumes.push('vol-0b2');
  now += 10_000;
  const { series } = await run(c);
  expect(cloudwatch.commandCalls(GetMetricDataCommand)).toHaveLength(2);
  expect(new Set(series!.map((s) => s.labels.volume))).toEqual(new Set(['vol-0a1', 'vol-0b2']));
});
