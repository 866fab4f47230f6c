/** Turns a failed request to the collector service into one error whose message tells the user what to fix. */
import { t } from '@grafana/i18n';
import { isFetchError } from '@grafana/runtime';
import { EmptyError } from 'rxjs';

import { AS_IS } from '../../shared/i18n';

export type ServiceErrorKind = 'unconfigured' | 'unreachable' | 'unauthorized' | 'service' | 'cancelled';

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
    readonly status?: number,
    /** The response body, when there was one (e.g. a degraded health answer sent with 503). */
    readonly body?: unknown
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Grafana's data proxy answers 502/504 itself when it cannot reach the upstream service. */
const PROXY_UNREACHABLE_STATUSES = new Set([0, 502, 504]);

/**
 * The service's `{"error": {"code","message"}}`, Grafana's own `{"message"}`, a text body as backendSrv may wrap it
 * (`{"error": statusText, "response": text}`), or a plain string.
 */
function bodyMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    return body.trim().slice(0, 300) || undefined;
  }
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const { error, message, response } = body as { error?: unknown; message?: unknown; response?: unknown };
  if (typeof error === 'object' && error !== null) {
    const { code, message: errorMessage } = error as { code?: unknown; message?: unknown };
    return [code, errorMessage].filter((part) => typeof part === 'string' && part !== '').join(': ') || undefined;
  }
  return [response, message, error].find((part): part is string => typeof part === 'string' && part !== '');
}

/** Grafana's data proxy turns the service's 401 into this 400, so the browser never sees the 401 itself. */
const PROXY_AUTH_FAILURE = 'Authentication to data source failed';

/** Maps anything `getBackendSrv().fetch` can throw to a ServiceError; `serviceUrl` names the target in messages. */
export function toServiceError(err: unknown, serviceUrl: string): ServiceError {
  if (err instanceof ServiceError) {
    return err;
  }
  if (err instanceof EmptyError || (isFetchError(err) && err.cancelled)) {
    return new ServiceError(
      'cancelled',
      t('datasource.error.cancelled', 'The request was cancelled because a newer one replaced it.')
    );
  }
  if (!isFetchError(err)) {
    const reason = err instanceof Error ? err.message : String(err);
    return new ServiceError(
      'unreachable',
      t('datasource.error.unreachable', 'Cannot reach the OpenManager service at {{serviceUrl}}: {{reason}}', {
        serviceUrl,
        reason,
        ...AS_IS,
      })
    );
  }
  const detail = bodyMessage(err.data) ?? err.statusText ?? '';
  const suffix = detail ? `: ${detail}` : '';
  const proxyAuthFailure = err.status === 400 && JSON.stringify(err.data ?? '').includes(PROXY_AUTH_FAILURE);
  if (err.status === 401 || err.status === 403 || proxyAuthFailure) {
    return new ServiceError(
      'unauthorized',
      t(
        'datasource.error.unauthorized',
        'The OpenManager service rejected the API key (HTTP {{status}}{{suffix}}). Check "API key" in the data source settings: it must be one of the service\'s API_KEYS secrets.',
        { status: err.status, suffix, ...AS_IS }
      ),
      err.status,
      err.data
    );
  }
  if (PROXY_UNREACHABLE_STATUSES.has(err.status ?? 0)) {
    return new ServiceError(
      'unreachable',
      t(
        'datasource.error.proxy-unreachable',
        'Cannot reach the OpenManager service at {{serviceUrl}} (HTTP {{status}}{{suffix}}). Is the service running, and is "Service URL" reachable from the Grafana server?',
        { serviceUrl, status: err.status ?? 0, suffix, ...AS_IS }
      ),
      err.status,
      err.data
    );
  }
  return new ServiceError(
    'service',
    t('datasource.error.service', 'The OpenManager service answered HTTP {{status}}{{suffix}}', {
      status: err.status,
      suffix,
      ...AS_IS,
    }),
    err.status,
    err.data
  );
}
