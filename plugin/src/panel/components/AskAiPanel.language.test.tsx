/** The ask-AI panel speaks the operator's Grafana language: Korean for a Korean user, English otherwise. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { askAnswer, askService, renderAskAiPanel } from '../../testing/askAiPanel';
import { CannedService, startCannedService } from '../../testing/cannedService';
import { setUserLanguage } from '../../testing/userLanguage';
import { TEST_IDS } from '../../shared/testIds';

let service: CannedService;

beforeAll(async () => {
  service = await startCannedService(askService(() => ({ body: askAnswer() })));
});

afterAll(() => service.close());

// the panel keeps this session's questions in sessionStorage
beforeEach(() => window.sessionStorage.clear());

afterEach(() => setUserLanguage('en-US'));

const openManager = () => [{ uid: 'openmanager', name: 'OpenManager', serviceUrl: service.url }];

describe('the ask-AI panel in the user language', () => {
  it('is in Korean for a Korean user: box, hints, examples, answer and findings', async () => {
    await setUserLanguage('ko-KR');
    await renderAskAiPanel({ dataSources: openManager(), options: { askOnRefresh: false } });

    expect(screen.getByRole('textbox', { name: '질문' })).toHaveAttribute(
      'placeholder',
      'DB-EU-002 서버에 문제가 있나요?'
    );
    expect(screen.getByText(/Enter는 질문, Shift\+Enter는 줄 바꿈/)).toBeInTheDocument();
    expect(screen.getByText(/서버에 대해 한국어나 영어로 물어보세요/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '이렇게 물어보세요' })).toBeInTheDocument();
    expect(screen.queryByText(/Ask about your servers/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'DB-EU-002 서버에 문제가 있나요?' }));
    const answer = await screen.findByTestId(TEST_IDS.answer);
    expect(answer).toHaveAccessibleName('답변');
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('심각');
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveAccessibleName('심각도: 심각');
    expect(screen.getByRole('heading', { name: '발견 사항 (2)' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '이번 세션에서 물어본 질문' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '질문하기' })).toBeInTheDocument();
  });

  it('is in English for an English user', async () => {
    await setUserLanguage('en-US');
    await renderAskAiPanel({ dataSources: openManager(), options: { askOnRefresh: false } });

    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveAttribute(
      'placeholder',
      'Is anything wrong with server DB-EU-002?'
    );
    expect(screen.getByText(/Ask about your servers in Korean or English/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'DB-EU-002 서버에 문제가 있나요?' }));
    await screen.findByTestId(TEST_IDS.answer);
    expect(screen.getByTestId(TEST_IDS.severity)).toHaveTextContent('critical');
    expect(screen.getByRole('heading', { name: 'Findings (2)' })).toBeInTheDocument();
    expect(screen.queryByText(/한국어나 영어로/)).not.toBeInTheDocument();
  });

  it('tells a Korean user in Korean what to do when the panel has no data source', async () => {
    await setUserLanguage('ko-KR');
    await renderAskAiPanel({ dataSources: [] });

    expect(await screen.findByText('OpenManager 데이터 소스 없음')).toBeInTheDocument();
    expect(screen.getByText(/아직 OpenManager 데이터 소스가 없습니다/)).toBeInTheDocument();
  });
});
