/** Every state of the ask-AI panel as an operator sees it, with the real DataSource asking a test service over HTTP. */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CannedService, startCannedService } from '../../testing/cannedService';
import { PANEL_RANGE, askAnswer, askService, asked, finding, renderAskAiPanel } from '../../testing/askAiPanel';
import { TEST_IDS } from '../../shared/testIds';
import { plugin } from '../module';
import { AskAiPanel } from './AskAiPanel';

let service: CannedService;

beforeAll(async () => {
  service = await startCannedService(askService(() => ({ body: askAnswer() })));
});

afterAll(() => service.close());

beforeEach(() => {
  service.requests.length = 0;
  window.sessionStorage.clear();
});

const openManager = () => [{ uid: 'openmanager', name: 'OpenManager', serviceUrl: service.url }];

async function askByTyping(question: string) {
  const box = screen.getByRole('textbox', { name: 'Question' });
  await userEvent.clear(box);
  await userEvent.type(box, `${question}{Enter}`);
}

describe('the ask-AI panel', () => {
  it('is what the plugin module registers', () => {
    expect(plugin.panel).toBe(AskAiPanel);
  });

  it('asks the default question on load with the dashboard range, and shows severity, answer, findings and their charts', async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      options: { defaultQuestion: 'DB-EU-002 서버에 문제가 있나요?' },
    });

    const answer = await screen.findByTestId(TEST_IDS.answer);
    expect(within(answer).getByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    expect(within(answer).getByText(/DB-EU-002: 위험 — CPU 86.7%/)).toHaveAttribute('lang', 'ko');
    const findings = within(answer).getAllByTestId(TEST_IDS.finding);
    expect(findings.map((item) => item.dataset.metric)).toEqual(['cpu', 'memory']);
    expect(findings[0]).toHaveTextContent('DB-EU-002');
    expect(findings[0]).toHaveTextContent('CPU');
    expect(findings[0]).toHaveTextContent('86.7% ≥ 85%');
    expect(findings[1]).toHaveTextContent('Memory');
    expect(findings[1]).toHaveTextContent('90.7% ≥ 90%');
    expect(findings[1]).toHaveTextContent('메모리 90.7% — 위험 기준 90% 이상입니다.');

    const charts = await within(answer).findAllByTestId(TEST_IDS.sparkline);
    expect(charts.map((chart) => chart.dataset.points)).toEqual(['24', '24']);
    expect(charts[1]).toHaveAccessibleName('DB-EU-002 Memory, 24 points over the dashboard range');

    expect(asked(service.requests)).toEqual([{ question: 'DB-EU-002 서버에 문제가 있나요?', ...PANEL_RANGE }]);
    const seriesQuery = service.requests.find((request) => request.path === '/api/query')!;
    expect(seriesQuery.headers.authorization).toBe('Bearer good-key');
    expect(seriesQuery.body).toMatchObject({
      range: PANEL_RANGE,
      targets: [
        { refId: 'S0', queryType: 'timeseries', servers: ['DB-EU-002'], metrics: ['cpu'] },
        { refId: 'S1', queryType: 'timeseries', servers: ['DB-EU-002'], metrics: ['memory'] },
      ],
    });
  });

  it('shows an offline finding without a chart, and says when nothing stands out', async () => {
    service.answerWith(
      askService(({ body }) =>
        (body as { question: string }).question.startsWith('오프라인')
          ? {
              body: askAnswer({
                intent: 'availability',
                findings: [
                  finding({
                    serverId: 'WEB-US-003',
                    metric: null,
                    kind: 'offline',
                    value: null,
                    threshold: null,
                    message: 'WEB-US-003: 오프라인',
                  }),
                ],
              }),
            }
          : {
              body: askAnswer({
                intent: 'fleet_health',
                severity: 'ok',
                answer: 'All 30 servers are healthy.',
                language: 'en',
                findings: [],
              }),
            }
      )
    );
    await renderAskAiPanel({ dataSources: openManager(), options: { defaultQuestion: '오프라인 서버 있어?' } });

    const offline = await screen.findByTestId(TEST_IDS.finding);
    expect(offline).toHaveTextContent('WEB-US-003');
    expect(offline).toHaveTextContent('offline · critical');
    expect(screen.queryByTestId(TEST_IDS.sparkline)).not.toBeInTheDocument();

    await askByTyping('How is the fleet?');
    expect(
      await screen.findByText('No findings: nothing in this range crossed a threshold or looked unusual.')
    ).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('ok');
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it('before any question, explains what can be asked and asks an example with one click', async () => {
    await renderAskAiPanel({ dataSources: openManager(), options: { askOnRefresh: false, defaultQuestion: '' } });

    expect(screen.getByText(/Ask about your servers in Korean or English/)).toBeInTheDocument();
    expect(asked(service.requests)).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Ask' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: '메모리 많이 쓰는 서버 5개' }));

    await screen.findByTestId(TEST_IDS.answer);
    expect(asked(service.requests).map((body) => body.question)).toEqual(['메모리 많이 쓰는 서버 5개']);
    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveValue('메모리 많이 쓰는 서버 5개');
  });

  it('says it is asking while the service thinks, and Escape cancels back to the previous answer', async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      options: { defaultQuestion: 'DB-EU-002 서버에 문제가 있나요?' },
    });
    await screen.findByTestId(TEST_IDS.answer);
    service.answerWith(askService(() => ({ body: askAnswer({ severity: 'warning' }), delayMs: 1500 })));

    await askByTyping('K8S-WORKER-03 메모리 괜찮아?');

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Asking OpenManager: “K8S-WORKER-03 메모리 괜찮아?”');
    expect(status).toHaveTextContent('Press Escape to cancel.');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    // the late answer to the cancelled question does not replace what is shown
    await act(() => new Promise((resolve) => setTimeout(resolve, 1700)));
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it("does not understand gibberish: shows the service's hint and examples to click", async () => {
    service.answerWith(
      askService(() => ({
        body: askAnswer({
          intent: 'unknown',
          severity: 'unknown',
          language: 'en',
          findings: [],
          answer:
            'I could not tell what you are asking. You can ask, for example: "Is there a problem with DB-EU-002?"',
        }),
      }))
    );
    await renderAskAiPanel({ dataSources: openManager(), options: { defaultQuestion: 'asdf' } });

    const hint = await screen.findByRole('status', { name: 'Not understood' });
    expect(hint).toHaveTextContent('I could not tell what you are asking.');
    expect(hint).toHaveTextContent('Rephrase the question with a server name or a metric');
    service.answerWith(askService(() => ({ body: askAnswer() })));
    await userEvent.click(within(hint).getByRole('button', { name: 'DB-EU-002 서버에 문제가 있나요?' }));
    expect(await screen.findByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
  });
});

describe('the ask-AI panel when asking fails', () => {
  it('says the key was rejected (401 through the data proxy) and who can fix it', async () => {
    service.answerWith(
      askService(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'invalid API key' } } }))
    );
    await renderAskAiPanel({ dataSources: [{ uid: 'openmanager', serviceUrl: service.url, apiKey: 'stale-key' }] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("The service rejected the data source's API key");
    expect(alert).toHaveTextContent(
      'Ask a Grafana admin to set a valid "API key" in the OpenManager data source settings'
    );
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it('asks to slow down on 429, and Try again asks once more', async () => {
    let calls = 0;
    service.answerWith(
      askService(() =>
        ++calls === 1
          ? { status: 429, body: { error: { code: 'rate_limited', message: 'too many requests' } } }
          : { body: askAnswer() }
      )
    );
    await renderAskAiPanel({ dataSources: openManager() });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many questions at once');
    expect(alert).toHaveTextContent('HTTP 429: rate_limited: too many requests');
    expect(alert).toHaveTextContent('wait a few seconds and try again');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    expect(asked(service.requests).map((body) => body.question)).toEqual([
      '서버 전체적으로 문제 없어?',
      '서버 전체적으로 문제 없어?',
    ]);
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it('says the service is down when nothing listens at its URL, and what to check', async () => {
    const gone = await startCannedService(() => ({ body: {} }));
    await gone.close();
    await renderAskAiPanel({ dataSources: [{ uid: 'openmanager', serviceUrl: gone.url }] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The OpenManager service cannot be reached');
    expect(alert).toHaveTextContent(`Cannot reach the OpenManager service at ${gone.url}`);
    expect(alert).toHaveTextContent('Save & test checks the connection');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it("passes on a 500 with the service's message", async () => {
    service.answerWith(
      askService(() => ({ status: 500, body: { error: { code: 'internal', message: 'analysis failed' } } }))
    );
    await renderAskAiPanel({ dataSources: openManager() });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service failed to answer');
    expect(alert).toHaveTextContent('HTTP 500: internal: analysis failed');
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it('says when a question is refused as bad input (400), asking to rephrase', async () => {
    service.answerWith(
      askService(() => ({
        status: 400,
        body: { error: { code: 'bad_request', message: 'question: must be at most 1000 characters' } },
      }))
    );
    await renderAskAiPanel({ dataSources: openManager() });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service could not take this question');
    expect(alert).toHaveTextContent('question: must be at most 1000 characters');
    expect(alert).toHaveTextContent('Rephrase or shorten the question');
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it('tells how to add a data source when there is no OpenManager one', async () => {
    await renderAskAiPanel({ dataSources: [] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'There is no OpenManager data source yet. Add one under Connections → Data sources'
    );
    expect(screen.getByRole('button', { name: 'Ask' })).toBeDisabled();
  });

  it("shows a chart's own error without hiding the answer", async () => {
    service.answerWith((request) =>
      request.path === '/api/ask'
        ? { body: askAnswer() }
        : { body: { results: { S0: { error: 'storage query timed out' }, S1: { frames: [] } } } }
    );
    await renderAskAiPanel({ dataSources: openManager() });

    const findings = await screen.findAllByTestId(TEST_IDS.finding);
    await waitFor(() => expect(findings[0]).toHaveTextContent('No chart: storage query timed out'));
    expect(findings[1]).toHaveTextContent('No samples in this time range to chart.');
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });
});
