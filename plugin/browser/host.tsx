/**
 * Host page for the BUILT plugins (dist/<id>/module.js) in Chromium: provides react and the @grafana packages
 * through an AMD `define` shim, as Grafana does, and renders a data source's QueryEditor or a panel.
 * Page parameters: plugin (id), query (JSON of the initial query), variables (JSON of test template variables).
 * State for the test driving the page is on window.__openmanager.
 */
import * as emotionCss from '@emotion/css';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as rxjs from 'rxjs';

import { TestVariable, testTemplateSrv } from '../src/testing/templateSrv';
import { fetchBackendSrv } from './fetchBackendSrv';

/** What Grafana's data proxy path of the provisioned data source looks like; the harness server proxies it. */
const PROXY_URL = '/api/datasources/proxy/uid/openmanager';

interface HostState {
  rendered: boolean;
  error?: string;
  queries: unknown[];
  runs: number;
}

declare global {
  interface Window {
    define: ((deps: string[], factory: (...modules: unknown[]) => unknown) => void) & { amd?: boolean };
    __openmanager: HostState;
  }
}

const state: HostState = { rendered: false, queries: [], runs: 0 };
window.__openmanager = state;

const shared: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDom,
  'react/jsx-runtime': jsxRuntime,
  '@emotion/css': emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUi,
  rxjs,
};

/** Loads dist/<id>/module.js through the AMD shim and resolves with its exports. */
function loadPlugin(id: string): Promise<{ plugin: any }> {
  const uri = `/dist/${id}/module.js`;
  return new Promise((resolve, reject) => {
    window.define = (deps, factory) => {
      const missing = deps.filter((dep) => dep !== 'module' && !(dep in shared));
      if (missing.length > 0) {
        reject(new Error(`module.js needs modules the host does not provide: ${missing.join(', ')}`));
        return;
      }
      resolve(factory(...deps.map((dep) => (dep === 'module' ? { uri } : shared[dep]))) as { plugin: any });
    };
    window.define.amd = true;
    const script = document.createElement('script');
    script.src = uri;
    script.onerror = () => reject(new Error(`could not load ${uri}`));
    document.head.appendChild(script);
  });
}

async function renderQueryEditor(id: string, params: URLSearchParams): Promise<React.ReactElement> {
  const meta = await (await fetch(`/dist/${id}/plugin.json`)).json();
  const { plugin } = await loadPlugin(id);
  const settings = {
    id: 1,
    uid: 'openmanager',
    type: id,
    name: 'OpenManager',
    url: PROXY_URL,
    access: 'proxy',
    readOnly: true,
    jsonData: { url: 'harness' },
    meta,
  };
  const datasource = new plugin.DataSourceClass(settings);
  const QueryEditor = plugin.components.QueryEditor;
  const initial = JSON.parse(params.get('query') ?? '{"refId":"A"}');

  function Editor() {
    const [query, setQuery] = React.useState(initial);
    return (
      <QueryEditor
        datasource={datasource}
        query={query}
        onChange={(next: unknown) => {
          state.queries.push(next);
          setQuery(next);
        }}
        onRunQuery={() => state.runs++}
        range={grafanaData.getDefaultTimeRange()}
        app={grafanaData.CoreApp.Explore}
      />
    );
  }
  return <Editor />;
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  const id = params.get('plugin') ?? 'openmanager-vibe-datasource';
  const variables: TestVariable[] = JSON.parse(params.get('variables') ?? '[]');
  grafanaRuntime.setBackendSrv(fetchBackendSrv());
  grafanaRuntime.setTemplateSrv(testTemplateSrv(variables));

  const element = await renderQueryEditor(id, params);
  const theme = grafanaData.createTheme({ colors: { mode: 'dark' } });
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <grafanaData.ThemeContext.Provider value={theme}>
      <grafanaUi.GlobalStyles />
      <div data-testid="openmanager-host" style={{ padding: 16 }}>
        {element}
      </div>
    </grafanaData.ThemeContext.Provider>
  );
  requestAnimationFrame(() => {
    state.rendered = true;
  });
}

main().catch((err: unknown) => {
  state.error = err instanceof Error ? err.message : String(err);
});
