/** A list a picker offers, fetched through the data source: empty while it loads or when the fetch failed. */
import { useEffect, useState } from 'react';

import type { DataSource } from '../datasource';

export interface DataSourceList<T> {
  items: T[];
  loading: boolean;
  error?: string;
}

/** `fetchList` must be the same function on every render (declare it at module level): a new one fetches again. */
export function useDataSourceList<T>(
  datasource: DataSource,
  fetchList: (datasource: DataSource) => Promise<T[]>
): DataSourceList<T> {
  const [list, setList] = useState<DataSourceList<T>>({ items: [], loading: true });
  useEffect(() => {
    let current = true;
    fetchList(datasource).then(
      (items) => current && setList({ items, loading: false }),
      (err: unknown) =>
        current && setList({ items: [], loading: false, error: err instanceof Error ? err.message : String(err) })
    );
    return () => {
      current = false;
    };
  }, [datasource, fetchList]);
  return list;
}
