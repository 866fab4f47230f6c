/** Editor of a template variable query: what to list, and which servers to list it from (filters accept $variables). */
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, Select } from '@grafana/ui';
import React, { FocusEvent } from 'react';

import { toVariableQuery } from '../app/inventoryQueries';
import type { DataSource } from '../datasource';
import { OpenManagerOptions, OpenManagerQuery, SERVER_LABELS, ServerLabel, VariableKind, VariableQuery } from '../types';

type Props = QueryEditorProps<DataSource, OpenManagerQuery, OpenManagerOptions, VariableQuery>;

const KIND_OPTIONS: Array<SelectableValue<VariableKind>> = [
  { label: 'Servers', value: 'servers', description: 'Server ids' },
  { label: 'Providers', value: 'providers', description: 'kubernetes, aws, onprem, ...' },
  { label: 'Regions', value: 'regions', description: 'Regions or sites' },
  { label: 'Roles', value: 'roles', description: 'web, database, worker, ...' },
];

const FILTER_PLACEHOLDERS: Record<ServerLabel, string> = {
  provider: 'any, or e.g. aws or $provider',
  region: 'any, or e.g. eu-west-1 or $region',
  role: 'any, or e.g. database or $role',
  status: 'any, or online, warning, critical, offline',
};

export function VariableQueryEditor({ query: savedQuery, onChange }: Props) {
  const query = toVariableQuery(savedQuery);

  const onFilterBlur = (label: ServerLabel) => (event: FocusEvent<HTMLInputElement>) => {
    const value = event.target.value.trim();
    if (value !== (query[label] ?? '')) {
      onChange({ ...query, [label]: value || undefined });
    }
  };

  return (
    <>
      <InlineFieldRow>
        <InlineField label="List" labelWidth={12} htmlFor="openmanager-variable-kind">
          <Select<VariableKind>
            inputId="openmanager-variable-kind"
            width={24}
            options={KIND_OPTIONS}
            value={query.kind}
            onChange={(item) => item.value && onChange({ ...query, kind: item.value })}
          />
        </InlineField>
      </InlineFieldRow>
      {SERVER_LABELS.map((label) => (
        <InlineFieldRow key={label}>
          <InlineField label={`Only ${label}`} labelWidth={12} tooltip="Leave empty for any; a $variable expands to its values">
            <Input
              id={`openmanager-variable-${label}`}
              width={40}
              defaultValue={query[label] ?? ''}
              placeholder={FILTER_PLACEHOLDERS[label]}
              onBlur={onFilterBlur(label)}
            />
          </InlineField>
        </InlineFieldRow>
      ))}
    </>
  );
}
