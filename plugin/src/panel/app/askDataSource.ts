/** Finds the OpenManager data source the panel asks: the one chosen in its options, else the first of that type. */
import { t } from '@grafana/i18n';
import type { DataSourceSrv } from '@grafana/runtime';

import dataSourcePlugin from '../../datasource/plugin.json';
import { AS_IS } from '../../shared/i18n';
import { AskDataSource } from '../types';

export const DATASOURCE_TYPE = dataSourcePlugin.id;

export class DataSourceProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataSourceProblem';
  }
}

export function isAskDataSource(candidate: unknown): candidate is AskDataSource {
  const ds = candidate as Partial<AskDataSource> | null;
  return typeof ds === 'object' && ds !== null && typeof ds.ask === 'function' && typeof ds.querySeries === 'function';
}

/** uid of the instance to use: the chosen one when set, else the first OpenManager data source (undefined when none). */
export function defaultDataSourceUid(srv: DataSourceSrv, chosen?: string): string | undefined {
  return chosen || srv.getList({ type: DATASOURCE_TYPE })[0]?.uid;
}

export async function resolveAskDataSource(srv: DataSourceSrv, chosen?: string): Promise<AskDataSource> {
  const uid = defaultDataSourceUid(srv, chosen);
  if (!uid) {
    throw new DataSourceProblem(
      t(
        'panel.datasource.none',
        'There is no OpenManager data source yet. Add one under Connections → Data sources (type "OpenManager"), then reload this dashboard.'
      )
    );
  }
  const settings = srv.getInstanceSettings(uid);
  if (!settings) {
    throw new DataSourceProblem(
      t(
        'panel.datasource.missing',
        'The data source chosen in this panel\'s options (uid "{{uid}}") does not exist any more: pick another under Options → Data source.',
        { uid, ...AS_IS }
      )
    );
  }
  if (settings.type !== DATASOURCE_TYPE) {
    throw new DataSourceProblem(
      t(
        'panel.datasource.wrong-type',
        '"{{name}}" is a {{type}} data source; this panel needs an OpenManager one: pick it under Options → Data source.',
        { name: settings.name, type: settings.type, ...AS_IS }
      )
    );
  }
  const dataSource = await srv.get(uid);
  if (!isAskDataSource(dataSource)) {
    throw new DataSourceProblem(
      t(
        'panel.datasource.cannot-ask',
        '"{{name}}" cannot answer questions: update the OpenManager data source plugin to the version of this panel.',
        { name: settings.name, ...AS_IS }
      )
    );
  }
  return dataSource;
}
