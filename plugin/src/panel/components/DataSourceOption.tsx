/** Panel option editor: a data source picker that offers only OpenManager data sources, showing the default (the first). */
import { DataSourceRef, StandardEditorProps } from '@grafana/data';
import { DataSourcePicker, getDataSourceSrv } from '@grafana/runtime';
import React from 'react';

import { DATASOURCE_TYPE, defaultDataSourceUid } from '../app/askDataSource';

export function DataSourceOption({ value, onChange, id }: StandardEditorProps<DataSourceRef | undefined>) {
  return (
    <DataSourcePicker
      inputId={id}
      type={DATASOURCE_TYPE}
      current={defaultDataSourceUid(getDataSourceSrv(), value?.uid) ?? null}
      noDefault
      onChange={(settings) => onChange({ type: settings.type, uid: settings.uid })}
    />
  );
}
