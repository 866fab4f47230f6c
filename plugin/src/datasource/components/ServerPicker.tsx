/** Multi-select of servers: ids from GET /api/servers, the dashboard's template variables, or any typed value. */
import { SelectableValue } from '@grafana/data';
import { t } from '@grafana/i18n';
import { InlineField, MultiSelect } from '@grafana/ui';
import React, { useMemo } from 'react';

import { AS_IS } from '../../shared/i18n';
import type { DataSource } from '../datasource';
import { useDataSourceList } from '../hooks/useDataSourceList';

const fetchServers = (datasource: DataSource) => datasource.listServers();

interface Props {
  datasource: DataSource;
  value: string[];
  onChange: (servers: string[]) => void;
  inputId: string;
}

export function ServerPicker({ datasource, value, onChange, inputId }: Props) {
  const { items: servers, loading, error } = useDataSourceList(datasource, fetchServers);
  const options = useMemo<Array<SelectableValue<string>>>(
    () => [
      ...datasource.templateVariableNames().map((name) => ({
        label: name,
        value: name,
        description: t('datasource.servers.variable', 'Template variable'),
      })),
      ...servers.map((server) => ({
        label: server.id,
        value: server.id,
        description: `${server.provider} · ${server.region} · ${server.role} · ${server.status}`,
      })),
    ],
    [datasource, servers]
  );

  return (
    <InlineField
      label={t('datasource.servers.label', 'Servers')}
      labelWidth={14}
      grow
      htmlFor={inputId}
      tooltip={t(
        'datasource.servers.tooltip',
        "Empty means every server that passes the dashboard's filters. Template variables such as $server expand to all their values."
      )}
      invalid={error !== undefined}
      error={error && t('datasource.servers.error', 'Could not list servers: {{error}}', { error, ...AS_IS })}
    >
      <MultiSelect<string>
        inputId={inputId}
        options={options}
        value={value}
        isLoading={loading}
        allowCustomValue
        placeholder={t('datasource.servers.placeholder', 'All servers')}
        onChange={(items: Array<SelectableValue<string>>) =>
          onChange(items.map((item) => item.value).filter((id): id is string => Boolean(id)))
        }
      />
    </InlineField>
  );
}
