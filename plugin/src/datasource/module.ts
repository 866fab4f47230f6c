/** Entry of the OpenManager data source plugin: wires the DataSource class and its editors. */
import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataSource } from './datasource';
import { OpenManagerOptions, OpenManagerQuery } from './types';

export const plugin = new DataSourcePlugin<DataSource, OpenManagerQuery, OpenManagerOptions>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
