/** A real Prometheus scraping a real node_exporter (Debian's packages) on loopback, with scratch storage. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/process';
import { startBinary, waitFor, type RunningBinary } from './binaries';

const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const NODE_EXPORTER_BIN = process.env.NODE_EXPORTER_BIN ?? '/usr/bin/prometheus-node-exporter';
const INSTALL_HINT =
  'install the Debian packages prometheus and prometheus-node-exporter (apt-get install -y prometheus prometheus-node-exporter)';

export interface PrometheusStack {
  prometheusUrl: string;
  nodeExporterUrl: string;
  /** The `instance` label Prometheus gives the node_exporter target. */
  instance: string;
  job: string;
  stopNodeExporter(): Promise<void>;
  stopPrometheus(): Promise<void>;
  /** Stops whatever still runs and removes the scratch folder. */
  close(): Promise<void>;
}

export interface PrometheusStackOptions {
  /** More targets of the node_exporter job: the same exporter reached through `host` (e.g. `localhost`), with these labels. */
  aliases?: Array<{ host: string; labels: Record<string, string> }>;
  /** More scrape jobs, by name: the `host:port` each scrapes at /metrics. */
  extraJobs?: Record<string, string>;
}

/** Starts node_exporter, then Prometheus scraping it every second with `targetLabels` on the target. */
export async function startPrometheusStack(
  job: string,
  targetLabels: Record<string, string>,
  options: PrometheusStackOptions = {}
): Promise<PrometheusStack> {
  const dir = await mkdtemp(join(tmpdir(), 'om-prometheus-'));
  const processes: RunningBinary[] = [];
  const close = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [exporterPort, prometheusPort] = [await freePort(), await freePort()];
    const instance = `127.0.0.1:${exporterPort}`;
    const exporter = startBinary(NODE_EXPORTER_BIN, [`--web.listen-address=${instance}`], INSTALL_HINT);
    processes.push(exporter);
    const nodeExporterUrl = `http://${instance}`;
    await waitFor(
      'node_exporter to serve /metrics',
      async () => ((await fetch(`${nodeExporterUrl}/metrics`)).ok ? true : undefined),
      15_000
    ).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${exporter.output()}`)));

    const config = [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 900ms',
      'scrape_configs:',
      `  - job_name: ${JSON.stringify(job)}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(instance)}]`,
      `        labels: ${JSON.stringify(targetLabels)}`,
      ...(options.aliases ?? []).flatMap(({ host, labels }) => [
        `      - targets: [${JSON.stringify(`${host}:${exporterPort}`)}]`,
        `        labels: ${JSON.stringify(labels)}`,
      ]),
      ...Object.entries(options.extraJobs ?? {}).flatMap(([name, address]) => [
        `  - job_name: ${JSON.stringify(name)}`,
        '    static_configs:',
        `      - targets: [${JSON.stringify(address)}]`,
      ]),
      '',
    ].join('\n');
    await writeFile(join(dir, 'prometheus.yml'), config);
    const prometheus = startBinary(
      PROMETHEUS_BIN,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ],
      INSTALL_HINT
    );
    processes.push(prometheus);
    const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
    await waitFor(
      'Prometheus to be ready',
      async () => ((await fetch(`${prometheusUrl}/-/ready`)).ok ? true : undefined),
      30_000
    ).catch((e: Error) => Promise.reject(new Error(`${e.message}\n${prometheus.output()}`)));
    return {
      prometheusUrl,
      nodeExporterUrl,
      instance,
      job,
      stopNodeExporter: () => exporter.stop(),
      stopPrometheus: () => prometheus.stop(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
