/** The provisioned OpenManager data source, as built: its settings point at the proxy path the harness server serves. */
import { loadPlugin, pluginMeta } from './amdLoader';

export const DATASOURCE_ID = 'openmanager-vibe-datasource';
/** What Grafana's data proxy path of the provisioned data source looks like; the harness server proxies it. */
const PROXY_URL = '/api/datasources/proxy/uid/openmanager';

export async function createHostDataSource(shared: Record<string, unknown>) {
  const meta = await pluginMeta(DATASOURCE_ID);
  const { plugin } = await loadPlugin(DATASOURCE_ID, shared);
  const settings = {
    id: 1,
    uid: 'openmanager',
    type: DATASOURCE_ID,
    name: 'OpenManager',
    url: PROXY_URL,
    access: 'proxy',
    readOnly: true,
    jsonData: { url: 'harness' },
    meta,
  };
  return { settings, plugin, instance: new plugin.DataSourceClass(settings) };
}
