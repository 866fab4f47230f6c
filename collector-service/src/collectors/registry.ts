/** Builds the collectors the configuration enables. */
import type { Config } from '../config';
import type { MetricCollector } from '../domain/collector';
import { DummyCollector } from './dummy/dummy-collector';

export class NoCollectorError extends Error {}

export function buildCollectors(config: Config): MetricCollector[] {
  if (config.mode === 'dummy') {
    return [new DummyCollector({ seed: config.dummy.seed, servers: config.dummy.servers, thresholds: config.thresholds })];
  }
  const collectors: MetricCollector[] = [];
  if (collectors.length === 0) {
    throw new NoCollectorError(
      'COLLECTOR_MODE=production expects at least one collector configured: PROMETHEUS_ENDPOINT, AWS_REGION or ONPREM_API_ENDPOINT',
    );
  }
  return collectors;
}
