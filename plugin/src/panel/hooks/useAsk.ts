/** Asking the service: one question at a time, a newer one (or Escape) replacing the one in flight. */
import { InterpolateFunction } from '@grafana/data';
import { useCallback, useRef, useState } from 'react';

import { AskAnswer } from '../../datasource/types';
import { AskProblem, describeAskProblem, isCancelled } from '../app/askProblems';
import { expandQuestion } from '../app/questionVariables';
import { AskDataSource, TimeRangeMs } from '../types';

export interface Answered {
  status: 'answered';
  question: string;
  answer: AskAnswer;
  range: TimeRangeMs;
}

export type AskState =
  | { status: 'idle' }
  /** `previous`: the answer to the same question, still shown while it is asked again (a dashboard refresh). */
  | { status: 'loading'; question: string; previous?: Answered }
  | Answered
  | { status: 'failed'; question: string; problem: AskProblem };

export interface Asker {
  state: AskState;
  /** Expands variables in `typed` and asks it over `range`; resolves when the answer (or failure) is shown. */
  ask(typed: string, range: TimeRangeMs): Promise<void>;
  /** Drops the question in flight and shows what was there before it. */
  cancel(): void;
}

export function useAsk(dataSource: AskDataSource | undefined, replaceVariables: InterpolateFunction): Asker {
  const [state, setState] = useState<AskState>({ status: 'idle' });
  const latest = useRef(0);
  const settled = useRef<AskState>({ status: 'idle' });

  const settle = useCallback((next: AskState) => {
    settled.current = next;
    setState(next);
  }, []);

  const ask = useCallback(
    async (typed: string, range: TimeRangeMs) => {
      const question = expandQuestion(typed, replaceVariables);
      if (!dataSource || question === '') {
        return;
      }
      const id = ++latest.current;
      const shown = settled.current;
      setState({
        status: 'loading',
        question,
        previous: shown.status === 'answered' && shown.question === question ? shown : undefined,
      });
      try {
        const answer = await dataSource.ask(question, range);
        if (id === latest.current) {
          settle({ status: 'answered', question, answer, range });
        }
      } catch (err) {
        if (id === latest.current && !isCancelled(err)) {
          settle({ status: 'failed', question, problem: describeAskProblem(err) });
        }
      }
    },
    [dataSource, replaceVariables, settle]
  );

  const cancel = useCallback(() => {
    latest.current++;
    setState(settled.current);
  }, []);

  return { state, ask, cancel };
}
