/** The agent's services and application metrics for each sample, from systemctl and the configured scrape URLs. */
import { scrapeAppMetrics } from './app-metrics-scrape';
import type { AgentConfig } from './agent-config';
import type { HostExtras } from './system-sampler';
import { readServices, runSystemctl, type SystemctlRunner } from './systemd-services';

export interface HostExtrasOptions {
  config: Pick<AgentConfig, 'services' | 'scrapeUrls' | 'sampleIntervalMs'>;
  /** Told each time a source's trouble changes (so a lasting one is told once); null when it is over. */
  onProblem: (source: 'systemd' | 'scrape', problem: string | null) => void;
  systemctl?: SystemctlRunner;
}

const MAX_SCRAPE_MS = 5000;

export function hostExtrasReader({
  config,
  onProblem,
  systemctl = runSystemctl,
}: HostExtrasOptions): () => Promise<HostExtras> {
  const told = new Map<string, string | null>();
  const tell = (source: 'systemd' | 'scrape', problem: string | null) => {
    if ((told.get(source) ?? null) === problem) return;
    told.set(source, problem);
    onProblem(source, problem);
  };
  const scrapeTimeoutMs = Math.min(MAX_SCRAPE_MS, config.sampleIntervalMs);

  return async () => {
    const [services, scrape] = await Promise.all([
      readServices(config.services, systemctl),
      config.scrapeUrls.length > 0 ? scrapeAppMetrics(config.scrapeUrls, scrapeTimeoutMs) : null,
    ]);
    tell('systemd', services.available ? null : services.reason);
    if (scrape) tell('scrape', scrape.problems.length > 0 ? scrape.problems.join('; ') : null);
    return {
      ...(services.available ? { services: services.services } : {}),
      ...(scrape ? { appMetrics: scrape.metrics } : {}),
    };
  };
}
