/** Builds the real DataSource for tests, its requests going through the plugin.json route to a given service URL. */
import { DataSourceInstanceSettings, DataSourcePluginMeta } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';

import { DataSource } from '../datasource/datasource';
import pluginJson from '../datasource/plugin.json';
import { OpenManagerOptions } from '../datasource/types';
import { proxyBackendSrv } from './proxyBackendSrv';
import { TestVariable, testTemplateSrv } from './templateSrv';

export const PROXY_URL = '/api/datasources/proxy/uid/openmanager';

export interface DataSourceFixture {
  serviceUrl?: string;
  apiKey?: string;
  variables?: TestVariable[];
}

export function createDataSource({ serviceUrl, apiKey = 'test-key', variables = [] }: DataSourceFixture): DataSource {
  setBackendSrv(
    proxyBackendSrv({
      proxyUrl: PROXY_URL,
      routes: pluginJson.routes,
      jsonData: { url: serviceUrl },
      secureJsonData: { apiKey },
    })
  );
  const settings = {
    id: 1,
    uid: 'openmanager',
    type: pluginJson.id,
    name: 'OpenManager',
    url: PROXY_URL,
    access: 'proxy',
    readOnly: false,
    jsonData: { url: serviceUrl },
    meta: pluginJson as unknown as DataSourcePluginMeta<OpenManagerOptions>,
  } as DataSourceInstanceSettings<OpenManagerOptions>;
  return new DataSource(settings, testTemplateSrv(variables));
}
