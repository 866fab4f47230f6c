/** Prometheus's API error types, each with the HTTP status Prometheus answers it with. */

export type PromErrorType =
  'bad_data' | 'execution' | 'timeout' | 'internal' | 'not_found' | 'unavailable' | 'unauthorized' | 'forbidden';

const STATUS: Record<PromErrorType, 400 | 401 | 403 | 404 | 422 | 500 | 503> = {
  bad_data: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  execution: 422,
  internal: 500,
  timeout: 503,
  unavailable: 503,
};

export class PromError extends Error {
  constructor(
    readonly errorType: PromErrorType,
    message: string
  ) {
    super(message);
  }

  get status() {
    return STATUS[this.errorType];
  }
}

export const badData = (message: string) => new PromError('bad_data', message);
export const executionError = (message: string) => new PromError('execution', message);

/** A query that parsed but uses a part of PromQL this engine does not evaluate: refused, never approximated. */
export const unsupported = (construct: string) =>
  badData(`${construct} is not supported by OpenManager's PromQL engine`);
