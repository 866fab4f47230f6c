/** CloudWatchCollector on the real AWS SDK clients, their `send` mocked with aws-sdk-client-mock. */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type GetMetricDataCommandInput,
  type ListMetricsCommandInput,
  type Metric,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeInstancesCommand,
  EC2Client,
  type DescribeInstancesCommandInput,
  type Instance,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CloudWatchCollector,
  type CloudWatchCollectorOptions,
} from '../../../src/collectors/cloudwatch/cloudwatch-collector';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/thresholds';

const ec2 = mockClient(EC2Client);
const cloudwatch = mockClient(CloudWatchClient);
const NOW = Date.UTC(2026, 10, 26, 9, 7, 30);
const LAUNCHED = new Date(NOW - 3 * 86_400_000);

afterEach(() => {
  ec2.reset();
  cloudwatch.reset();
});

function instance(id: string, tags: Record<string, string> = {}): Instance {
  return {
    InstanceId: id,
    InstanceType: 't3.micro',
    Placement: { AvailabilityZone: 'us-east-1a' },
    LaunchTime: LAUNCHED,
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

const dimension = (metric: Metric | undefined, name: string) => metric?.Dimensions?.find((d) => d.Name === name)?.Value;

/** Instances `i-0` … `i-<n-1>` in one page each of `pageSize`. */
function describePages(ids: string[], pageSize: number) {
  ec2.on(DescribeInstancesCommand).callsFake((input: DescribeInstancesCommandInput) => {
    const start = input.NextToken ? Number(input.NextToken) : 0;
    const page = ids.slice(start, start + pageSize);
    const next = start + pageSize < ids.length ? String(start + pageSize) : undefined;
    return { Reservations: [{ Instances: page.map((id) => instance(id)) }], NextToken: next };
  });
}

/** The agent publishes memory for every instance and disk of `/` (plus `/data`) with these dimension sets. */
function agentPublishes(ids: string[]) {
  cloudwatch.on(ListMetricsCommand).callsFake((input: ListMetricsCommandInput) => ({
    Metrics: ids.flatMap((id) =>
      input.MetricName === 'mem_used_percent'
        ? [
            {
              Namespace: 'CWAgent',
              MetricName: input.MetricName,
              Dimensions: [
                { Name: 'InstanceId', Value: id },
                { Name: 'InstanceType', Value: 't3.micro' },
              ],
            },
          ]
        : ['/data', '/'].map((path) => ({
            Namespace: 'CWAgent',
            MetricName: input.MetricName,
            Dimensions: [
              { Name: 'InstanceId', Value: id },
              { Name: 'path', Value: path },
              { Name: 'device', Value: 'nvme0n1p1' },
              { Name: 'fstype', Value: 'xfs' },
            ],
          }))
    ),
  }));
}

/** Answers every query with two datapoints (newest first); the value encodes the instance number and metric. */
function metricValues(valueOf: (instanceNumber: number, metricName: string, metric: Metric) => number | undefined) {
  cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
    MetricDataResults: input.MetricDataQueries!.flatMap((q) => {
      const metric = q.MetricStat!.Metric!;
      const value = valueOf(Number(dimension(metric, 'InstanceId')!.slice(2)), metric.MetricName!, metric);
      if (value === undefined) return [{ Id: q.Id, Timestamps: [], Values: [], StatusCode: 'Complete' }];
      return [
        {
          Id: q.Id,
          Timestamps: [new Date(NOW - 600_000), new Date(NOW - 900_000)],
          Values: [value, -1],
          StatusCode: 'Complete',
        },
      ];
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

const run = (c: CloudWatchCollector, signal = new AbortController().signal) => c.collectAll(signal);

test('discovers running instances across every DescribeInstances page', async () => {
  const ids = Array.from({ length: 2500 }, (_, i) => `i-${i}`);
  describePages(ids, 1000);
  agentPublishes([]);
  metricValues(() => 1);
  const { servers } = await run(collector());
  expect(servers).toHaveLength(2500);
  const calls = ec2.commandCalls(DescribeInstancesCommand).map((c) => c.args[0].input);
  expect(calls.map((input) => input.NextToken)).toEqual([undefined, '1000', '2000']);
  expect(calls[0].Filters).toEqual([{ Name: 'instance-state-name', Values: ['running'] }]);
});

test('asks for many instances in batches of at most 500 queries, each value reaching its own instance', async () => {
  const ids = Array.from({ length: 250 }, (_, i) => `i-${i}`);
  describePages(ids, 1000);
  agentPublishes(ids);
  metricValues(
    (n, name) =>
      ({ CPUUtilization: n % 100, mem_used_percent: (n + 1) % 100, disk_used_percent: (n + 2) % 100 })[name] ?? 300 * n
  );
  const { samples } = await run(collector());

  const batches = cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input.MetricDataQueries!.length);
  expect(batches).toEqual([500, 500, 250]); // 250 instances × 5 metrics
  expect(samples).toHaveLength(250);
  for (const sample of samples) {
    const n = Number(sample.serverId.slice(2));
    expect(sample).toMatchObject({
      cpuUsage: n % 100,
      memoryUsage: (n + 1) % 100,
      diskUsage: (n + 2) % 100,
      networkInBytes: n,
      networkOutBytes: n,
    });
  }
});

test('follows GetMetricData NextToken and merges the pages', async () => {
  describePages(['i-1', 'i-2'], 1000);
  agentPublishes([]);
  cloudwatch.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
    const ids = input.MetricDataQueries!.map((q) => q.Id!);
    const point = (Id: string, value: number) => ({ Id, Timestamps: [new Date(NOW - 600_000)], Values: [value] });
    // the first page holds half of the results, the second the rest
    return input.NextToken
      ? { MetricDataResults: ids.slice(3).map((id) => point(id, 2)) }
      : { MetricDataResults: ids.slice(0, 3).map((id) => point(id, 1)), NextToken: 'page-2' };
  });
  const { samples } = await run(collector());
  expect(samples.map((s) => [s.serverId, s.cpuUsage, s.networkOutBytes])).toEqual([
    ['i-1', 1, 1 / 300],
    ['i-2', 2, 2 / 300],
  ]);
  expect(cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input.NextToken)).toEqual([
    undefined,
    'page-2',
  ]);
});

test('converts NetworkIn/NetworkOut (bytes per period) to bytes per second, for the period asked', async () => {
  describePages(['i-7'], 1000);
  agentPublishes([]);
  metricValues((_n, name) => ({ NetworkIn: 30_000_000, NetworkOut: 6_000_000 })[name] ?? 12.5);
  for (const periodSeconds of [300, 60]) {
    const { samples } = await run(collector({ periodSeconds }));
    expect(samples[0]).toMatchObject({
      networkInBytes: 30_000_000 / periodSeconds,
      networkOutBytes: 6_000_000 / periodSeconds,
      cpuUsage: 12.5,
    });
    const input = cloudwatch.commandCalls(GetMetricDataCommand).at(-1)!.args[0].input;
    const stats = Object.fromEntries(
      input.MetricDataQueries!.map((q) => [
        q.MetricStat!.Metric!.MetricName,
        [q.MetricStat!.Stat, q.MetricStat!.Period],
      ])
    );
    expect(stats).toEqual({
      CPUUtilization: ['Average', periodSeconds],
      NetworkIn: ['Sum', periodSeconds],
      NetworkOut: ['Sum', periodSeconds],
    });
    // the window ends on a whole period, so the newest datapoint is a complete one
    expect(input.EndTime!.getTime() % (periodSeconds * 1000)).toBe(0);
    expect(input.EndTime!.getTime()).toBeLessThanOrEqual(NOW);
  }
});

test('memory and disk come from the CloudWatch agent with its exact dimensions, and are null (not 0) without it', async () => {
  describePages(['i-1', 'i-2', 'i-3'], 1000);
  const set = (id: string, extra: Record<string, string>) => [
    { Name: 'InstanceId', Value: id },
    ...Object.entries(extra).map(([Name, Value]) => ({ Name, Value })),
  ];
  const listed: Record<string, Array<ReturnType<typeof set>>> = {
    mem_used_percent: [
      set('i-1', { InstanceType: 't3.micro' }),
      set('i-3', { ImageId: 'ami-1', InstanceType: 't3.micro' }),
      set('i-3', { InstanceType: 't3.micro' }),
    ],
    // i-3 publishes only a /data disk: its root disk is unknown
    disk_used_percent: [
      set('i-1', { path: '/data', device: 'nvme1n1' }),
      set('i-1', { path: '/', device: 'nvme0n1p1', fstype: 'xfs' }),
      set('i-3', { path: '/data' }),
    ],
  };
  cloudwatch.on(ListMetricsCommand).callsFake((input: ListMetricsCommandInput) => ({
    Metrics: listed[input.MetricName!].map((Dimensions) => ({
      Namespace: 'CWAgent',
      MetricName: input.MetricName,
      Dimensions,
    })),
  }));
  metricValues((_n, name, metric) =>
    name === 'mem_used_percent' ? 91 : name === 'disk_used_percent' ? (dimension(metric, 'path') === '/' ? 55 : 99) : 10
  );
  const { samples } = await run(collector());
  const byId = Object.fromEntries(samples.map((s) => [s.serverId, s]));
  expect(byId['i-1']).toMatchObject({ memoryUsage: 91, diskUsage: 55, status: 'critical' });
  expect(byId['i-2']).toMatchObject({
    memoryUsage: null,
    diskUsage: null,
    cpuUsage: 10,
    load1m: null,
    status: 'online',
  });
  expect(byId['i-3']).toMatchObject({ memoryUsage: 91, diskUsage: null });

  const asked = cloudwatch
    .commandCalls(GetMetricDataCommand)
    .flatMap((c) => c.args[0].input.MetricDataQueries!.map((q) => q.MetricStat!.Metric!));
  expect(asked.filter((m) => m.Namespace === 'CWAgent').map((m) => [m.MetricName, m.Dimensions])).toEqual([
    ['mem_used_percent', listed.mem_used_percent[0]],
    ['disk_used_percent', listed.disk_used_percent[1]],
    ['mem_used_percent', listed.mem_used_percent[2]],
  ]);
  const listInputs = cloudwatch.commandCalls(ListMetricsCommand).map((c) => c.args[0].input);
  expect(listInputs.every((i) => i.Namespace === 'CWAgent' && i.RecentlyActive === 'PT3H')).toBe(true);
});

test('an instance with no datapoints yet has null readings, never 0', async () => {
  describePages(['i-4'], 1000);
  agentPublishes(['i-4']);
  metricValues(() => undefined);
  const { samples } = await run(collector());
  expect(samples[0]).toMatchObject({
    cpuUsage: null,
    memoryUsage: null,
    diskUsage: null,
    networkInBytes: null,
    networkOutBytes: null,
    status: 'online',
  });
  expect(samples[0].uptimeSeconds).toBe(3 * 86_400);
});

test('names servers by their Name tag (instance id when absent or shared), role from a Role tag, region of the client', async () => {
  ec2.on(DescribeInstancesCommand).callsFake(async (_input: DescribeInstancesCommandInput, getClient) => {
    const region = await getClient().config.region();
    const instances =
      region === 'us-east-1'
        ? [
            instance('i-a', { Name: 'WEB-US-001', Role: 'web', team: 'shop' }),
            instance('i-b'),
            instance('i-c', { Name: 'worker' }),
          ]
        : [
            instance('i-d', { Name: 'worker', role: 'batch' }),
            instance('i-e', { Name: 'DB-EU-001', role: 'database' }),
          ];
    return { Reservations: [{ Instances: instances }] };
  });
  agentPublishes([]);
  metricValues(() => 5);
  const { servers, samples } = await run(collector({ regions: ['us-east-1', 'eu-west-1'] }));
  expect(servers.map((s) => [s.id, s.region, s.role])).toEqual([
    ['WEB-US-001', 'us-east-1', 'web'],
    ['i-b', 'us-east-1', 'ec2'],
    ['i-c', 'us-east-1', 'ec2'],
    ['i-d', 'eu-west-1', 'batch'],
    ['DB-EU-001', 'eu-west-1', 'database'],
  ]);
  expect(servers[0]).toEqual({
    id: 'WEB-US-001',
    provider: 'aws',
    region: 'us-east-1',
    role: 'web',
    collector: 'cloudwatch',
    labels: {
      instance_id: 'i-a',
      instance_type: 't3.micro',
      availability_zone: 'us-east-1a',
      'tag:Name': 'WEB-US-001',
      'tag:Role': 'web',
      'tag:team': 'shop',
    },
  });
  expect(samples.map((s) => s.serverId)).toEqual(servers.map((s) => s.id));
  expect(samples[0].rawData).toMatchObject({
    source: 'cloudwatch',
    region: 'us-east-1',
    instanceId: 'i-a',
    periodSeconds: 300,
  });
});

test("every AWS call carries the run's abort signal", async () => {
  describePages(['i-1'], 1000);
  agentPublishes(['i-1']);
  metricValues(() => 1);
  const controller = new AbortController();
  await run(collector(), controller.signal);
  const calls = [...ec2.calls(), ...cloudwatch.calls()];
  expect(calls.length).toBeGreaterThanOrEqual(4);
  for (const call of calls) expect((call.args as unknown[])[1]).toEqual({ abortSignal: controller.signal });
});

test('re-reads datapoints only once per refresh period, and at once when a new instance appears', async () => {
  let now = NOW;
  const ids = ['i-1'];
  ec2.on(DescribeInstancesCommand).callsFake(() => ({ Reservations: [{ Instances: ids.map((id) => instance(id)) }] }));
  agentPublishes(ids);
  metricValues(() => 20);
  const c = collector({ now: () => now, refreshMs: 60_000 });
  const reads = () => cloudwatch.commandCalls(GetMetricDataCommand).length;

  await run(c);
  now += 10_000;
  const second = await run(c);
  expect(reads()).toBe(1);
  expect(second.samples[0]).toMatchObject({ timestamp: new Date(now), cpuUsage: 20 });

  ids.push('i-2');
  now += 10_000;
  await run(c);
  expect(reads()).toBe(2);

  now += 60_000;
  await run(c);
  expect(reads()).toBe(3);
});

describe('AWS failures are errors naming the call and region', () => {
  const awsError = (name: string, message: string, attempts: number) =>
    Object.assign(new Error(message), { name, $metadata: { attempts } });

  test('throttling that outlasts the SDK retries', async () => {
    describePages(['i-1'], 1000);
    agentPublishes([]);
    cloudwatch.on(GetMetricDataCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 3));
    await expect(run(collector())).rejects.toThrow(
      'CloudWatch GetMetricData in us-east-1 failed: ThrottlingException: Rate exceeded (throttled; gave up after 3 attempts)'
    );
  });

  test('EC2 request limit in one of several regions', async () => {
    ec2.on(DescribeInstancesCommand).callsFake(async (_input: DescribeInstancesCommandInput, getClient) => {
      if ((await getClient().config.region()) === 'eu-west-1')
        throw awsError('RequestLimitExceeded', 'Request limit exceeded.', 3);
      return { Reservations: [] };
    });
    await expect(run(collector({ regions: ['us-east-1', 'eu-west-1'] }))).rejects.toThrow(
      'EC2 DescribeInstances in eu-west-1 failed: RequestLimitExceeded: Request limit exceeded. (throttled; gave up after 3 attempts)'
    );
  });

  test('missing credentials', async () => {
    ec2
      .on(DescribeInstancesCommand)
      .rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers', 1));
    await expect(run(collector())).rejects.toThrow(
      'EC2 DescribeInstances in us-east-1 failed: CredentialsProviderError: Could not load credentials from any providers (check the AWS credentials: environment, shared config/SSO profile or instance role)'
    );
  });
});

test('bad settings are refused when the collector is built', () => {
  expect(() => collector({ regions: [] })).toThrow('AWS_REGION expects at least one region');
  expect(() => collector({ periodSeconds: 90 })).toThrow(
    'the CloudWatch period expects a positive multiple of 60 seconds, got 90'
  );
});
