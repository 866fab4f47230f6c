/** docker-compose.yml: valid for docker-compose and the compose schema, and wired to the plugins and provisioning. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { PLUGIN_IDS, ROOT, atLeast, minimumVersion, readJson, readYaml } from './repo-files';

const SECRETS = {
  OPENMANAGER_API_KEY: 'static-check-key-0001',
  POSTGRES_PASSWORD: 'static-check-password',
  GRAFANA_ADMIN_PASSWORD: 'static-check-grafana',
  OPENMANAGER_DB_PASSWORD: 'static-check-role',
  REDIS_PASSWORD: 'static-check-redis',
};

/** .ci/run installs Debian's docker-compose; without it these checks fail, saying what to install. */
function dockerCompose(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync('docker-compose', args, { cwd: ROOT, env, encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `docker-compose could not run (${result.error.message}); install it: apt-get install docker-compose`
    );
  return result;
}

/** Environment without the compose secrets, whatever the caller's shell had. */
function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) {
    delete env[name];
  }
  return env;
}

describe('docker-compose.yml', () => {
  it('validates with docker-compose config -q', () => {
    const result = dockerCompose(['config', '-q'], { ...process.env, ...SECRETS });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('refuses to start without the API key, naming it', () => {
    const result = dockerCompose(['config', '-q'], {
      ...envWithout('OPENMANAGER_API_KEY'),
      ...SECRETS,
      OPENMANAGER_API_KEY: undefined,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('OPENMANAGER_API_KEY');
  });

  it.each(['GRAFANA_ADMIN_PASSWORD', 'OPENMANAGER_DB_PASSWORD', 'REDIS_PASSWORD', 'POSTGRES_PASSWORD'])(
    'refuses to start without %s (no default password anywhere)',
    (name) => {
      const env: NodeJS.ProcessEnv = { ...envWithout(name), ...SECRETS };
      delete env[name];
      const result = dockerCompose(['config', '-q'], env);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(name);
    }
  );

  it('validates with the prometheus profile too', () => {
    const result = dockerCompose(['--profile', 'prometheus', 'config', '-q'], { ...process.env, ...SECRETS });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('validates with the alerting profile too', () => {
    const result = dockerCompose(['--profile', 'alerting', 'config', '-q'], { ...process.env, ...SECRETS });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('passes dclint (compose JSON schema, offline)', () => {
    const dclint = path.join(path.dirname(require.resolve('dclint/package.json')), 'bin/dclint.cjs');
    const result = spawnSync(process.execPath, [dclint, 'docker-compose.yml'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: result.status, output: result.stdout + result.stderr }).toMatchObject({ status: 0 });
  });

  const { services } = readYaml('docker-compose.yml');

  it('runs a Grafana version both plugins support, loading only these two unsigned plugins, built from plugin/dist', () => {
    const grafana = services.grafana;
    const version = /^grafana\/grafana:(\d+)\.(\d+)\.(\d+)$/.exec(grafana.image);
    expect(version).not.toBeNull();
    for (const folder of ['plugin/src/datasource', 'plugin/src/panel']) {
      const minimum = minimumVersion(readJson(folder, 'plugin.json').dependencies.grafanaDependency);
      expect(atLeast(version!.slice(1).map(Number), minimum)).toBe(true);
    }
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort()).toEqual(
      [PLUGIN_IDS.datasource, PLUGIN_IDS.panel].sort()
    );
    for (const id of Object.values(PLUGIN_IDS)) {
      expect(grafana.volumes).toContain(`./plugin/dist/${id}:/var/lib/grafana/plugins/${id}:ro`);
    }
  });

  it('gives Grafana every variable the data source provisioning reads', () => {
    const provisioning = JSON.stringify(readYaml('provisioning/datasources/openmanager.yaml'));
    const used = Array.from(provisioning.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g), (m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) {
      expect(Object.keys(services.grafana.environment)).toContain(name);
    }
  });

  it('adds Prometheus and node_exporter only in the prometheus profile, which the service can then read', () => {
    const profiled = Object.entries(services)
      .filter(([, service]: [string, any]) => service.profiles)
      .map(([name, service]: [string, any]) => [name, service.profiles]);
    expect(profiled).toEqual([
      ['prometheus', ['prometheus']],
      ['node-exporter', ['prometheus']],
      ['alertmanager', ['alerting']],
    ]);
    expect(services['collector-service'].environment.PROMETHEUS_ENDPOINT).toContain('http://prometheus:9090');
    expect(services['collector-service'].environment.COLLECTOR_MODE).toBe('${COLLECTOR_MODE:-dummy}');
  });

  it('builds the service from the repo root and waits for healthy PostgreSQL 15 and Redis 7', () => {
    const service = services['collector-service'];
    expect(service.build).toEqual({ context: '.', dockerfile: 'collector-service/Dockerfile' });
    expect(service.environment).toMatchObject({
      HOST: '0.0.0.0',
      REDIS_URL: 'redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD (URL-safe characters)}@redis:6379',
    });
    expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/openmanager:.+@postgres:5432\//);
    expect(service.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.redis.image).toMatch(/^redis:7/);
    expect(services.postgres.healthcheck.test).toBeDefined();
    expect(services.redis.healthcheck.test).toBeDefined();
    expect(services.grafana.depends_on).toEqual({ 'collector-service': { condition: 'service_healthy' } });
  });
});

describe('docker-compose.yml hardening', () => {
  const { services } = readYaml('docker-compose.yml');

  it('sets Grafana’s admin password from the environment', () => {
    expect(services.grafana.environment.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
  });

  it('keeps the PostgreSQL superuser in its container: the init script makes the service’s own role', () => {
    expect(services.postgres.environment.POSTGRES_USER).toBe('postgres');
    expect(services.postgres.volumes).toContain(
      './provisioning/postgres/init-openmanager.sh:/docker-entrypoint-initdb.d/init-openmanager.sh:ro'
    );
    expect(services['collector-service'].environment.DATABASE_URL).not.toMatch(/postgres:\/\/postgres[:@]/);
  });

  it('runs Redis with a password, from the environment, and checks health with it', () => {
    expect(services.redis.command.join(' ')).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect(services.redis.environment.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    expect(services.redis.healthcheck.test.join(' ')).toContain('REDISCLI_AUTH');
  });

  it('has the prometheus profile scrape the service’s own /metrics with the key', () => {
    const config = readYaml('provisioning/prometheus/prometheus.yml');
    const job = config.scrape_configs.find((j: any) => j.job_name === 'openmanager');
    expect(job).toMatchObject({
      metrics_path: '/metrics',
      authorization: { type: 'Bearer', credentials_file: '/prometheus/openmanager-api-key' },
      static_configs: [{ targets: ['collector-service:8787'] }],
    });
    expect(services.prometheus.entrypoint.join(' ')).toContain('> /prometheus/openmanager-api-key');
  });
});
