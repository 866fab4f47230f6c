/** plugin.json of both plugins, in source and as built into plugin/dist/<id>/ (run after `npm run build`). */
import path from 'node:path';
import fs from 'node:fs';

import { PLUGIN_IDS, minimumVersion, readJson, repoPath } from './repo-files';

const SOURCES = [
  { id: PLUGIN_IDS.datasource, type: 'datasource', folder: 'plugin/src/datasource' },
  { id: PLUGIN_IDS.panel, type: 'panel', folder: 'plugin/src/panel' },
];

describe.each(SOURCES)('$id plugin.json', ({ id, type, folder }) => {
  const source = readJson(folder, 'plugin.json');

  it('has the contract id, its type and a minimum Grafana version of 12 or later', () => {
    expect(source.id).toBe(id);
    expect(source.type).toBe(type);
    expect(minimumVersion(source.dependencies.grafanaDependency)[0]).toBeGreaterThanOrEqual(12);
    expect(source.info.version).toBe('%VERSION%');
  });

  it('points at a logo that exists', () => {
    for (const logo of [source.info.logos.small, source.info.logos.large]) {
      expect(fs.existsSync(repoPath(folder, logo))).toBe(true);
    }
  });

  describe('as built', () => {
    const dist = `plugin/dist/${id}`;

    it(`is a loadable folder ${dist} (run npm run build first)`, () => {
      for (const file of ['plugin.json', 'module.js', 'README.md']) {
        expect({ file, exists: fs.existsSync(repoPath(dist, file)) }).toEqual({ file, exists: true });
      }
      const built = readJson(dist, 'plugin.json');
      expect(built.id).toBe(id);
      expect(built.info.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(built.dependencies.grafanaDependency).toBe(source.dependencies.grafanaDependency);
      expect(fs.existsSync(repoPath(dist, built.info.logos.small))).toBe(true);
      expect(fs.readFileSync(repoPath(dist, 'README.md'), 'utf8')).not.toContain('%VERSION%');
    });

    it('has an AMD module.js that leaves react and the @grafana packages to Grafana', () => {
      const module = fs.readFileSync(repoPath(dist, 'module.js'), 'utf8');
      const define = /define\(\[([^\]]*)\]/.exec(module);
      expect(define).not.toBeNull();
      const deps = JSON.parse(`[${define![1]}]`) as string[];
      expect(deps).toEqual(expect.arrayContaining(['react', '@grafana/data']));
      expect(module).not.toContain('react-dom.production');
    });
  });
});

describe('the ask-AI panel plugin.json', () => {
  const source = readJson('plugin/src/panel/plugin.json');

  it('runs no data queries of its own and depends on the OpenManager data source, through which it asks', () => {
    expect(source.skipDataQuery).toBe(true);
    expect(source.dependencies.plugins).toEqual([
      { id: PLUGIN_IDS.datasource, type: 'datasource', name: 'OpenManager' },
    ]);
  });

  it("has no routes or secrets of its own: the data source's proxy route carries the key", () => {
    expect(source.routes).toBeUndefined();
    expect(JSON.stringify(source)).not.toMatch(/secureJsonData|apiKey|Authorization/i);
  });
});

describe('the data source route', () => {
  const source = readJson('plugin/src/datasource/plugin.json');

  type Route = { path: string; method: string; url: string; headers: Array<{ name: string; content: string }> };
  const routes: Route[] = source.routes;

  /** The route Grafana's data proxy would pick for a request (method, then path prefix of the cleaned proxy path), or none. */
  const matching = (method: string, proxyPath: string) => {
    const cleaned = path.posix.normalize(decodeURIComponent(proxyPath)).replace(/^\/+/, '');
    return routes.find((r) => (!r.method || r.method === method) && cleaned.startsWith(r.path));
  };

  it('sends each read path to the same path of the configured service URL, with the key from secureJsonData', () => {
    for (const route of routes) {
      expect(route.url).toBe(`{{ .JsonData.url }}/${route.path}`);
      expect(route.headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.apiKey }}' }]);
    }
  });

  it.each([
    ['GET', 'api/health'],
    ['GET', 'api/status'],
    ['GET', 'api/servers'],
    ['GET', 'api/servers/DB-EU-002'],
    ['GET', 'api/annotations'],
    ['POST', 'api/query'],
    ['POST', 'api/ask'],
  ])('forwards %s %s, which the data source and the panel use', (method, proxyPath) => {
    expect(matching(method, proxyPath)).toBeDefined();
  });

  it.each([
    ['POST', 'api/admin/collect'],
    ['POST', 'api/admin/maintenance'],
    ['GET', 'api/admin'],
    ['POST', 'api/servers/../admin/collect'],
    ['POST', 'api/query/../admin/collect'],
    ['POST', 'api/query/%2e%2e/admin/collect'],
    ['DELETE', 'api/servers'],
    ['POST', 'api/servers'],
  ])('refuses %s %s: no route, so Grafana adds no key', (method, proxyPath) => {
    expect(matching(method, proxyPath)).toBeUndefined();
  });
  it('declares metrics and annotations', () => {
    expect(source.metrics).toBe(true);
    expect(source.annotations).toBe(true);
  });
});
