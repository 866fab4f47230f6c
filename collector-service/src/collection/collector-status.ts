/** What /api/status shows of each collector: its last run, how long it took, what it found, its last error. */

export interface CollectorStatus {
  name: string;
  state: 'idle' | 'ok' | 'error';
  runs: number;
  failures: number;
  consecutiveFailures: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  servers: number;
  samples: number;
  unreachable: number;
  /** Samples dropped because they failed validation (bad timestamp, unknown server). */
  rejected: number;
  /** What the last successful run said the source lacks without failing (e.g. no kube-state-metrics). */
  notices: string[];
  lastError: string | null;
}

export function initialStatus(name: string): CollectorStatus {
  return {
    name,
    state: 'idle',
    runs: 0,
    failures: 0,
    consecutiveFailures: 0,
    lastRunAt: null,
    lastSuccessAt: null,
    lastDurationMs: null,
    servers: 0,
    samples: 0,
    unreachable: 0,
    rejected: 0,
    notices: [],
    lastError: null,
  };
}

export interface RunOutcome {
  startedAt: Date;
  durationMs: number;
  result?: { servers: number; samples: number; unreachable: number; rejected: number; notices: string[] };
  error?: string;
}

export function recordRun(status: CollectorStatus, outcome: RunOutcome): CollectorStatus {
  const base = {
    ...status,
    runs: status.runs + 1,
    lastRunAt: outcome.startedAt.toISOString(),
    lastDurationMs: Math.round(outcome.durationMs),
  };
  if (outcome.error !== undefined) {
    return {
      ...base,
      state: 'error',
      failures: status.failures + 1,
      consecutiveFailures: status.consecutiveFailures + 1,
      lastError: outcome.error,
    };
  }
  return {
    ...base,
    state: 'ok',
    consecutiveFailures: 0,
    lastSuccessAt: base.lastRunAt,
    lastError: null,
    ...outcome.result!,
  };
}
