/** The OpenManager data source of the panel, resolved again when the chosen one changes. */
import { getDataSourceSrv } from '@grafana/runtime';
import { useEffect, useState } from 'react';

import { resolveAskDataSource } from '../app/askDataSource';
import { AskDataSource } from '../types';

export interface AskDataSourceState {
  dataSource?: AskDataSource;
  error?: unknown;
  loading: boolean;
}

export function useAskDataSource(chosen?: string): AskDataSourceState {
  const [state, setState] = useState<AskDataSourceState>({ loading: true });
  useEffect(() => {
    let current = true;
    setState({ loading: true });
    resolveAskDataSource(getDataSourceSrv(), chosen).then(
      (dataSource) => current && setState({ dataSource, loading: false }),
      (error: unknown) => current && setState({ error, loading: false })
    );
    return () => {
      current = false;
    };
  }, [chosen]);
  return state;
}
