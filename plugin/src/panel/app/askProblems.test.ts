/** Each way asking can fail, told with what to do next and whether trying again may help. */
import { ServiceError } from '../../datasource/app/serviceErrors';
import { DataSourceProblem } from './askDataSource';
import { describeAskProblem, isCancelled } from './askProblems';

describe('describeAskProblem', () => {
  it.each([
    [
      new ServiceError('unreachable', 'Cannot reach the OpenManager service at http://x'),
      'unreachable',
      true,
      /Save & test/,
    ],
    [new ServiceError('unconfigured', 'No service URL is configured'), 'unconfigured', false, /Service URL/],
    [new ServiceError('unauthorized', 'rejected the API key', 400), 'unauthorized', false, /API key/],
    [new ServiceError('service', 'HTTP 429', 429), 'rate_limited', true, /wait a few seconds/],
    [new ServiceError('service', 'HTTP 400: question: must not be empty', 400), 'bad_question', false, /Rephrase/],
    [new ServiceError('service', 'HTTP 503', 503), 'service', true, /log/],
    [new Error('The OpenManager service answered /api/ask, but "answer" is not a string.'), 'service', true, /log/],
    [new DataSourceProblem('There is no OpenManager data source yet.'), 'no_datasource', false, /^$/],
  ])('%s → %s', (err, kind, retryable, nextStep) => {
    const problem = describeAskProblem(err);
    expect(problem).toMatchObject({ kind, retryable, detail: (err as Error).message });
    expect(problem.nextStep).toMatch(nextStep);
  });

  it('treats a request replaced by a newer one as nothing to show', () => {
    expect(isCancelled(new ServiceError('cancelled', 'replaced'))).toBe(true);
    expect(isCancelled(new Error('boom'))).toBe(false);
  });
});
