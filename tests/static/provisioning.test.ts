/** Grafana provisioning: the data source and dashboard provider YAML, and the fleet dashboard, against the contract's ids. */
import fs from 'node:fs';
import path from 'node:path';

import { SERIES_NAMES } from '@openmanager/contract/names';

import { AGGREGATIONS, METRIC_NAMES, QUERY_TYPES, VARIABLE_KINDS } from '../../plugin/src/datasource/types';
import { DASHBOARD_UID, DATASOURCE_UID, PLUGIN_IDS, readJson, readYaml, repoPath } from './repo-files';

const DASHBOARD_FILE = 'provisioning/dashboards/openmanager/openmanager-fleet.json';

/** Every `datasource` value anywhere in the dashboard, with where it was found. */
function datasourceRefs(node: unknown, where = '$'): Array<{ where: string; ref: unknown }> {
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => datasourceRefs(item, `${where}[${i}]`));
  }
  if (typeof node !== 'object' || node === null) {
    return [];
  }
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key === 'datasource' ? [{ where: `${where}.${key}`, ref: value }] : []),
    ...datasourceRefs(value, `${where}.${key}`),
  ]);
}

/** Every query target of the dashboard's panels (rows included). */
function panelTargets(panels: any[]): any[] {
  return panels.flatMap((panel) => [...(panel.targets ?? []), ...panelTargets(panel.panels ?? [])]);
}

describe('provisioned data source', () => {
  const { datasources } = readYaml('provisioning/datasources/openmanager.yaml');

  it('is the contract data source: name OpenManager, uid openmanager, this plugin, through the proxy', () => {
    expect(datasources).toHaveLength(1);
    expect(datasources[0]).toMatchObject({
      name: 'OpenManager',
      uid: DATASOURCE_UID,
      type: PLUGIN_IDS.datasource,
      access: 'proxy',
    });
  });

  it('takes the service URL and the API key from environment variables, the key as secure data', () => {
    expect(datasources[0].jsonData).toEqual({ url: '$OPENMANAGER_URL' });
    expect(datasources[0].secureJsonData).toEqual({ apiKey: '$OPENMANAGER_API_KEY' });
  });
});

describe('provisioned Prometheus data source over the Prometheus-compatible API', () => {
  const { datasources } = readYaml('provisioning/datasources/openmanager-prometheus.yaml');

  it('points Grafana’s Prometheus data source at /prometheus, with the same key sent as a secure header', () => {
    expect(datasources).toEqual([
      expect.objectContaining({
        type: 'prometheus',
        uid: 'openmanager-prometheus',
        access: 'proxy',
        isDefault: false,
        url: '${OPENMANAGER_URL}/prometheus',
        jsonData: expect.objectContaining({ httpHeaderName1: 'Authorization' }),
        secureJsonData: { httpHeaderValue1: 'Bearer ${OPENMANAGER_API_KEY}' },
      }),
    ]);
  });
});

describe('dashboard provider', () => {
  const { providers } = readYaml('provisioning/dashboards/openmanager.yaml');

  it('loads the folder that holds the fleet dashboard, as docker-compose mounts it', () => {
    expect(providers).toHaveLength(1);
    expect(providers[0].type).toBe('file');
    const compose = readYaml('docker-compose.yml');
    const mount = (compose.services.grafana.volumes as string[]).find((v) =>
      v.startsWith('./provisioning/dashboards:')
    );
    expect(mount).toBeDefined();
    const inContainer = mount!.split(':')[1];
    const relative = path.posix.relative(inContainer, providers[0].options.path);
    expect(fs.existsSync(repoPath('provisioning/dashboards', relative, 'openmanager-fleet.json'))).toBe(true);
  });
});

describe('the openmanager-fleet dashboard', () => {
  const dashboard = readJson(DASHBOARD_FILE);

  it('has the contract uid and title', () => {
    expect(dashboard.uid).toBe(DASHBOARD_UID);
    expect(dashboard.title).toBe('OpenManager fleet');
  });

  it('uses only the provisioned data source uid (and the Prometheus API one for firing alerts)', () => {
    const alertAnnotations = {
      ...dashboard,
      annotations: { list: dashboard.annotations.list.filter((a: any) => a.name !== 'Alerts firing') },
    };
    const refs = datasourceRefs(alertAnnotations);
    expect(refs.length).toBeGreaterThan(10);
    const others = refs.filter(
      ({ ref }) => JSON.stringify(ref) !== JSON.stringify({ type: PLUGIN_IDS.datasource, uid: DATASOURCE_UID })
    );
    expect(others).toEqual([]);
  });

  it('marks firing alerts of $server from the ALERTS series of the Prometheus API data source', () => {
    const alerts = dashboard.annotations.list.find((a: any) => a.name === 'Alerts firing');
    expect(alerts).toMatchObject({ enable: true, datasource: { type: 'prometheus', uid: 'openmanager-prometheus' } });
    expect(alerts.expr).toBe('ALERTS{alertstate="firing", server=~"${server:regex}"}');
  });

  it('has chained $provider, $region and $server variables from the data source, and ad hoc filters', () => {
    const variables = Object.fromEntries(dashboard.templating.list.map((v: any) => [v.name, v]));
    expect(variables.provider.query.kind).toBe('providers');
    expect(variables.region.query).toMatchObject({ kind: 'regions', provider: '$provider' });
    expect(variables.server.query).toMatchObject({ kind: 'servers', provider: '$provider', region: '$region' });
    for (const name of ['provider', 'region', 'server']) {
      expect(VARIABLE_KINDS).toContain(variables[name].query.kind);
      expect(variables[name]).toMatchObject({ type: 'query', multi: true, includeAll: true });
    }
    expect(variables.filters.type).toBe('adhoc');
  });

  it('turns on annotations of threshold breaches and anomalies', () => {
    const [annotation] = dashboard.annotations.list;
    expect(annotation.enable).toBe(true);
    expect(annotation.target).toMatchObject({ queryType: 'annotations', kinds: ['threshold', 'anomaly'] });
  });

  it('has the fleet overview, CPU/memory/disk series of $server and a latest-values table', () => {
    const panels: any[] = dashboard.panels;
    const byTitle = Object.fromEntries(panels.map((p) => [p.title, p]));
    expect(byTitle['Servers by status'].type).toBe('stat');
    expect(byTitle['Server status'].type).toBe('table');
    for (const [title, metric] of [
      ['CPU', 'cpu'],
      ['Memory', 'memory'],
      ['Disk', 'disk'],
    ]) {
      expect(byTitle[title].type).toBe('timeseries');
      expect(byTitle[title].targets[0]).toMatchObject({
        queryType: 'timeseries',
        metrics: [metric],
        servers: ['$server'],
      });
    }
    expect(byTitle['Top usage (latest values)'].targets[0].queryType).toBe('latest');
  });

  it('has a "Pods and services" row of pod phases, pod restarts and services up of $server from labelled series', () => {
    const panels: any[] = dashboard.panels;
    const row = panels.findIndex((p) => p.type === 'row' && p.title === 'Pods and services');
    expect(row).toBeGreaterThan(0);
    const inRow = panels.slice(row + 1);
    const byTitle = Object.fromEntries(inRow.map((p) => [p.title, p]));
    for (const [title, series] of [
      ['Pod phases', SERIES_NAMES.podStatus],
      ['Pod restarts', SERIES_NAMES.podRestarts],
      ['Services up', SERIES_NAMES.serviceUp],
    ]) {
      expect(byTitle[title].targets[0]).toMatchObject({ queryType: 'series', series, servers: ['$server'] });
      expect(byTitle[title].gridPos.y).toBeGreaterThan(panels[row].gridPos.y);
    }
  });

  describe('the Ask AI panel', () => {
    const panels: any[] = dashboard.panels;
    const ask = panels.find((panel) => panel.type === PLUGIN_IDS.panel);
    const overview = ['Servers by status', 'Fleet average now'].map((title) =>
      panels.find((panel) => panel.title === title)
    );

    it('is the ask-AI panel plugin, in the first row, right beside the fleet overview and as tall as it', () => {
      expect(ask.title).toBe('Ask AI');
      const [firstRow] = panels;
      expect(firstRow.type).toBe('row');
      expect(firstRow.title).toContain('Ask AI');
      for (const stat of overview) {
        expect(stat.gridPos.x + stat.gridPos.w).toBe(ask.gridPos.x);
      }
      expect(ask.gridPos.y).toBe(overview[0].gridPos.y);
      const overviewBottom = Math.max(...overview.map((stat) => stat.gridPos.y + stat.gridPos.h));
      expect(ask.gridPos.y + ask.gridPos.h).toBe(overviewBottom);
      expect(ask.gridPos.x + ask.gridPos.w).toBe(24);
    });

    it('asks the provisioned data source its default question on load and on every refresh, without raw JSON', () => {
      expect(ask.options).toEqual({
        datasource: { type: PLUGIN_IDS.datasource, uid: DATASOURCE_UID },
        defaultQuestion: expect.stringMatching(/\S/),
        askOnRefresh: true,
        showRawJson: false,
      });
    });

    it('has a default question whose variables all exist on the dashboard', () => {
      const names = new Set(dashboard.templating.list.map((v: any) => v.name));
      const used = Array.from((ask.options.defaultQuestion as string).matchAll(/\$\{?(\w+)/g), (m) => m[1]);
      expect(used.filter((name) => !names.has(name))).toEqual([]);
    });

    it('sends no queries of its own (it asks through the data source)', () => {
      expect(ask.targets ?? []).toEqual([]);
    });
  });

  it('only sends queries the data source understands', () => {
    const targets = panelTargets(dashboard.panels);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(QUERY_TYPES).toContain(target.queryType);
      expect(AGGREGATIONS).toContain(target.aggregation);
      for (const metric of target.metrics) {
        expect(METRIC_NAMES).toContain(metric);
      }
    }
  });

  it('does not overlap panels on the grid', () => {
    const cells = new Set<string>();
    for (const { gridPos, title } of dashboard.panels) {
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect({ title, free: !cells.has(`${x},${y}`) }).toEqual({ title, free: true });
          cells.add(`${x},${y}`);
        }
      }
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
    }
  });
});

describe('the "OpenManager itself" dashboard', () => {
  const dashboard = JSON.parse(
    fs.readFileSync(repoPath('provisioning/dashboards/openmanager/openmanager-self.json'), 'utf8')
  );
  const { datasources } = readYaml('provisioning/datasources/prometheus-self.yaml');

  it('reads the service’s own metrics from the prometheus profile’s Prometheus', () => {
    expect(datasources).toEqual([
      expect.objectContaining({ uid: 'prometheus-self', type: 'prometheus', url: 'http://prometheus:9090' }),
    ]);
    const uids = new Set(
      dashboard.panels.flatMap((p: any) => [p.datasource?.uid, ...p.targets.map((t: any) => t.datasource?.uid)])
    );
    expect([...uids]).toEqual(['prometheus-self']);
  });

  it('charts metrics the service exposes at /metrics', () => {
    const exprs = dashboard.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr)).join('\n');
    for (const name of [
      'openmanager_spool_bytes',
      'openmanager_db_write_duration_seconds_bucket',
      'openmanager_rejected_rows_total',
      'openmanager_cache_lookups_total',
      'openmanager_cache_breaker_state',
      'openmanager_collector_last_success_timestamp_seconds',
      'openmanager_rate_limit_rejections_total',
      'openmanager_budget_rejections_total',
      'openmanager_nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(exprs).toContain(name);
    }
  });
});
