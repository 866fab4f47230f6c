/**
 * Renders the ask-AI panel as Grafana would, with real OpenManager DataSources whose requests go through the data
 * proxy stand-in to test services, and a canned service answering /api/ask and /api/query in the contract's shapes.
 */
import { setBackendSrv, setDataSourceSrv } from '@grafana/runtime';
import { act, render } from '@testing-library/react';
import { emptyEntities } from '@openmanager/contract';
import React from 'react';

import { DataSource } from '../datasource/datasource';
import pluginJson from '../datasource/plugin.json';
import { AskAnswer, AskFinding, QueryRequestBody } from '../datasource/types';
import { AskAiPanel } from '../panel/components/AskAiPanel';
import { AskAiOptions, DEFAULT_OPTIONS } from '../panel/types';
import { CannedAnswer, CannedHandler, RecordedRequest } from './cannedService';
import { dataSourceSettings, proxyUrlOf } from './dataSourceFixture';
import { RegisteredDataSource, testDataSourceSrv } from './dataSourceSrv';
import { panelProps } from './panelProps';
import { proxyBackendSrv } from './proxyBackendSrv';
import { TestVariable, testTemplateSrv } from './templateSrv';

export const PANEL_RANGE = { from: 1764115200000, to: 1764122400000 };

export interface PanelDataSource {
  uid: string;
  name?: string;
  serviceUrl: string;
  apiKey?: string;
}

export interface RenderPanelOptions {
  dataSources: PanelDataSource[];
  options?: Partial<AskAiOptions>;
  variables?: TestVariable[];
  width?: number;
  height?: number;
  id?: number;
  /** Extra instances of other types, e.g. a Prometheus the panel must not offer. */
  others?: RegisteredDataSource[];
}

/** Renders the panel and lets it find its data source (the first state an operator sees). */
export async function renderAskAiPanel({
  dataSources,
  options = {},
  variables = [],
  width,
  height,
  id,
  others = [],
}: RenderPanelOptions) {
  const templateSrv = testTemplateSrv(variables);
  setBackendSrv(proxyBackendSrvFor(dataSources));
  setDataSourceSrv(
    testDataSourceSrv([
      ...dataSources.map(({ uid, name, serviceUrl }) => {
        const settings = dataSourceSettings(serviceUrl, uid, name ?? uid);
        return { settings, instance: new DataSource(settings, templateSrv) };
      }),
      ...others,
    ])
  );
  const props = panelProps<AskAiOptions>({
    options: { ...DEFAULT_OPTIONS, ...options },
    range: PANEL_RANGE,
    templateSrv,
    width,
    height,
    id,
  });
  const rendered = render(<AskAiPanel {...props} />);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { ...rendered, props };
}

function proxyBackendSrvFor(dataSources: PanelDataSource[]) {
  return proxyBackendSrv(
    dataSources.map(({ uid, serviceUrl, apiKey = 'good-key' }) => ({
      proxyUrl: proxyUrlOf(uid),
      routes: pluginJson.routes,
      jsonData: { url: serviceUrl },
      secureJsonData: { apiKey },
    }))
  );
}

// ---- canned answers in the contract's shapes ----

export const finding = (change: Partial<AskFinding> = {}): AskFinding => ({
  serverId: 'DB-EU-002',
  metric: 'cpu',
  kind: 'threshold',
  value: 86.71,
  threshold: 85,
  level: 'critical',
  message: 'DB-EU-002 CPU 86.7% — 위험 기준 85% 이상입니다.',
  ...change,
});

export const askAnswer = (change: Partial<AskAnswer> = {}): AskAnswer => ({
  intent: 'server_health',
  language: 'ko',
  entities: { ...emptyEntities(), servers: ['DB-EU-002'] },
  severity: 'critical',
  answer: 'DB-EU-002: 위험 — CPU 86.7%(위험 기준 85% 이상), 메모리 90.7%(위험 기준 90% 이상).',
  findings: [
    finding(),
    finding({
      metric: 'memory',
      value: 90.72,
      threshold: 90,
      message: 'DB-EU-002 메모리 90.7% — 위험 기준 90% 이상입니다.',
    }),
  ],
  ...change,
});

/** /api/query answered with `points` samples per target (a ramp from 80 to 90), one frame per target. */
export function seriesAnswer(request: RecordedRequest, points = 24): CannedAnswer {
  const body = request.body as QueryRequestBody;
  const step = (body.range.to - body.range.from) / points;
  const results = Object.fromEntries(
    body.targets.map((target) => [
      target.refId,
      {
        frames: [
          {
            schema: {
              name: `${target.servers[0]} ${target.metrics[0]}`,
              fields: [
                { name: 'time', type: 'time' },
                {
                  name: target.metrics[0],
                  type: 'number',
                  labels: { server: target.servers[0] },
                  config: { unit: 'percent' },
                },
              ],
            },
            data: {
              values: [
                Array.from({ length: points }, (_, i) => body.range.from + i * step),
                Array.from({ length: points }, (_, i) => 80 + (10 * i) / points),
              ],
            },
          },
        ],
      },
    ])
  );
  return { body: { results } };
}

/** A canned service: /api/ask answered by `ask`, /api/query by seriesAnswer. */
export function askService(ask: (request: RecordedRequest) => CannedAnswer): CannedHandler {
  return (request) => {
    if (request.path === '/api/ask') {
      return ask(request);
    }
    if (request.path === '/api/query') {
      return seriesAnswer(request);
    }
    return {
      status: 404,
      body: { error: { code: 'not_found', message: `no route ${request.method} ${request.path}` } },
    };
  };
}

export const asked = (requests: RecordedRequest[]) =>
  requests
    .filter((request) => request.path === '/api/ask')
    .map((request) => request.body as { question: string; from?: number; to?: number });
