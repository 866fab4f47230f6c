/**
 * Test stand-in for Grafana's BackendSrv: `fetch` sends data source proxy requests through dataProxy (real HTTP
 * to the service the route names) and answers with Grafana's FetchResponse / FetchError shapes.
 */
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

import { ProxyResponse, ProxySettings, proxyRequest } from './dataProxy';

export interface BackendSettings extends ProxySettings {
  /** What the data source sees as instanceSettings.url. */
  proxyUrl: string;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function forward(options: BackendSrvRequest, dataSources: BackendSettings[]): Promise<ProxyResponse> {
  const settings = dataSources.find((candidate) => options.url.startsWith(`${candidate.proxyUrl}/`));
  if (!settings) {
    return Promise.resolve({
      status: 404,
      statusText: 'Not Found',
      contentType: 'application/json',
      text: '{"message":"Not found"}',
    });
  }
  const prefix = `${settings.proxyUrl}/`;
  const body = options.data === undefined ? undefined : JSON.stringify(options.data);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
  }
  const query = new URLSearchParams(
    Object.entries(options.params ?? {}).map(([key, value]) => [key, String(value)] as [string, string])
  );
  return proxyRequest(
    { method: options.method ?? 'GET', proxyPath: options.url.slice(prefix.length), query, headers, body },
    settings
  );
}

/**
 * A BackendSrv whose `fetch` goes through the routes of the data source whose proxy URL the request starts with;
 * the other methods are not used by the plugin.
 */
export function proxyBackendSrv(settings: BackendSettings | BackendSettings[]): BackendSrv {
  const dataSources = Array.isArray(settings) ? settings : [settings];
  const fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    new Observable<FetchResponse<T>>((subscriber) => {
      forward(options, dataSources).then(
        ({ status, statusText, text }) => {
          const data = parseBody(text);
          if (status >= 200 && status < 300) {
            subscriber.next({ data: data as T, status, statusText, ok: true, config: options } as FetchResponse<T>);
            subscriber.complete();
          } else {
            const error: FetchError = { status, statusText, data, config: options };
            subscriber.error(error);
          }
        },
        (err: unknown) => subscriber.error(err)
      );
    });
  return { fetch } as unknown as BackendSrv;
}
