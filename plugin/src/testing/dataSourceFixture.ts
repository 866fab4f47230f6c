/** Builds the real DataSource for tests, its requests going through the plugin.json route to a given service URL. */
import { DataSourceInstanceSettings, DataSourcePluginMeta } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';

import { DataSource } from '../datasource/datasource';
import pluginJson from '../datasource/plugin.json';
import { OpenManagerOptions } from '../datasource/types';
import { proxyBackendSrv } from './proxyBackendSrv';
import { TestVariable, testTemplateSrv } from './templateSrv';

export const PROXY_URL = '/api/datasources/proxy/uid/openmanager';

/** The path of Grafana's data proxy for a data source. */
export const proxyUrlOf = (uid: string) => `/api/datasources/proxy/uid/${uid}`;

export interface DataSourceFixture {
  serviceUrl?: string;
  apiKey?: string;
  variables?: TestVariable[];
}

/** Instance settings as Grafana hands them to the provisioned data source (url = its proxy path). */
export function dataSourceSettings(
  serviceUrl?: string,
  uid = 'openmanager',
  name = 'OpenManager'
): DataSourceInstanceSettings<OpenManagerOptions> {
  return {
    id: 1,
    uid,
    type: pluginJson.id,
    name,
    url: proxyUrlOf(uid),
    access: 'proxy',
    readOnly: false,
    jsonData: { url: serviceUrl },
    meta: pluginJson as unknown as DataSourcePluginMeta<OpenManagerOptions>,
  } as DataSourceInstanceSettings<OpenManagerOptions>;
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
  return new DataSource(dataSourceSettings(serviceUrl), testTemplateSrv(variables));
}
