/** This session's questions of one panel, newest first, surviving re-renders and panel edits. */
import { useCallback, useState } from 'react';

import { historyKey, loadHistory, rememberQuestion, saveHistory } from '../app/history';

export function useQuestionHistory(panelId: number | string): [string[], (question: string) => void] {
  const key = historyKey(panelId);
  const [history, setHistory] = useState<string[]>(() => loadHistory(key));
  const remember = useCallback(
    (question: string) =>
      setHistory((previous) => {
        const next = rememberQuestion(previous, question);
        saveHistory(key, next);
        return next;
      }),
    [key]
  );
  return [history, remember];
}
