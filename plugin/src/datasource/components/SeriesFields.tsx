/** Fields of a `series` query: the labelled series (from GET /api/series) and filters on its labels. */
import { SelectableValue } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, InlineField, InlineFieldRow, Input, Select } from '@grafana/ui';
import React, { FocusEvent, useMemo } from 'react';

import { AS_IS } from '../../shared/i18n';
import { TEST_IDS } from '../../shared/testIds';
import type { DataSource } from '../datasource';
import { useDataSourceList } from '../hooks/useDataSourceList';
import { SeriesLabelFilter } from '../types';

const OPERATORS: Array<SelectableValue<SeriesLabelFilter['operator']>> = ['=', '!=', '=~', '!~'].map((op) => ({
  label: op,
  value: op as SeriesLabelFilter['operator'],
}));

const fetchSeriesNames = (datasource: DataSource) => datasource.listSeriesNames();

interface FilterTextProps {
  ariaLabel: string;
  width: number;
  text: string;
  placeholder: string;
  onChange: (text: string) => void;
}

/** A label filter's name or value, trimmed and passed on when the field loses focus with a changed text. */
function FilterText({ ariaLabel, width, text, placeholder, onChange }: FilterTextProps) {
  const onBlur = (event: FocusEvent<HTMLInputElement>) => {
    const typed = event.target.value.trim();
    if (typed !== text) onChange(typed);
  };
  return <Input aria-label={ariaLabel} width={width} defaultValue={text} placeholder={placeholder} onBlur={onBlur} />;
}

interface Props {
  datasource: DataSource;
  refId: string;
  series?: string;
  labels: SeriesLabelFilter[];
  onChange: (change: { series?: string; labels?: SeriesLabelFilter[] }) => void;
}

export function SeriesFields({ datasource, refId, series, labels, onChange }: Props) {
  const { items: names, loading, error } = useDataSourceList(datasource, fetchSeriesNames);
  const options = useMemo<Array<SelectableValue<string>>>(() => {
    const all = series && !names.includes(series) ? [series, ...names] : names;
    return all.map((name) => ({ label: name, value: name }));
  }, [names, series]);

  const setFilter = (index: number, change: Partial<SeriesLabelFilter>) =>
    onChange({ labels: labels.map((filter, i) => (i === index ? { ...filter, ...change } : filter)) });

  return (
    <>
      <InlineFieldRow>
        <InlineField
          label={t('datasource.query.series.label', 'Series')}
          labelWidth={14}
          grow
          htmlFor={`openmanager-series-${refId}`}
          tooltip={t(
            'datasource.query.series.tooltip',
            'Pods, services, volumes and application metrics, each with its own labels beside server, provider, region and role'
          )}
          invalid={error !== undefined}
          error={error && t('datasource.query.series.error', 'Could not list series: {{error}}', { error, ...AS_IS })}
        >
          <Select<string>
            inputId={`openmanager-series-${refId}`}
            options={options}
            value={series ?? null}
            isLoading={loading}
            allowCustomValue
            placeholder={t('datasource.query.series.placeholder', 'Choose a series')}
            onChange={(item) => item.value && onChange({ series: item.value })}
          />
        </InlineField>
      </InlineFieldRow>
      {labels.map((filter, index) => (
        <InlineFieldRow key={index} data-testid={TEST_IDS.seriesLabelFilter}>
          <InlineField label={t('datasource.query.series.filter', 'Label filter')} labelWidth={14}>
            <FilterText
              ariaLabel={t('datasource.query.series.filter-label', 'Label name')}
              width={20}
              text={filter.label}
              placeholder={t('datasource.query.series.filter-label-placeholder', 'e.g. service')}
              onChange={(label) => setFilter(index, { label })}
            />
          </InlineField>
          <Select<SeriesLabelFilter['operator']>
            aria-label={t('datasource.query.series.filter-operator', 'Operator')}
            width={8}
            options={OPERATORS}
            value={filter.operator}
            onChange={(item) => item.value && setFilter(index, { operator: item.value })}
          />
          <FilterText
            ariaLabel={t('datasource.query.series.filter-value', 'Label value')}
            width={30}
            text={filter.value}
            placeholder={t('datasource.query.series.filter-value-placeholder', 'a value, a regex or $variable')}
            onChange={(value) => setFilter(index, { value })}
          />
          <Button
            variant="secondary"
            icon="trash-alt"
            aria-label={t('datasource.query.series.filter-remove', 'Remove label filter')}
            onClick={() => onChange({ labels: labels.filter((_, i) => i !== index) })}
          />
        </InlineFieldRow>
      ))}
      <InlineFieldRow>
        <Button
          variant="secondary"
          icon="plus"
          size="sm"
          data-testid={TEST_IDS.addSeriesLabelFilter}
          onClick={() => onChange({ labels: [...labels, { label: '', operator: '=', value: '' }] })}
        >
          {t('datasource.query.series.filter-add', 'Add label filter')}
        </Button>
      </InlineFieldRow>
    </>
  );
}
