/** Running EC2 instances of a region (paginated DescribeInstances) and their inventory entries. */
import { DescribeInstancesCommand, type EC2Client, type Instance } from '@aws-sdk/client-ec2';
import type { ServerInfo } from '../../domain/metrics';
import { callAws } from './aws-errors';

export interface Ec2Instance {
  instanceId: string;
  region: string;
  instanceType: string | null;
  availabilityZone: string | null;
  /** When the instance last started (an OS reboot inside it does not change this). */
  launchTime: Date | null;
  tags: Record<string, string>;
  /** EBS volumes attached to it (`vol-...`), from its block device mappings. */
  volumeIds: string[];
}

/** Tags read for the role, first present wins; without one the role is `ec2`. */
export const ROLE_TAGS = ['Role', 'role'];
export const DEFAULT_ROLE = 'ec2';

/** Every running instance of the client's region, following NextToken to the last page. */
export async function describeRunningInstances(
  client: EC2Client,
  region: string,
  signal: AbortSignal
): Promise<Ec2Instance[]> {
  const instances: Ec2Instance[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('EC2 DescribeInstances', region, () =>
      client.send(
        new DescribeInstancesCommand({
          Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
          MaxResults: 1000,
          NextToken: nextToken,
        }),
        { abortSignal: signal }
      )
    );
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.InstanceId) instances.push(toEc2Instance(instance, region));
      }
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return instances;
}

function toEc2Instance(instance: Instance, region: string): Ec2Instance {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of instance.Tags ?? []) if (Key) tags[Key] = Value ?? '';
  return {
    instanceId: instance.InstanceId!,
    region,
    instanceType: instance.InstanceType ?? null,
    availabilityZone: instance.Placement?.AvailabilityZone ?? null,
    launchTime: instance.LaunchTime ?? null,
    tags,
    volumeIds: (instance.BlockDeviceMappings ?? []).flatMap((mapping) => mapping.Ebs?.VolumeId ?? []),
  };
}

/**
 * Server ids: the `Name` tag, else the instance id. A Name carried by more than one instance
 * names none of them (each falls back to its instance id), so two servers never share an id.
 */
export function serverIds(instances: Ec2Instance[]): Map<string, Ec2Instance> {
  const nameCounts = new Map<string, number>();
  for (const { tags } of instances) if (tags.Name) nameCounts.set(tags.Name, (nameCounts.get(tags.Name) ?? 0) + 1);
  return new Map(
    instances.map((instance) => {
      const name = instance.tags.Name;
      return [name && nameCounts.get(name) === 1 ? name : instance.instanceId, instance];
    })
  );
}

/** Inventory entry: type, zone, instance id and every tag (as `tag:<Key>`) in the labels. */
export function instanceInventory(serverId: string, instance: Ec2Instance, collector: string): ServerInfo {
  const labels: Record<string, string> = { instance_id: instance.instanceId };
  if (instance.instanceType) labels.instance_type = instance.instanceType;
  if (instance.availabilityZone) labels.availability_zone = instance.availabilityZone;
  for (const [key, value] of Object.entries(instance.tags)) labels[`tag:${key}`] = value;
  const role = ROLE_TAGS.map((tag) => instance.tags[tag]).find((value) => value);
  return { id: serverId, provider: 'aws', region: instance.region, role: role ?? DEFAULT_ROLE, collector, labels };
}
