/** "Save & test": is the service reachable, is the API key accepted, is its storage healthy — each with its own message. */
import { TestDataSourceResponse } from '@grafana/data';
import { t } from '@grafana/i18n';

import { AS_IS } from '../../shared/i18n';
import { HealthResponse } from '../types';
import { ServiceClient } from './serviceClient';
import { ServiceError } from './serviceErrors';

const MAX_STORAGE_DETAILS = 6;

function isHealthResponse(body: unknown): body is HealthResponse {
  return typeof body === 'object' && body !== null && typeof (body as HealthResponse).status === 'string';
}

/** `{"database": {"ok": false, "error": "..."}}` → `database.ok: false, database.error: ...` (leaves only, a few). */
export function describeStorage(storage: unknown, prefix = ''): string[] {
  if (typeof storage !== 'object' || storage === null) {
    return prefix ? [`${prefix}: ${String(storage)}`] : [];
  }
  return Object.entries(storage)
    .flatMap(([key, value]) => describeStorage(value, prefix ? `${prefix}.${key}` : key))
    .slice(0, MAX_STORAGE_DETAILS);
}

function unhealthy(health: HealthResponse): TestDataSourceResponse {
  const details = describeStorage(health.storage);
  return {
    status: 'error',
    message:
      t(
        'datasource.health.unhealthy',
        'The OpenManager service is reachable but its storage is unhealthy (status "{{status}}")',
        { status: health.status, ...AS_IS }
      ) + (details.length > 0 ? `: ${details.join(', ')}` : '.'),
  };
}

function failed(err: unknown): TestDataSourceResponse {
  return { status: 'error', message: err instanceof Error ? err.message : String(err) };
}

/** The caller's role as /api/status reports it (`read`, `admin`, or `open` when the service runs without keys). */
function callerRole(status: unknown): string | undefined {
  const role = (status as { caller?: { role?: unknown } } | null)?.caller?.role;
  return typeof role === 'string' ? role : undefined;
}

/**
 * GET /api/health for reachability and storage, then GET /api/status, which needs the key, for the key
 * and its role: an admin key is more than a data source needs, so Save & test warns about it.
 */
export async function checkService(client: ServiceClient): Promise<TestDataSourceResponse> {
  let health: HealthResponse;
  try {
    health = await client.get<HealthResponse>('/api/health');
  } catch (err) {
    // A degraded service may answer its health with 503 and the same body.
    if (err instanceof ServiceError && err.kind === 'service' && isHealthResponse(err.body)) {
      return unhealthy(err.body);
    }
    return failed(err);
  }
  if (!isHealthResponse(health)) {
    return {
      status: 'error',
      message: t(
        'datasource.health.not-openmanager',
        'The URL answered /api/health, but not as an OpenManager service would.'
      ),
    };
  }
  if (health.status !== 'ok') {
    return unhealthy(health);
  }
  let role: string | undefined;
  try {
    role = callerRole(await client.get<unknown>('/api/status'));
  } catch (err) {
    return failed(err);
  }
  if (role === 'admin') {
    return {
      status: 'warning',
      message: t(
        'datasource.health.admin-key',
        'OpenManager is reachable and storage is healthy, but the API key has the admin role. Every Grafana user who can query this data source uses it; store a read key (name:read:secret in API_KEYS) instead.'
      ),
    };
  }
  return {
    status: 'success',
    message: role
      ? t(
          'datasource.health.ok-role',
          'OpenManager is reachable, the API key (role: {{role}}) is accepted and storage is healthy.',
          { role }
        )
      : t('datasource.health.ok', 'OpenManager is reachable, the API key is accepted and storage is healthy.'),
  };
}
