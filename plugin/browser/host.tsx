/**
 * Host page for the BUILT plugins (dist/<id>/module.js) in Chromium: provides react and the @grafana packages
 * through an AMD `define` shim, as Grafana does, and renders the data source's QueryEditor or a panel.
 * Page parameters: plugin (id), language (Grafana's user language, default en-US), variables (JSON of test template
 * variables), and those of hostQueryEditor/hostPanel.
 * State for the test driving the page is on window.__openmanager (hostState.ts).
 */
import * as emotionCss from '@emotion/css';
// Korean glyphs: Grafana's fonts have none, and this machine has no CJK system font (a Korean user's browser has one).
import '@fontsource/nanum-gothic/korean-400.css';
import '@fontsource/nanum-gothic/korean-700.css';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as rxjs from 'rxjs';

import panelPlugin from '../src/panel/plugin.json';
import { TestVariable, testTemplateSrv } from '../src/testing/templateSrv';
import { fetchBackendSrv } from './fetchBackendSrv';
import { DATASOURCE_ID } from './hostDataSource';
import { initHostLanguage } from './hostLanguage';
import { renderPanel } from './hostPanel';
import { renderQueryEditor } from './hostQueryEditor';
import { hostState } from './hostState';

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

/** Text laid out before a web font arrives keeps its fallback glyphs in form controls: load the Korean faces first. */
function loadKoreanFont(): Promise<unknown> {
  return Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 14px "Nanum Gothic"`, '한')));
}

async function main() {
  await loadKoreanFont();
  const params = new URLSearchParams(window.location.search);
  const id = params.get('plugin') ?? DATASOURCE_ID;
  shared.i18next = await initHostLanguage(params.get('language') ?? 'en-US', [DATASOURCE_ID, panelPlugin.id]);
  const variables: TestVariable[] = JSON.parse(params.get('variables') ?? '[]');
  grafanaRuntime.setBackendSrv(fetchBackendSrv());
  grafanaRuntime.setTemplateSrv(testTemplateSrv(variables));

  const element =
    id === DATASOURCE_ID ? await renderQueryEditor(shared, params) : await renderPanel(id, shared, params);
  const theme = grafanaData.createTheme({
    colors: { mode: 'dark' },
    typography: { fontFamily: '"Inter", "Helvetica", "Arial", "Nanum Gothic", sans-serif' },
  });
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
    hostState.rendered = true;
  });
}

main().catch((err: unknown) => {
  hostState.error = err instanceof Error ? err.message : String(err);
});
