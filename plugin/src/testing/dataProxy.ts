/**
 * What Grafana's data proxy does for a data source with plugin.json routes, for tests and the browser harness:
 * picks the route by method (when the route names one) and path prefix, renders `{{ .JsonData.x }}` / `{{ .SecureJsonData.x }}` into its URL and headers,
 * forwards the request with node:http, turns the service's 401 into Grafana's 400 "Authentication to data source
 * failed", and answers 502 when the service cannot be reached.
 */
import http from 'node:http';

export interface PluginRoute {
  path: string;
  method?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

export interface ProxySettings {
  routes: PluginRoute[];
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

export interface ProxyRequest {
  method: string;
  /** The path after `/api/datasources/proxy/uid/<uid>/`, e.g. `api/servers`. */
  proxyPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body?: string;
}

export interface ProxyResponse {
  status: number;
  statusText: string;
  contentType: string;
  text: string;
}

const BAD_GATEWAY: ProxyResponse = { status: 502, statusText: 'Bad Gateway', contentType: 'text/plain', text: '' };

function render(template: string, settings: ProxySettings): string {
  return template.replace(/\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g, (_, scope: string, key: string) =>
    String((scope === 'JsonData' ? settings.jsonData[key] : settings.secureJsonData[key]) ?? '')
  );
}

/** Grafana's JoinURLFragments: exactly one slash between base and rest. */
function joinUrl(base: string, rest: string): string {
  return rest === '' ? base : `${base.replace(/\/$/, '')}/${rest.replace(/^\//, '')}`;
}

function send(url: URL, request: ProxyRequest, headers: Record<string, string>): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: request.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          contentType: String(response.headers['content-type'] ?? 'application/octet-stream'),
          text: Buffer.concat(chunks).toString('utf8'),
        })
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export async function proxyRequest(request: ProxyRequest, settings: ProxySettings): Promise<ProxyResponse> {
  const route = settings.routes.find(
    (candidate) =>
      (!candidate.method || candidate.method === request.method) && request.proxyPath.startsWith(candidate.path)
  );
  if (!route) {
    return BAD_GATEWAY;
  }
  const target = new URL(joinUrl(render(route.url, settings), request.proxyPath.slice(route.path.length)));
  request.query.forEach((value, key) => target.searchParams.append(key, value));
  const headers = { ...request.headers };
  for (const header of route.headers ?? []) {
    headers[header.name] = render(header.content, settings);
  }
  let response: ProxyResponse;
  try {
    response = await send(target, request, headers);
  } catch {
    return BAD_GATEWAY;
  }
  if (response.status === 401) {
    return {
      status: 400,
      statusText: 'Bad Request',
      contentType: 'text/plain',
      text: 'Authentication to data source failed',
    };
  }
  return response;
}
