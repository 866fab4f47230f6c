/** Query editor (panels and Explore): query type, servers, metrics, aggregation and alias. */
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, MultiSelect, RadioButtonGroup, Select } from '@grafana/ui';
import React, { ChangeEvent } from 'react';

import type { DataSource } from '../datasource';
import {
  AGGREGATIONS,
  Aggregation,
  DEFAULT_QUERY,
  METRIC_NAMES,
  METRIC_TITLES,
  MetricName,
  OpenManagerOptions,
  OpenManagerQuery,
  QueryType,
} from '../types';
import { ServerPicker } from './ServerPicker';

type Props = QueryEditorProps<DataSource, OpenManagerQuery, OpenManagerOptions>;

const QUERY_TYPE_OPTIONS: Array<SelectableValue<QueryType>> = [
  { label: 'Time series', value: 'timeseries', description: 'One series per server and metric' },
  { label: 'Latest values', value: 'latest', description: 'A table of the newest sample of each server' },
  { label: 'Server list', value: 'servers', description: 'The inventory with status and last seen' },
];

const METRIC_OPTIONS: Array<SelectableValue<MetricName>> = METRIC_NAMES.map((metric) => ({
  label: METRIC_TITLES[metric],
  value: metric,
}));

const AGGREGATION_OPTIONS: Array<SelectableValue<Aggregation>> = AGGREGATIONS.map((aggregation) => ({
  label: aggregation,
  value: aggregation,
  description: aggregation === 'p95' ? '95th percentile per time bucket' : `${aggregation} per time bucket`,
}));

export function QueryEditor({ datasource, query: savedQuery, onChange, onRunQuery }: Props) {
  const query = { ...DEFAULT_QUERY, ...savedQuery };
  const update = (change: Partial<OpenManagerQuery>) => {
    onChange({ ...query, ...change });
    onRunQuery();
  };

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Query type" labelWidth={14}>
          <RadioButtonGroup<QueryType>
            options={QUERY_TYPE_OPTIONS}
            value={query.queryType}
            onChange={(queryType) => update({ queryType })}
          />
        </InlineField>
      </InlineFieldRow>
      <InlineFieldRow>
        <ServerPicker
          datasource={datasource}
          inputId={`openmanager-servers-${query.refId}`}
          value={query.servers}
          onChange={(servers) => update({ servers })}
        />
      </InlineFieldRow>
      {query.queryType !== 'servers' && (
        <InlineFieldRow>
          <InlineField label="Metrics" labelWidth={14} grow htmlFor={`openmanager-metrics-${query.refId}`}>
            <MultiSelect<MetricName>
              inputId={`openmanager-metrics-${query.refId}`}
              options={METRIC_OPTIONS}
              value={query.metrics}
              placeholder="Choose metrics"
              onChange={(items: Array<SelectableValue<MetricName>>) =>
                update({ metrics: items.map((item) => item.value).filter((m): m is MetricName => Boolean(m)) })
              }
            />
          </InlineField>
        </InlineFieldRow>
      )}
      {query.queryType === 'timeseries' && (
        <InlineFieldRow>
          <InlineField label="Aggregation" labelWidth={14} htmlFor={`openmanager-aggregation-${query.refId}`}>
            <Select<Aggregation>
              inputId={`openmanager-aggregation-${query.refId}`}
              width={16}
              options={AGGREGATION_OPTIONS}
              value={query.aggregation}
              onChange={(item) => item.value && update({ aggregation: item.value })}
            />
          </InlineField>
          <InlineField
            label="Alias"
            labelWidth={10}
            grow
            tooltip="Series name, e.g. {{server}} {{metric}}; also {{provider}}, {{region}}, {{role}} and template variables"
          >
            <Input
              id={`openmanager-alias-${query.refId}`}
              value={query.alias ?? ''}
              placeholder="{{server}} {{metric}}"
              onChange={(event: ChangeEvent<HTMLInputElement>) => onChange({ ...query, alias: event.target.value })}
              onBlur={onRunQuery}
            />
          </InlineField>
        </InlineFieldRow>
      )}
    </>
  );
}
