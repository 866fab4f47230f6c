/** Entry of the OpenManager data source plugin: its texts in the user's language, the DataSource class and its editors. */
import { DataSourcePlugin } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataSource } from './datasource';
import pluginJson from './plugin.json';
import { OpenManagerOptions, OpenManagerQuery } from './types';

// Grafana (12.1+) loads locales/<language>/<plugin id>.json for the user's language; this binds t() to them.
// Not awaited (no top-level await, which jest's CommonJS run cannot load): it settles within a microtask, and t()
// runs only when Grafana renders or builds options, long after.
void initPluginTranslations(pluginJson.id);

export const plugin = new DataSourcePlugin<DataSource, OpenManagerQuery, OpenManagerOptions>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
