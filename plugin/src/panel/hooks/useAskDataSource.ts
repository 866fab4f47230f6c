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

interface Resolved {
  /** The choice this was resolved for: a result for another choice means the new one is still loading. */
  chosen?: string;
  dataSource?: AskDataSource;
  error?: unknown;
}

export function useAskDataSource(chosen?: string): AskDataSourceState {
  const [resolved, setResolved] = useState<Resolved | undefined>(undefined);
  useEffect(() => {
    let current = true;
    resolveAskDataSource(getDataSourceSrv(), chosen).then(
      (dataSource) => current && setResolved({ chosen, dataSource }),
      (error: unknown) => current && setResolved({ chosen, error })
    );
    return () => {
      current = false;
    };
  }, [chosen]);
  if (!resolved || resolved.chosen !== chosen) {
    return { loading: true };
  }
  return { dataSource: resolved.dataSource, error: resolved.error, loading: false };
}
