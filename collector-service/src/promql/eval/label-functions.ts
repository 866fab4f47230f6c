/** label_replace and label_join: rewrite one label of every sample. */
import { badData } from '../errors';
import { LABEL_NAME, type Labels } from '../labels';
import type { Matcher } from 're2js';
import { compileRegex } from '../matchers';

function setLabel(labels: Labels, name: string, value: string): Labels {
  const out: Record<string, string> = { ...labels };
  if (value === '') delete out[name];
  else out[name] = value;
  return out;
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to nothing. */
function expand(template: string, group: (name: string) => string | null): string {
  return template.replace(
    /\$(\$|\{([a-zA-Z0-9_]+)\}|([a-zA-Z0-9_]+))/g,
    (_, whole: string, braced?: string, bare?: string) => {
      if (whole === '$') return '$';
      return group(braced ?? bare!) ?? '';
    }
  );
}

/** A capture group by number or name; one the pattern does not have is absent. */
function groupOf(matcher: Matcher, count: number, named: Record<string, number>) {
  return (name: string): string | null => {
    const index = /^\d+$/.test(name) ? Number(name) : named[name];
    return index !== undefined && index <= count ? matcher.group(index) : null;
  };
}

export function labelReplacer(
  destination: string,
  replacement: string,
  source: string,
  pattern: string
): (labels: Labels) => Labels {
  if (!LABEL_NAME.test(destination)) throw badData(`invalid destination label name in label_replace(): ${destination}`);
  const regex = compileRegex(pattern);
  const count = regex.groupCount();
  const named = regex.namedGroups();
  return (labels) => {
    const matcher = regex.matcher(labels[source] ?? '');
    return matcher.matches()
      ? setLabel(labels, destination, expand(replacement, groupOf(matcher, count, named)))
      : labels;
  };
}

export function labelJoiner(destination: string, separator: string, sources: string[]): (labels: Labels) => Labels {
  if (!LABEL_NAME.test(destination)) throw badData(`invalid destination label name in label_join(): ${destination}`);
  return (labels) => setLabel(labels, destination, sources.map((s) => labels[s] ?? '').join(separator));
}
