import { FieldConfigSource, LoadingState, PanelProps, getDefaultTimeRange } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';

import { plugin } from '../module';
import { AskAiOptions } from '../types';
import { AskAiPanel } from './AskAiPanel';

describe('AskAiPanel placeholder', () => {
  it('is what the plugin module registers, and tells the operator the panel is coming', () => {
    expect(plugin.panel).toBe(AskAiPanel);
    const props = {
      id: 1,
      width: 320,
      height: 200,
      options: {},
      data: { state: LoadingState.Done, series: [], timeRange: getDefaultTimeRange() },
      fieldConfig: { defaults: {}, overrides: [] } as FieldConfigSource,
    } as unknown as PanelProps<AskAiOptions>;

    render(<AskAiPanel {...props} />);

    expect(screen.getByRole('heading', { name: 'Ask AI is coming' })).toBeInTheDocument();
    expect(screen.getByText(/DB-EU-002 서버에 문제가 있나요\?/)).toBeInTheDocument();
  });
});
