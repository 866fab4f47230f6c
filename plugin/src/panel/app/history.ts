/** The questions of this browser session, newest first, kept per panel in sessionStorage. */

export const HISTORY_SIZE = 6;

/** The question moved (or added) to the front, without duplicates, cut to `size`. */
export function rememberQuestion(history: readonly string[], question: string, size = HISTORY_SIZE): string[] {
  const trimmed = question.trim();
  if (trimmed === '') {
    return [...history];
  }
  return [trimmed, ...history.filter((entry) => entry !== trimmed)].slice(0, size);
}

export function historyKey(panelId: number | string): string {
  return `openmanager-askai-history:${panelId}`;
}

/** Storage may be missing or refuse (private windows, quotas): the history then lives only in memory. */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function loadHistory(key: string): string[] {
  try {
    const saved = JSON.parse(sessionStore()?.getItem(key) ?? '[]');
    return Array.isArray(saved)
      ? saved.filter((entry): entry is string => typeof entry === 'string').slice(0, HISTORY_SIZE)
      : [];
  } catch {
    return [];
  }
}

export function saveHistory(key: string, history: readonly string[]): void {
  try {
    sessionStore()?.setItem(key, JSON.stringify(history));
  } catch {
    // memory only
  }
}
