/** One-line errors for failed AWS calls: which call, which region, what AWS said, after how many attempts. */

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException']);
const NO_CREDENTIALS = new Set([
  'CredentialsProviderError',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'AuthFailure',
]);

interface AwsErrorLike {
  name?: string;
  message?: string;
  $metadata?: { attempts?: number };
}

/** Wraps an SDK error: `CloudWatch GetMetricData in eu-west-1 failed: ThrottlingException: Rate exceeded (throttled; gave up after 3 attempts)`. */
export function awsCallError(operation: string, region: string, error: unknown): Error {
  const { name = 'Error', message = String(error), $metadata } = (error ?? {}) as AwsErrorLike;
  if (name === 'AbortError') return new Error(`${operation} in ${region} aborted: ${message}`);
  const attempts = $metadata?.attempts;
  const notes: string[] = [];
  if (THROTTLING.has(name)) notes.push('throttled');
  if (NO_CREDENTIALS.has(name))
    notes.push('check the AWS credentials: environment, shared config/SSO profile or instance role');
  if (attempts && attempts > 1) notes.push(`gave up after ${attempts} attempts`);
  const note = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return new Error(`${operation} in ${region} failed: ${name}: ${message}${note}`);
}

/** Runs one AWS call, turning its failure into an awsCallError. */
export async function callAws<T>(operation: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw awsCallError(operation, region, error);
  }
}
