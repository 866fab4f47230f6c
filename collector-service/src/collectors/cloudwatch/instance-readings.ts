/** What is asked of CloudWatch for one instance, and the readings its answers give. */
import { AGENT_NAMESPACE, DISK_METRIC, MEMORY_METRIC, type AgentMetrics } from './agent-metrics';
import type { Datapoint, MetricRequest } from './metric-data';

export const INSTANCE_READINGS = ['cpu', 'networkIn', 'networkOut', 'memory', 'disk'] as const;
export type InstanceReading = (typeof INSTANCE_READINGS)[number];

/** Newest datapoint per reading; null when the instance published none in the window. Network values are bytes per period. */
export type InstanceReadings = Record<InstanceReading, Datapoint | null>;

export interface InstancePlan {
  /** The reading each request fills, index-aligned with `requests`. */
  readings: InstanceReading[];
  requests: MetricRequest[];
}

/** EC2's own metrics always; the agent's memory and disk only when the instance publishes them. */
export function instanceRequests(instanceId: string, agent: AgentMetrics): InstancePlan {
  const ec2 = (MetricName: string, stat: MetricRequest['stat']): MetricRequest => ({
    metric: { Namespace: 'AWS/EC2', MetricName, Dimensions: [{ Name: 'InstanceId', Value: instanceId }] },
    stat,
  });
  const plan: InstancePlan = {
    readings: ['cpu', 'networkIn', 'networkOut'],
    requests: [ec2('CPUUtilization', 'Average'), ec2('NetworkIn', 'Sum'), ec2('NetworkOut', 'Sum')],
  };
  if (agent.memory) {
    plan.readings.push('memory');
    plan.requests.push({
      metric: { Namespace: AGENT_NAMESPACE, MetricName: MEMORY_METRIC, Dimensions: agent.memory },
      stat: 'Average',
    });
  }
  if (agent.disk) {
    plan.readings.push('disk');
    plan.requests.push({
      metric: { Namespace: AGENT_NAMESPACE, MetricName: DISK_METRIC, Dimensions: agent.disk },
      stat: 'Average',
    });
  }
  return plan;
}

/** Readings from the datapoints answering a plan's requests (same order). */
export function readingsOf(plan: InstancePlan, datapoints: Array<Datapoint | null>): InstanceReadings {
  const readings: InstanceReadings = { cpu: null, networkIn: null, networkOut: null, memory: null, disk: null };
  plan.readings.forEach((reading, i) => {
    readings[reading] = datapoints[i] ?? null;
  });
  return readings;
}
