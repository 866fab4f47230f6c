/** Query editor (panels and Explore): query type, servers, metrics, aggregation and alias. */
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { t } from '@grafana/i18n';
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
import { SeriesFields } from './SeriesFields';
import { ServerPicker } from './ServerPicker';

type Props = QueryEditorProps<DataSource, OpenManagerQuery, OpenManagerOptions>;

function queryTypeOptions(): Array<SelectableValue<QueryType>> {
  return [
    {
      label: t('datasource.query.type.timeseries', 'Time series'),
      value: 'timeseries',
      description: t('datasource.query.type.timeseries-description', 'One series per server and metric'),
    },
    {
      label: t('datasource.query.type.latest', 'Latest values'),
      value: 'latest',
      description: t('datasource.query.type.latest-description', 'A table of the newest sample of each server'),
    },
    {
      label: t('datasource.query.type.series', 'Labelled series'),
      value: 'series',
      description: t(
        'datasource.query.type.series-description',
        'Pods, services, volumes or application metrics, one series per label set'
      ),
    },
    {
      label: t('datasource.query.type.servers', 'Server list'),
      value: 'servers',
      description: t('datasource.query.type.servers-description', 'The inventory with status and last seen'),
    },
  ];
}

const METRIC_OPTIONS: Array<SelectableValue<MetricName>> = METRIC_NAMES.map((metric) => ({
  label: METRIC_TITLES[metric],
  value: metric,
}));

function aggregationOptions(): Array<SelectableValue<Aggregation>> {
  return AGGREGATIONS.map((aggregation) => ({
    label: aggregation,
    value: aggregation,
    description:
      aggregation === 'p95'
        ? t('datasource.query.aggregation.p95', '95th percentile per time bucket')
        : t('datasource.query.aggregation.per-bucket', '{{aggregation}} per time bucket', { aggregation }),
  }));
}

export function QueryEditor({ datasource, query: savedQuery, onChange, onRunQuery }: Props) {
  const query = { ...DEFAULT_QUERY, ...savedQuery };
  const update = (change: Partial<OpenManagerQuery>) => {
    onChange({ ...query, ...change });
    onRunQuery();
  };
  const bucketed = query.queryType === 'timeseries' || query.queryType === 'series';

  return (
    <>
      <InlineFieldRow>
        <InlineField label={t('datasource.query.type.label', 'Query type')} labelWidth={14}>
          <RadioButtonGroup<QueryType>
            options={queryTypeOptions()}
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
      {query.queryType === 'series' && (
        <SeriesFields
          datasource={datasource}
          refId={query.refId}
          series={query.series}
          labels={query.labels ?? []}
          onChange={update}
        />
      )}
      {(query.queryType === 'timeseries' || query.queryType === 'latest') && (
        <InlineFieldRow>
          <InlineField
            label={t('datasource.query.metrics.label', 'Metrics')}
            labelWidth={14}
            grow
            htmlFor={`openmanager-metrics-${query.refId}`}
          >
            <MultiSelect<MetricName>
              inputId={`openmanager-metrics-${query.refId}`}
              options={METRIC_OPTIONS}
              value={query.metrics}
              placeholder={t('datasource.query.metrics.placeholder', 'Choose metrics')}
              onChange={(items: Array<SelectableValue<MetricName>>) =>
                update({ metrics: items.map((item) => item.value).filter((m): m is MetricName => Boolean(m)) })
              }
            />
          </InlineField>
        </InlineFieldRow>
      )}
      {bucketed && (
        <InlineFieldRow>
          <InlineField
            label={t('datasource.query.aggregation.label', 'Aggregation')}
            labelWidth={14}
            htmlFor={`openmanager-aggregation-${query.refId}`}
          >
            <Select<Aggregation>
              inputId={`openmanager-aggregation-${query.refId}`}
              width={16}
              options={aggregationOptions()}
              value={query.aggregation}
              onChange={(item) => item.value && update({ aggregation: item.value })}
            />
          </InlineField>
          <InlineField
            label={t('datasource.query.alias.label', 'Alias')}
            labelWidth={10}
            grow
            tooltip={t(
              'datasource.query.alias.tooltip',
              'Series name, e.g. {{server}} {{metric}}; also {{provider}}, {{region}}, {{role}} and template variables',
              // the {{…}} are the alias's own patterns, shown as they are
              { skipInterpolation: true }
            )}
          >
            <Input
              id={`openmanager-alias-${query.refId}`}
              value={query.alias ?? ''}
              // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- alias syntax, the same in every language
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
