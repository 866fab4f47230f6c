/** Builds the collectors the configuration enables: the simulator in dummy mode; in production, each collector whose settings are present. */
import type { Config } from '../config';
import type { MetricCollector } from '../domain/collector';
import { CustomApiCollector } from './custom-api/custom-api-collector';
import { DummyCollector } from './dummy/dummy-collector';
import { PrometheusCollector } from './prometheus/prometheus-collector';

export class NoCollectorError extends Error {}

export async function buildCollectors(config: Config): Promise<MetricCollector[]> {
  const { thresholds, collectorTimeoutMs: requestTimeoutMs } = config;
  if (config.mode === 'dummy') {
    return [new DummyCollector({ seed: config.dummy.seed, servers: config.dummy.servers, thresholds })];
  }
  const collectors: MetricCollector[] = [];
  const { prometheus, aws, onprem } = config;
  if (prometheus.endpoint) {
    collectors.push(
      new PrometheusCollector({
        endpoint: prometheus.endpoint,
        apiKey: prometheus.apiKey,
        job: prometheus.job,
        serverLabel: prometheus.serverLabel,
        rateWindow: prometheus.rateWindow,
        thresholds,
        requestTimeoutMs,
      })
    );
  }
  if (aws.regions.length > 0) {
    // The AWS SDK is loaded only where it is used: it adds tens of MB to every process that loads it.
    const { CloudWatchCollector } = await import('./cloudwatch/cloudwatch-collector.js');
    collectors.push(
      new CloudWatchCollector({ regions: aws.regions, periodSeconds: aws.periodSeconds, thresholds, requestTimeoutMs })
    );
  }
  if (onprem.endpoint) {
    collectors.push(
      new CustomApiCollector({ endpoint: onprem.endpoint, apiKey: onprem.apiKey, thresholds, requestTimeoutMs })
    );
  }
  if (collectors.length === 0) {
    throw new NoCollectorError(
      'COLLECTOR_MODE=production expects at least one collector configured: PROMETHEUS_ENDPOINT, AWS_REGION or ONPREM_API_ENDPOINT'
    );
  }
  return collectors;
}
