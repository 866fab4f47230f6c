/** A request over one of the read limits: answered 422 with a message naming the limit and how to stay under it. */

export type LimitCode =
  'samples_limit' | 'points_limit' | 'subquery_steps_limit' | 'query_timeout' | 'range_limit' | 'client_closed';

export class LimitError extends Error {
  readonly status = 422 as const;
  constructor(
    readonly code: LimitCode,
    message: string
  ) {
    super(message);
  }
}
