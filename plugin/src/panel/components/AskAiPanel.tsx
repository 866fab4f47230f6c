/** The ask-AI panel: a question box, this session's questions, and the answer or the state the question is in. */
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import React, { useCallback, useEffect, useRef, useState } from 'react';

import { describeAskProblem } from '../app/askProblems';
import { TEST_IDS } from '../../shared/testIds';
import { useAsk } from '../hooks/useAsk';
import { useAskDataSource } from '../hooks/useAskDataSource';
import { useFindingSeries } from '../hooks/useFindingSeries';
import { useQuestionHistory } from '../hooks/useQuestionHistory';
import { AskAiOptions, DEFAULT_OPTIONS } from '../types';
import { AnswerView } from './AnswerView';
import { Asking, NotUnderstood, NothingAsked, ProblemView } from './AskStates';
import { QuestionBox } from './QuestionBox';
import { QuestionHistory } from './QuestionHistory';

type Props = PanelProps<AskAiOptions>;

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    overflowY: 'auto',
    overflowX: 'hidden',
    padding: theme.spacing(0.5),
  }),
});

export function AskAiPanel({ id, width, height, options: saved, timeRange, replaceVariables }: Props) {
  const styles = useStyles2(getStyles);
  const options = { ...DEFAULT_OPTIONS, ...saved };
  const { dataSource, error: dataSourceError, loading: resolving } = useAskDataSource(options.datasource?.uid);
  const { state, ask, cancel } = useAsk(dataSource, replaceVariables);
  const [history, remember] = useQuestionHistory(id);
  const [text, setText] = useState(options.defaultQuestion);
  /** What the operator last asked (as typed, variables unexpanded), asked again on refresh. */
  const lastAsked = useRef<string | undefined>(undefined);

  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const askQuietly = useCallback(
    (question: string) => {
      lastAsked.current = question;
      remember(question);
      // never rejects: a failure becomes the panel's failed state
      void ask(question, { from, to });
    },
    [ask, remember, from, to]
  );
  /** Asked by the operator (box, history, examples): the box shows what was asked. */
  const askNow = useCallback(
    (question: string) => {
      setText(question);
      askQuietly(question);
    },
    [askQuietly]
  );

  // On load and on every refresh (Grafana hands the panel a new range), ask the last question or the default one,
  // leaving alone whatever the operator is typing.
  useEffect(() => {
    const question = lastAsked.current ?? options.defaultQuestion;
    if (dataSource && options.askOnRefresh && question.trim() !== '') {
      askQuietly(question);
    }
    // only a new data source, a new range or turning the option on asks; typing or asking by hand does not
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new askQuietly or default question must not ask again
  }, [dataSource, from, to, options.askOnRefresh]);

  const answer = state.status === 'answered' ? state : state.status === 'loading' ? state.previous : undefined;
  const series = useFindingSeries(dataSource, answer?.answer, answer?.range);

  let body: React.ReactNode;
  if (dataSourceError) {
    body = <ProblemView problem={describeAskProblem(dataSourceError)} />;
  } else if (state.status === 'loading' && !state.previous) {
    body = <Asking question={state.question} />;
  } else if (state.status === 'failed') {
    body = <ProblemView problem={state.problem} onRetry={() => askNow(lastAsked.current ?? state.question)} />;
  } else if (answer?.answer.intent === 'unknown') {
    body = <NotUnderstood answer={answer.answer.answer} language={answer.answer.language} onAsk={askNow} />;
  } else if (answer) {
    body = (
      <AnswerView
        question={answer.question}
        answer={answer.answer}
        series={series}
        showRawJson={options.showRawJson}
        width={width}
        refreshing={state.status === 'loading'}
      />
    );
  } else {
    body = <NothingAsked onAsk={askNow} />;
  }

  return (
    <div className={styles.panel} style={{ width, height }} data-testid={TEST_IDS.panel}>
      <QuestionBox
        value={text}
        onChange={setText}
        onAsk={askNow}
        onCancel={cancel}
        busy={state.status === 'loading'}
        disabled={!dataSource || resolving}
      />
      <QuestionHistory label={t('panel.history.label', 'Asked in this session')} questions={history} onAsk={askNow} />
      {body}
    </div>
  );
}
