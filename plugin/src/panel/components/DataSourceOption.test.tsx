/** The panel's data source option: offers only OpenManager data sources and shows the default one. */
import { DataSourceRef, StandardEditorContext, StandardEditorsRegistryItem } from '@grafana/data';
import { setDataSourceSrv } from '@grafana/runtime';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';

import { dataSourceSettings } from '../../testing/dataSourceFixture';
import { testDataSourceSrv } from '../../testing/dataSourceSrv';
import { AskAiOptions } from '../types';
import { DataSourceOption } from './DataSourceOption';

const prometheus = {
  ...dataSourceSettings('http://prometheus:9090', 'prom', 'Prometheus'),
  type: 'prometheus',
  meta: { id: 'prometheus', name: 'Prometheus', info: { logos: { small: '' } } },
} as never;

beforeEach(() => {
  setDataSourceSrv(
    testDataSourceSrv([
      { settings: prometheus, instance: {} },
      { settings: dataSourceSettings('http://a:8787', 'openmanager', 'OpenManager'), instance: {} },
      { settings: dataSourceSettings('http://b:8787', 'openmanager-eu', 'OpenManager EU'), instance: {} },
    ])
  );
});

function renderOption(value: DataSourceRef | undefined, onChange: (ref?: DataSourceRef) => void) {
  const item = { id: 'datasource', name: 'Data source' } as StandardEditorsRegistryItem<DataSourceRef | undefined>;
  render(
    <DataSourceOption
      id="askai-datasource"
      value={value}
      onChange={onChange}
      item={item}
      context={{ data: [] } as StandardEditorContext<AskAiOptions>}
    />
  );
}

describe('the data source option', () => {
  it('shows the first OpenManager data source when none is chosen, and offers only OpenManager ones', async () => {
    const onChange = jest.fn();
    renderOption(undefined, onChange);

    expect(screen.getByText('OpenManager')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox'));
    const offered = screen.getAllByRole('option').map((option) => option.textContent);
    expect(offered).toEqual(['OpenManager', 'OpenManager EU']);

    await userEvent.click(screen.getByRole('option', { name: /OpenManager EU/ }));
    expect(onChange).toHaveBeenCalledWith({ type: 'openmanager-vibe-datasource', uid: 'openmanager-eu' });
  });

  it('shows the chosen one', () => {
    renderOption({ type: 'openmanager-vibe-datasource', uid: 'openmanager-eu' }, jest.fn());
    expect(screen.getByText('OpenManager EU')).toBeInTheDocument();
  });
});
