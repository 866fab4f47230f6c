/** The service URL typed in the config editor: checked, and stripped of trailing slashes so the proxy route joins cleanly. */

/** A message naming what is wrong, or undefined when the URL is usable (or still empty). */
export function serviceUrlProblem(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL: write it like http://collector-service:8787`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `The service URL must start with http:// or https:// (got ${parsed.protocol}//)`;
  }
  if (parsed.search || parsed.hash) {
    return 'The service URL must not carry a query string or fragment';
  }
  return undefined;
}

export function normalizeServiceUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
