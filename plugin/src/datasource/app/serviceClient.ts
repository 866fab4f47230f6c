/** HTTP client of the collector service through the plugin.json route of Grafana's data proxy, which adds the API key. */
import { BackendSrvRequest, getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { ServiceError, toServiceError } from './serviceErrors';

export type QueryParams = Record<string, string>;

export class ServiceClient {
  /**
   * @param proxyUrl the data source's proxy URL (`instanceSettings.url`, e.g. /api/datasources/proxy/uid/openmanager)
   * @param serviceUrl the service URL configured in jsonData, used only to check it is set and to name it in errors
   */
  constructor(
    private readonly proxyUrl: string,
    private readonly serviceUrl: string | undefined
  ) {}

  /** `path` is the service's own path, e.g. `/api/servers`: the route `api` maps `<proxy>/api/...` to `<service>/api/...`. */
  get<T>(path: string, params?: QueryParams, requestId?: string): Promise<T> {
    return this.send<T>({ method: 'GET', url: path, params, requestId });
  }

  post<T>(path: string, body: unknown, requestId?: string): Promise<T> {
    return this.send<T>({
      method: 'POST',
      url: path,
      data: body,
      requestId,
      headers: { 'Content-Type': 'application/json' },
    });
  }

  private async send<T>(request: BackendSrvRequest): Promise<T> {
    if (!this.serviceUrl) {
      throw new ServiceError(
        'unconfigured',
        'No service URL is configured: set "Service URL" in the OpenManager data source settings.'
      );
    }
    try {
      const response = await lastValueFrom(
        getBackendSrv().fetch<T>({
          ...request,
          url: `${this.proxyUrl}${request.url}`,
          showErrorAlert: false,
          showSuccessAlert: false,
        })
      );
      return response.data;
    } catch (err) {
      throw toServiceError(err, this.serviceUrl);
    }
  }
}
