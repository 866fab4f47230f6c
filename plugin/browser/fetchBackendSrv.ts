/** BackendSrv for the browser host page: window.fetch to the harness server, which plays Grafana's data proxy. */
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

function withParams(url: string, params?: Record<string, unknown>): string {
  const query = new URLSearchParams(
    Object.entries(params ?? {}).map(([key, value]) => [key, String(value)] as [string, string])
  ).toString();
  return query ? `${url}?${query}` : url;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function fetchBackendSrv(): BackendSrv {
  const fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    new Observable<FetchResponse<T>>((subscriber) => {
      const abort = new AbortController();
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const body = options.data === undefined ? undefined : JSON.stringify(options.data);
      if (body !== undefined) {
        headers['Content-Type'] ??= 'application/json';
      }
      window
        .fetch(withParams(options.url, options.params), {
          method: options.method ?? 'GET',
          headers,
          body,
          signal: abort.signal,
        })
        .then(async (response) => {
          const data = parseBody(await response.text());
          if (response.ok) {
            subscriber.next({
              data: data as T,
              status: response.status,
              statusText: response.statusText,
              ok: true,
              config: options,
            } as FetchResponse<T>);
            subscriber.complete();
          } else {
            const error: FetchError = {
              status: response.status,
              statusText: response.statusText,
              data,
              config: options,
            };
            subscriber.error(error);
          }
        })
        .catch((err: unknown) => {
          if (!abort.signal.aborted) {
            subscriber.error(err);
          }
        });
      return () => abort.abort();
    });
  return { fetch } as unknown as BackendSrv;
}
