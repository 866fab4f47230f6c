/** Editor of a template variable query: what to list, and which servers to list it from (filters accept $variables). */
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { t } from '@grafana/i18n';
import { InlineField, InlineFieldRow, Input, Select } from '@grafana/ui';
import React, { FocusEvent } from 'react';

import { toVariableQuery } from '../app/inventoryQueries';
import type { DataSource } from '../datasource';
import {
  OpenManagerOptions,
  OpenManagerQuery,
  SERVER_LABELS,
  ServerLabel,
  VariableKind,
  VariableQuery,
} from '../types';

type Props = QueryEditorProps<DataSource, OpenManagerQuery, OpenManagerOptions, VariableQuery>;

function kindOptions(): Array<SelectableValue<VariableKind>> {
  return [
    {
      label: t('datasource.variable.kind.servers', 'Servers'),
      value: 'servers',
      description: t('datasource.variable.kind.servers-description', 'Server ids'),
    },
    {
      label: t('datasource.variable.kind.providers', 'Providers'),
      value: 'providers',
      description: t('datasource.variable.kind.providers-description', 'kubernetes, aws, onprem, ...'),
    },
    {
      label: t('datasource.variable.kind.regions', 'Regions'),
      value: 'regions',
      description: t('datasource.variable.kind.regions-description', 'Regions or sites'),
    },
    {
      label: t('datasource.variable.kind.roles', 'Roles'),
      value: 'roles',
      description: t('datasource.variable.kind.roles-description', 'web, database, worker, ...'),
    },
    {
      label: t('datasource.variable.kind.series-label-values', 'Label values of a series'),
      value: 'seriesLabelValues',
      description: t(
        'datasource.variable.kind.series-label-values-description',
        'e.g. the services of openmanager_service_up'
      ),
    },
  ];
}

function filterLabel(label: ServerLabel): string {
  switch (label) {
    case 'provider':
      return t('datasource.variable.filter.provider', 'Only provider');
    case 'region':
      return t('datasource.variable.filter.region', 'Only region');
    case 'role':
      return t('datasource.variable.filter.role', 'Only role');
    case 'status':
      return t('datasource.variable.filter.status', 'Only status');
  }
}

function filterPlaceholder(label: ServerLabel): string {
  switch (label) {
    case 'provider':
      return t('datasource.variable.filter.provider-placeholder', 'any, or e.g. aws or $provider');
    case 'region':
      return t('datasource.variable.filter.region-placeholder', 'any, or e.g. eu-west-1 or $region');
    case 'role':
      return t('datasource.variable.filter.role-placeholder', 'any, or e.g. database or $role');
    case 'status':
      return t('datasource.variable.filter.status-placeholder', 'any, or online, warning, critical, offline');
  }
}

export function VariableQueryEditor({ query: savedQuery, onChange }: Props) {
  const query = toVariableQuery(savedQuery);

  const onSeriesBlur = (key: 'series' | 'label') => (event: FocusEvent<HTMLInputElement>) => {
    const value = event.target.value.trim();
    if (value !== (query[key] ?? '')) {
      onChange({ ...query, [key]: value || undefined });
    }
  };

  const onFilterBlur = (label: ServerLabel) => (event: FocusEvent<HTMLInputElement>) => {
    const value = event.target.value.trim();
    if (value !== (query[label] ?? '')) {
      onChange({ ...query, [label]: value || undefined });
    }
  };

  return (
    <>
      <InlineFieldRow>
        <InlineField
          label={t('datasource.variable.kind.label', 'List')}
          labelWidth={12}
          htmlFor="openmanager-variable-kind"
        >
          <Select<VariableKind>
            inputId="openmanager-variable-kind"
            width={24}
            options={kindOptions()}
            value={query.kind}
            onChange={(item) => item.value && onChange({ ...query, kind: item.value })}
          />
        </InlineField>
      </InlineFieldRow>
      {query.kind === 'seriesLabelValues' && (
        <>
          <InlineFieldRow>
            <InlineField
              label={t('datasource.variable.series.label', 'Series')}
              labelWidth={12}
              htmlFor="openmanager-variable-series"
            >
              <Input
                id="openmanager-variable-series"
                width={40}
                defaultValue={query.series ?? ''}
                // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- a series name, the same in every language
                placeholder="openmanager_service_up"
                onBlur={onSeriesBlur('series')}
              />
            </InlineField>
          </InlineFieldRow>
          <InlineFieldRow>
            <InlineField
              label={t('datasource.variable.series.label-name', 'Label')}
              labelWidth={12}
              htmlFor="openmanager-variable-label"
            >
              <Input
                id="openmanager-variable-label"
                width={40}
                defaultValue={query.label ?? ''}
                placeholder={t('datasource.variable.series.label-placeholder', 'e.g. service, pod or namespace')}
                onBlur={onSeriesBlur('label')}
              />
            </InlineField>
          </InlineFieldRow>
        </>
      )}
      {query.kind !== 'seriesLabelValues' &&
        SERVER_LABELS.map((label) => (
          <InlineFieldRow key={label}>
            <InlineField
              label={filterLabel(label)}
              labelWidth={12}
              tooltip={t(
                'datasource.variable.filter.tooltip',
                'Leave empty for any; a $variable expands to its values'
              )}
            >
              <Input
                id={`openmanager-variable-${label}`}
                width={40}
                defaultValue={query[label] ?? ''}
                placeholder={filterPlaceholder(label)}
                onBlur={onFilterBlur(label)}
              />
            </InlineField>
          </InlineFieldRow>
        ))}
    </>
  );
}
