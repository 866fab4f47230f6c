/**
 * A panel from its built module, with the built OpenManager data source registered as Grafana's DataSourceSrv
 * would have it. Page parameters: options (JSON), width, height, from/to (epoch ms; default the last 2 hours).
 */
import { setDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import * as React from 'react';

import { testDataSourceSrv } from '../src/testing/dataSourceSrv';
import { panelProps } from '../src/testing/panelProps';
import { loadPlugin } from './amdLoader';
import { createHostDataSource } from './hostDataSource';
import { hostState } from './hostState';

const TWO_HOURS = 2 * 3_600_000;

export async function renderPanel(
  id: string,
  shared: Record<string, unknown>,
  params: URLSearchParams
): Promise<React.ReactElement> {
  const dataSource = await createHostDataSource(shared);
  setDataSourceSrv(testDataSourceSrv([{ settings: dataSource.settings as never, instance: dataSource.instance }]));
  const { plugin } = await loadPlugin(id, shared);
  const Panel = plugin.panel;
  const to = Number(params.get('to') ?? Date.now());
  const from = Number(params.get('from') ?? to - TWO_HOURS);
  const props = panelProps({
    options: JSON.parse(params.get('options') ?? '{}'),
    range: { from, to },
    templateSrv: getTemplateSrv(),
    width: Number(params.get('width') ?? 720),
    height: Number(params.get('height') ?? 560),
  });

  function SizedPanel() {
    const [size, setSize] = React.useState({ width: props.width, height: props.height });
    hostState.resize = (width, height) => setSize({ width, height });
    return (
      <div style={{ width: size.width, height: size.height, overflow: 'hidden' }} data-testid="openmanager-host-panel">
        <Panel {...props} width={size.width} height={size.height} />
      </div>
    );
  }
  return <SizedPanel />;
}
