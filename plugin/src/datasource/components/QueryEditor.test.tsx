import { CoreApp, getDefaultTimeRange } from '@grafana/data';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';

import { CannedService, startCannedService } from '../../testing/cannedService';
import { createDataSource } from '../../testing/dataSourceFixture';
import { setUserLanguage } from '../../testing/userLanguage';
import { TEST_IDS } from '../../shared/testIds';
import type { DataSource } from '../datasource';
import { OpenManagerQuery } from '../types';
import { QueryEditor } from './QueryEditor';

const SERVERS = [
  {
    id: 'DB-EU-001',
    provider: 'aws',
    region: 'eu-west-1',
    role: 'database',
    status: 'online',
    lastSeen: 0,
    labels: {},
  },
  {
    id: 'DB-EU-002',
    provider: 'aws',
    region: 'eu-west-1',
    role: 'database',
    status: 'critical',
    lastSeen: 0,
    labels: {},
  },
  {
    id: 'ONPREM-DB-01',
    provider: 'onprem',
    region: 'seoul-dc1',
    role: 'database',
    status: 'online',
    lastSeen: 0,
    labels: {},
  },
];

let service: CannedService;

beforeAll(async () => {
  service = await startCannedService(({ path }) =>
    path === '/api/series'
      ? { body: { names: ['openmanager_pod_status', 'openmanager_service_up'] } }
      : { body: { servers: SERVERS } }
  );
});

afterAll(() => service.close());

/** Holds the query as a panel editor does; records changes and runs. */
function renderEditor(datasource: DataSource, initial: Partial<OpenManagerQuery> = {}) {
  const changes: OpenManagerQuery[] = [];
  const runs = { count: 0 };
  function Host() {
    const [query, setQuery] = useState({ refId: 'A', ...initial } as OpenManagerQuery);
    return (
      <QueryEditor
        datasource={datasource}
        query={query}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
        onRunQuery={() => runs.count++}
        range={getDefaultTimeRange()}
        app={CoreApp.Explore}
      />
    );
  }
  render(<Host />);
  return { changes, runs, last: () => changes[changes.length - 1] };
}

const dsWithVariables = () =>
  createDataSource({ serviceUrl: service.url, variables: [{ name: 'server', current: ['DB-EU-001'] }] });

describe('QueryEditor', () => {
  it('starts a new query (as in Explore) as a CPU time series averaged over all servers', async () => {
    renderEditor(dsWithVariables());
    expect(screen.getByRole('radio', { name: 'Time series' })).toBeChecked();
    expect(screen.getByText('CPU')).toBeInTheDocument();
    expect(screen.getByText('avg')).toBeInTheDocument();
    expect(screen.getByText('All servers')).toBeInTheDocument();
  });

  it('switches query type and shows only the fields that type uses', async () => {
    const { last, runs } = renderEditor(dsWithVariables());

    await userEvent.click(screen.getByRole('radio', { name: 'Latest values' }));
    expect(last().queryType).toBe('latest');
    expect(runs.count).toBe(1);
    expect(screen.getByLabelText('Metrics')).toBeInTheDocument();
    expect(screen.queryByLabelText('Aggregation')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Server list' }));
    expect(last().queryType).toBe('servers');
    expect(screen.queryByLabelText('Metrics')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Servers')).toBeInTheDocument();
  });

  it('lists the servers from the service beside the template variables, and selects several', async () => {
    const { last, runs } = renderEditor(dsWithVariables());
    const servers = screen.getByLabelText('Servers');

    await userEvent.click(servers);
    const menu = await screen.findByLabelText('Select options menu');
    await waitFor(() => expect(within(menu).getByText('ONPREM-DB-01')).toBeInTheDocument());
    expect(within(menu).getByText('$server')).toBeInTheDocument();
    expect(within(menu).getByText('aws · eu-west-1 · database · critical')).toBeInTheDocument();

    await userEvent.click(within(menu).getByText('DB-EU-002'));
    await userEvent.click(screen.getByLabelText('Servers'));
    await userEvent.click(within(await screen.findByLabelText('Select options menu')).getByText('$server'));

    expect(last().servers).toEqual(['DB-EU-002', '$server']);
    expect(runs.count).toBe(2);
  });

  it('accepts a server id or variable typed by hand', async () => {
    const { last } = renderEditor(dsWithVariables());

    await userEvent.type(screen.getByLabelText('Servers'), '$other{enter}');

    expect(last().servers).toEqual(['$other']);
  });

  it('adds and removes metrics and sets the aggregation and alias', async () => {
    const { last, runs } = renderEditor(dsWithVariables());

    await userEvent.click(screen.getByLabelText('Metrics'));
    await userEvent.click(within(await screen.findByLabelText('Select options menu')).getByText('Memory'));
    expect(last().metrics).toEqual(['cpu', 'memory']);

    const cpuChip = screen.getByText('CPU').parentElement as HTMLElement;
    await userEvent.click(within(cpuChip).getByRole('button', { name: 'Remove' }));
    expect(last().metrics).toEqual(['memory']);

    await userEvent.click(screen.getByLabelText('Aggregation'));
    await userEvent.click(within(await screen.findByLabelText('Select options menu')).getByText('p95'));
    expect(last().aggregation).toBe('p95');

    const runsBeforeAlias = runs.count;
    await userEvent.type(screen.getByPlaceholderText('{{server}} {{metric}}'), 'load of {{{{server}}');
    expect(runs.count).toBe(runsBeforeAlias);
    await userEvent.tab();
    expect(last().alias).toBe('load of {{server}}');
    expect(runs.count).toBe(runsBeforeAlias + 1);
  });

  it('reads a labelled series: picks it from the service, filters its labels, keeps servers, aggregation and alias', async () => {
    const { last, runs } = renderEditor(dsWithVariables());

    await userEvent.click(screen.getByRole('radio', { name: 'Labelled series' }));
    expect(last().queryType).toBe('series');
    expect(screen.queryByLabelText('Metrics')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Servers')).toBeInTheDocument();
    expect(screen.getByLabelText('Aggregation')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Series'));
    const menu = await screen.findByLabelText('Select options menu');
    await waitFor(() => expect(within(menu).getByText('openmanager_service_up')).toBeInTheDocument());
    await userEvent.click(within(menu).getByText('openmanager_service_up'));
    expect(last().series).toBe('openmanager_service_up');

    await userEvent.click(screen.getByTestId(TEST_IDS.addSeriesLabelFilter));
    const [filter] = screen.getAllByTestId(TEST_IDS.seriesLabelFilter);
    await userEvent.type(within(filter).getByLabelText('Label name'), 'service');
    await userEvent.type(within(filter).getByLabelText('Label value'), 'postfix.*');
    await userEvent.tab();
    expect(last().labels).toEqual([{ label: 'service', operator: '=', value: 'postfix.*' }]);

    await userEvent.click(within(filter).getByLabelText('Operator'));
    await userEvent.click(within(await screen.findByLabelText('Select options menu')).getByText('=~'));
    expect(last().labels).toEqual([{ label: 'service', operator: '=~', value: 'postfix.*' }]);
    const runsBeforeRemove = runs.count;

    await userEvent.click(within(filter).getByRole('button', { name: 'Remove label filter' }));
    expect(last().labels).toEqual([]);
    expect(screen.queryByTestId(TEST_IDS.seriesLabelFilter)).not.toBeInTheDocument();
    expect(runs.count).toBe(runsBeforeRemove + 1);
    // Many steps through Grafana's selects: slow on a loaded machine.
  }, 30_000);

  it('says why the server list is missing when the service refuses the key', async () => {
    const refusing = await startCannedService(() => ({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'no' } },
    }));
    try {
      renderEditor(createDataSource({ serviceUrl: refusing.url }));
      expect(await screen.findByText(/Could not list servers: .*rejected the API key/)).toBeInTheDocument();
    } finally {
      await refusing.close();
    }
  });
});

describe('QueryEditor in the user language', () => {
  afterEach(() => setUserLanguage('en-US'));

  it('is in Korean for a Korean user', async () => {
    await setUserLanguage('ko-KR');
    renderEditor(dsWithVariables());

    expect(screen.getByRole('radio', { name: '시계열' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '최신 값' })).toBeInTheDocument();
    expect(screen.getByLabelText('지표')).toBeInTheDocument();
    expect(screen.getByLabelText('집계')).toBeInTheDocument();
    expect(screen.getByLabelText('서버')).toBeInTheDocument();
    expect(screen.getByText('모든 서버')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Time series')).not.toBeInTheDocument());
  });

  it('offers labelled series in Korean for a Korean user', async () => {
    await setUserLanguage('ko-KR');
    renderEditor(dsWithVariables());

    await userEvent.click(screen.getByRole('radio', { name: '레이블 시계열' }));
    expect(screen.getByLabelText('시계열 이름')).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.addSeriesLabelFilter)).toHaveTextContent('레이블 필터 추가');
  }, 30_000);

  it('is in English for an English user', async () => {
    await setUserLanguage('en-US');
    renderEditor(dsWithVariables());

    expect(screen.getByRole('radio', { name: 'Time series' })).toBeChecked();
    expect(screen.getByLabelText('Metrics')).toBeInTheDocument();
    expect(screen.getByText('All servers')).toBeInTheDocument();
  });
});
