/** Editor of the annotation query: which servers, and which kinds of events (threshold breaches, anomalies). */
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { t } from '@grafana/i18n';
import { InlineField, InlineFieldRow, MultiSelect } from '@grafana/ui';
import React from 'react';

import type { DataSource } from '../datasource';
import { ANNOTATION_KINDS, AnnotationKind, DEFAULT_ANNOTATION_QUERY, OpenManagerQuery } from '../types';
import { ServerPicker } from './ServerPicker';

type Props = QueryEditorProps<DataSource, OpenManagerQuery>;

function kindOptions(): Array<SelectableValue<AnnotationKind>> {
  return [
    { label: t('datasource.annotations.kind.threshold', 'Threshold breaches'), value: 'threshold' },
    { label: t('datasource.annotations.kind.anomaly', 'Anomalies'), value: 'anomaly' },
  ];
}

export function AnnotationQueryEditor({ datasource, query: savedQuery, onChange }: Props) {
  const query: OpenManagerQuery = { ...DEFAULT_ANNOTATION_QUERY, ...savedQuery, queryType: 'annotations' };
  return (
    <>
      <InlineFieldRow>
        <ServerPicker
          datasource={datasource}
          inputId="openmanager-annotation-servers"
          value={query.servers}
          onChange={(servers) => onChange({ ...query, servers })}
        />
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField
          label={t('datasource.annotations.kind.label', 'Events')}
          labelWidth={14}
          grow
          htmlFor="openmanager-annotation-kinds"
        >
          <MultiSelect<AnnotationKind>
            inputId="openmanager-annotation-kinds"
            options={kindOptions()}
            value={query.kinds ?? [...ANNOTATION_KINDS]}
            onChange={(items: Array<SelectableValue<AnnotationKind>>) =>
              onChange({
                ...query,
                kinds: items.map((item) => item.value).filter((kind): kind is AnnotationKind => Boolean(kind)),
              })
            }
          />
        </InlineField>
      </InlineFieldRow>
    </>
  );
}
