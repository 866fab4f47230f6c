/** Test stand-in for Grafana's DataSourceSrv (part of Grafana itself): a fixed set of data source instances. */
import { DataSourceApi, DataSourceInstanceSettings, DataSourceRef } from '@grafana/data';
import type { DataSourceSrv, GetDataSourceListFilters } from '@grafana/runtime';

export interface RegisteredDataSource {
  settings: DataSourceInstanceSettings;
  /** The instance `get` resolves with; a plain object is enough for a data source of another type. */
  instance: unknown;
}

function uidOf(ref?: DataSourceRef | string | null): string | undefined {
  return typeof ref === 'string' ? ref : (ref?.uid ?? undefined);
}

export function testDataSourceSrv(registered: RegisteredDataSource[]): DataSourceSrv {
  const find = (ref?: DataSourceRef | string | null) => {
    const key = uidOf(ref);
    return registered.find(({ settings }) => settings.uid === key || settings.name === key);
  };
  return {
    get: async (ref) => {
      const found = find(ref);
      if (!found) {
        throw new Error(`Data source ${JSON.stringify(ref)} was not found`);
      }
      return found.instance as DataSourceApi;
    },
    getList: (filters: GetDataSourceListFilters = {}) =>
      registered
        .map(({ settings }) => settings)
        .filter((settings) => !filters.type || [filters.type].flat().includes(settings.type))
        .filter((settings) => !filters.pluginId || settings.meta?.id === filters.pluginId),
    getInstanceSettings: (ref) => find(ref)?.settings,
    reload: () => undefined,
    registerRuntimeDataSource: () => undefined,
  };
}
