import { CoreApp, getDefaultTimeRange } from '@grafana/data';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';

import { CannedService, startCannedService } from '../../testing/cannedService';
import { createDataSource } from '../../testing/dataSourceFixture';
import { annotationSupport } from '../annotationSupport';
import { OpenManagerQuery } from '../types';
import { AnnotationQueryEditor } from './AnnotationQueryEditor';

let service: CannedService;

beforeAll(async () => {
  service = await startCannedService(() => ({
    body: {
      servers: [
        {
          id: 'DB-EU-002',
          provider: 'aws',
          region: 'eu-west-1',
          role: 'database',
          status: 'critical',
          lastSeen: 0,
          labels: {},
        },
      ],
    },
  }));
});

afterAll(() => service.close());

describe('AnnotationQueryEditor', () => {
  it('picks servers and event kinds for an annotation query', async () => {
    const changes: OpenManagerQuery[] = [];
    function Host() {
      const [query, setQuery] = useState({ refId: 'Anno' } as OpenManagerQuery);
      return (
        <AnnotationQueryEditor
          datasource={createDataSource({ serviceUrl: service.url })}
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
    expect(screen.getByText('Threshold breaches')).toBeInTheDocument();
    expect(screen.getByText('Anomalies')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Servers'));
    // the server options arrive from the service after the menu opens
    await userEvent.click(await within(await screen.findByLabelText('Select options menu')).findByText('DB-EU-002'));
    const anomalyChip = screen.getByText('Anomalies').parentElement as HTMLElement;
    await userEvent.click(within(anomalyChip).getByRole('button', { name: 'Remove' }));

    expect(changes[changes.length - 1]).toMatchObject({
      refId: 'Anno',
      queryType: 'annotations',
      servers: ['DB-EU-002'],
      kinds: ['threshold'],
    });
  });
});

describe('annotationSupport.prepareAnnotation', () => {
  it('runs whatever was saved as an annotation query with the defaults filled in', () => {
    const prepared = annotationSupport.prepareAnnotation!({
      name: 'Breaches',
      enable: true,
      iconColor: 'red',
      target: { refId: 'X', servers: ['$server'] } as OpenManagerQuery,
    });
    expect(prepared.target).toEqual({
      refId: 'X',
      queryType: 'annotations',
      servers: ['$server'],
      metrics: [],
      aggregation: 'avg',
      kinds: ['threshold', 'anomaly'],
    });
  });
});
