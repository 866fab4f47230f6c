/** What the host page exposes to the test driving it, on window.__openmanager. */

export interface HostState {
  rendered: boolean;
  error?: string;
  /** QueryEditor: every query it emitted, and how often it asked to run. */
  queries: unknown[];
  runs: number;
  /** Panel: re-renders it at another size (no new question: the range is unchanged). */
  resize?: (width: number, height: number) => void;
}

declare global {
  interface Window {
    __openmanager: HostState;
  }
}

export const hostState: HostState = { rendered: false, queries: [], runs: 0 };
window.__openmanager = hostState;
