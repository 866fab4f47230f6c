/** The service URL typed in the config editor: checked, and stripped of trailing slashes so the proxy route joins cleanly. */
import { t } from '@grafana/i18n';

import { AS_IS } from '../../shared/i18n';

/** A message naming what is wrong, or undefined when the URL is usable (or still empty). */
export function serviceUrlProblem(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return t('datasource.config.url.not-a-url', '"{{url}}" is not a URL: write it like http://collector-service:8787', {
      url,
      ...AS_IS,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return t(
      'datasource.config.url.protocol',
      'The service URL must start with http:// or https:// (got {{protocol}}//)',
      {
        protocol: parsed.protocol,
        ...AS_IS,
      }
    );
  }
  if (parsed.search || parsed.hash) {
    return t('datasource.config.url.query', 'The service URL must not carry a query string or fragment');
  }
  return undefined;
}

export function normalizeServiceUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
