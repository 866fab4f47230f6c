/** Asking with the keyboard, dashboard variables and range, this session's history, and the panel's options. */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';

import { CannedService, startCannedService } from '../../testing/cannedService';
import { PANEL_RANGE, askAnswer, askService, asked, renderAskAiPanel } from '../../testing/askAiPanel';
import { timeRange } from '../../testing/panelProps';
import { TEST_IDS } from '../../shared/testIds';
import { AskAiPanel } from './AskAiPanel';

let service: CannedService;
let second: CannedService;

beforeAll(async () => {
  service = await startCannedService(askService(() => ({ body: askAnswer() })));
  second = await startCannedService(askService(() => ({ body: askAnswer({ severity: 'warning' }) })));
});

afterAll(async () => {
  await service.close();
  await second.close();
});

beforeEach(() => {
  service.requests.length = 0;
  second.requests.length = 0;
  window.sessionStorage.clear();
});

const openManager = () => [{ uid: 'openmanager', name: 'OpenManager', serviceUrl: service.url }];
const questions = () => asked(service.requests).map((body) => body.question);
const box = () => screen.getByRole('textbox', { name: 'Question' });

describe('asking with the keyboard', () => {
  it('asks on Enter, adds a line on Shift+Enter, and clears the box on Escape', async () => {
    await renderAskAiPanel({ dataSources: openManager(), options: { askOnRefresh: false, defaultQuestion: '' } });

    await userEvent.type(box(), 'DB-EU-002{Shift>}{Enter}{/Shift}메모리는?');
    expect(box()).toHaveValue('DB-EU-002\n메모리는?');
    expect(asked(service.requests)).toHaveLength(0);

    await userEvent.keyboard('{Enter}');
    await screen.findByTestId(TEST_IDS.answer);
    expect(questions()).toEqual(['DB-EU-002\n메모리는?']);

    await userEvent.keyboard('{Escape}');
    expect(box()).toHaveValue('');
  });

  it('does not ask while an input method is composing (Enter commits the Hangul syllable)', async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      options: { askOnRefresh: false, defaultQuestion: '오프라인 서버 있어' },
    });

    box().focus();
    const composing = new KeyboardEvent('keydown', {
      key: 'Enter',
      bubbles: true,
      cancelable: true,
      isComposing: true,
    });
    box().dispatchEvent(composing);
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));

    expect(asked(service.requests)).toHaveLength(0);
  });

  it("has a labelled box, then the Ask button, then this session's questions in tab order", async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      options: { defaultQuestion: 'DB-EU-002 서버에 문제가 있나요?' },
    });
    await screen.findByTestId(TEST_IDS.answer);

    expect(box()).toHaveAccessibleDescription(/Enter asks, Shift\+Enter adds a line, Escape cancels or clears/);
    box().focus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Ask' })).toHaveFocus();
    await userEvent.tab();
    const history = screen.getByRole('navigation', { name: 'Asked in this session' });
    expect(within(history).getByRole('button', { name: 'DB-EU-002 서버에 문제가 있나요?' })).toHaveFocus();
  });
});

describe('dashboard variables and range', () => {
  it("fills $server with the variable's values, and ${server} and [[server]] too", async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      variables: [{ name: 'server', current: ['DB-EU-001', 'DB-EU-002'] }],
      options: { defaultQuestion: '$server 상태 어때?' },
    });
    await screen.findByTestId(TEST_IDS.answer);

    await userEvent.clear(box());
    // user-event types a literal { as {{ and [ as [[
    await userEvent.type(box(), 'Compare ${{server} and [[[[server]]{Enter}');

    await waitFor(() =>
      expect(questions()).toEqual([
        'DB-EU-001, DB-EU-002 상태 어때?',
        'Compare DB-EU-001, DB-EU-002 and DB-EU-001, DB-EU-002',
      ])
    );
    // what was asked, expanded, is shown above the answer
    expect(await screen.findByText('Compare DB-EU-001, DB-EU-002 and DB-EU-001, DB-EU-002')).toBeInTheDocument();
  });

  it('fills an All variable with every value, and sends the dashboard range as from/to', async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      variables: [{ name: 'region', current: '$__all', options: ['eu-west-1', 'us-east-1'] }],
      options: { defaultQuestion: 'How are the servers in $region doing?' },
    });
    await screen.findByTestId(TEST_IDS.answer);

    expect(asked(service.requests)).toEqual([
      { question: 'How are the servers in eu-west-1, us-east-1 doing?', ...PANEL_RANGE },
    ]);
  });

  it("asks the last question again when the dashboard refreshes, keeping the answer shown and the operator's typing", async () => {
    const { props, rerender } = await renderAskAiPanel({
      dataSources: openManager(),
      options: { defaultQuestion: '오프라인 서버 있어?' },
    });
    await screen.findByTestId(TEST_IDS.answer);
    await userEvent.clear(box());
    await userEvent.type(box(), 'DB-EU-002 서버에 문제가 있나요?{Enter}');
    await waitFor(() => expect(questions()).toHaveLength(2));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.answer)).toHaveTextContent('DB-EU-002 서버에 문제가 있나요?')
    );
    service.answerWith(askService(() => ({ body: askAnswer({ severity: 'warning' }), delayMs: 600 })));

    await userEvent.clear(box());
    await userEvent.type(box(), 'WEB-US');

    const later = { from: PANEL_RANGE.from + 60_000, to: PANEL_RANGE.to + 60_000 };
    rerender(<AskAiPanel {...props} timeRange={timeRange(later)} />);

    expect(await screen.findByRole('status')).toHaveTextContent('Refreshing…');
    expect(box()).toHaveValue('WEB-US');
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('warning'));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(asked(service.requests)[2]).toEqual({ question: 'DB-EU-002 서버에 문제가 있나요?', ...later });
    service.answerWith(askService(() => ({ body: askAnswer() })));
  });

  it('waits for the operator when asking on refresh is off, with the default question ready in the box', async () => {
    const { props, rerender } = await renderAskAiPanel({
      dataSources: openManager(),
      options: { askOnRefresh: false, defaultQuestion: '서버 전체적으로 문제 없어?' },
    });
    rerender(<AskAiPanel {...props} timeRange={timeRange({ from: PANEL_RANGE.from + 1, to: PANEL_RANGE.to + 1 })} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));

    expect(asked(service.requests)).toHaveLength(0);
    expect(box()).toHaveValue('서버 전체적으로 문제 없어?');
  });
});

describe("this session's questions", () => {
  it('lists them newest first without repeats, and one click asks again', async () => {
    await renderAskAiPanel({ dataSources: openManager(), options: { askOnRefresh: false, defaultQuestion: '' } });
    for (const question of ['오프라인 서버 있어?', '디스크가 언제 꽉 찰까?', '오프라인 서버 있어?']) {
      await userEvent.clear(box());
      await userEvent.type(box(), `${question}{Enter}`);
      await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    }
    const history = screen.getByRole('navigation', { name: 'Asked in this session' });
    expect(
      within(history)
        .getAllByRole('button')
        .map((button) => button.textContent)
    ).toEqual(['오프라인 서버 있어?', '디스크가 언제 꽉 찰까?']);

    await userEvent.click(within(history).getByRole('button', { name: '디스크가 언제 꽉 찰까?' }));

    await waitFor(() => expect(questions()).toHaveLength(4));
    expect(questions()[3]).toBe('디스크가 언제 꽉 찰까?');
    expect(box()).toHaveValue('디스크가 언제 꽉 찰까?');
  });

  it('keeps them for the browser session when the panel is rendered again (e.g. after editing it)', async () => {
    const first = await renderAskAiPanel({
      dataSources: openManager(),
      id: 7,
      options: { defaultQuestion: '오프라인 서버 있어?' },
    });
    await screen.findByTestId(TEST_IDS.answer);
    first.unmount();

    await renderAskAiPanel({ dataSources: openManager(), id: 7, options: { askOnRefresh: false } });

    const history = screen.getByRole('navigation', { name: 'Asked in this session' });
    expect(within(history).getByRole('button', { name: '오프라인 서버 있어?' })).toBeInTheDocument();
  });
});

describe('options', () => {
  it('asks the data source chosen in the options, else the first OpenManager one', async () => {
    const two = [
      { uid: 'openmanager', name: 'OpenManager', serviceUrl: service.url },
      { uid: 'openmanager-eu', name: 'OpenManager EU', serviceUrl: second.url },
    ];
    const chosen = await renderAskAiPanel({
      dataSources: two,
      options: { datasource: { type: 'openmanager-vibe-datasource', uid: 'openmanager-eu' } },
    });
    expect(await screen.findByTestId(TEST_IDS.severity)).toHaveTextContent('warning');
    expect(asked(service.requests)).toHaveLength(0);
    chosen.unmount();

    await renderAskAiPanel({ dataSources: two });
    expect(await screen.findByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    expect(asked(second.requests)).toHaveLength(1);
  });

  it('says when the chosen data source is gone', async () => {
    await renderAskAiPanel({
      dataSources: openManager(),
      options: { datasource: { type: 'openmanager-vibe-datasource', uid: 'deleted-uid' } },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The data source chosen in this panel\'s options (uid "deleted-uid") does not exist any more: pick another under Options → Data source.'
    );
  });

  it('shows the raw JSON answer for experts when asked to, behind a disclosure', async () => {
    await renderAskAiPanel({ dataSources: openManager(), options: { showRawJson: true } });

    const raw = await screen.findByTestId(TEST_IDS.rawJson);
    expect(JSON.parse(raw.textContent ?? '')).toEqual(askAnswer());
    expect(screen.getByText('Raw answer (JSON)').tagName).toBe('SUMMARY');
  });

  it('hides the raw JSON by default', async () => {
    await renderAskAiPanel({ dataSources: openManager() });
    await screen.findByTestId(TEST_IDS.answer);
    expect(screen.queryByTestId(TEST_IDS.rawJson)).not.toBeInTheDocument();
  });
});

describe('panel sizes', () => {
  it('stacks each chart under its finding on a narrow panel and puts it beside on a wide one', async () => {
    const narrow = await renderAskAiPanel({ dataSources: openManager(), width: 320 });
    const [narrowChart] = await screen.findAllByTestId(TEST_IDS.sparkline);
    expect(narrowChart.style.width).toBe('272px');
    const narrowItem = screen.getAllByTestId(TEST_IDS.finding)[0];
    expect(getComputedStyle(narrowItem).flexDirection).toBe('column');
    narrow.unmount();

    await renderAskAiPanel({ dataSources: openManager(), width: 1200 });
    const [wideChart] = await screen.findAllByTestId(TEST_IDS.sparkline);
    expect(wideChart.style.width).toBe('240px');
    expect(getComputedStyle(screen.getAllByTestId(TEST_IDS.finding)[0]).flexDirection).not.toBe('column');
  });
});
