import { CoreApp, getDefaultTimeRange } from '@grafana/data';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';

import { createDataSource } from '../../testing/dataSourceFixture';
import { VariableQuery } from '../types';
import { VariableQueryEditor } from './VariableQueryEditor';

function renderEditor(initial: unknown) {
  const changes: VariableQuery[] = [];
  function Host() {
    const [query, setQuery] = useState(initial as VariableQuery);
    return (
      <VariableQueryEditor
        datasource={createDataSource({ serviceUrl: 'http://127.0.0.1:9' })}
        query={query}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
        onRunQuery={() => undefined}
        range={getDefaultTimeRange()}
        app={CoreApp.Dashboard}
      />
    );
  }
  render(<Host />);
  return { last: () => changes[changes.length - 1], changes };
}

describe('VariableQueryEditor', () => {
  it('starts a new variable as a server list and switches what it lists', async () => {
    const { last } = renderEditor(undefined);
    expect(screen.getByText('Servers')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('List'));
    await userEvent.click(within(await screen.findByLabelText('Select options menu')).getByText('Regions'));

    expect(last()).toEqual({ refId: 'OpenManagerVariable', kind: 'regions' });
  });

  it('stores each filter when its field is left, variables included, and clears an emptied one', async () => {
    const { last, changes } = renderEditor({ refId: 'v', kind: 'servers', role: 'web' });

    await userEvent.type(screen.getByLabelText('Only provider'), '$provider');
    expect(changes).toHaveLength(0);
    await userEvent.tab();
    expect(last()).toEqual({ refId: 'v', kind: 'servers', role: 'web', provider: '$provider' });

    await userEvent.clear(screen.getByLabelText('Only role'));
    await userEvent.tab();
    expect(last()).toEqual({ refId: 'v', kind: 'servers', role: undefined, provider: '$provider' });
  });

  it('lists label values of a series: asks for the series and label instead of the server filters', async () => {
    const { last } = renderEditor({ refId: 'v', kind: 'servers' });

    await userEvent.click(screen.getByLabelText('List'));
    await userEvent.click(
      within(await screen.findByLabelText('Select options menu')).getByText('Label values of a series')
    );
    expect(screen.queryByLabelText('Only provider')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Series'), 'openmanager_service_up');
    await userEvent.tab();
    await userEvent.type(screen.getByLabelText('Label'), 'service');
    await userEvent.tab();

    expect(last()).toEqual({
      refId: 'v',
      kind: 'seriesLabelValues',
      series: 'openmanager_service_up',
      label: 'service',
    });
  });
});
