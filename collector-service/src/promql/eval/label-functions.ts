/** label_replace and label_join: rewrite one label of every sample. */
import { badData } from '../errors';
import { LABEL_NAME, type Labels } from '../labels';
import { compileRegex } from '../matchers';

function setLabel(labels: Labels, name: string, value: string): Labels {
  const out: Record<string, string> = { ...labels };
  if (value === '') delete out[name];
  else out[name] = value;
  return out;
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to nothing. */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([a-zA-Z0-9_]+)\}|([a-zA-Z0-9_]+))/g, (_, whole: string, braced?: string, bare?: string) => {
    if (whole === '$') return '$';
    const name = braced ?? bare!;
    const value = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
    return value ?? '';
  });
}

export function labelReplacer(destination: string, replacement: string, source: string, pattern: string): (labels: Labels) => Labels {
  if (!LABEL_NAME.test(destination)) throw badData(`invalid destination label name in label_replace(): ${destination}`);
  const regex = compileRegex(pattern);
  return (labels) => {
    const match = regex.exec(labels[source] ?? '');
    return match ? setLabel(labels, destination, expand(replacement, match)) : labels;
  };
}

export function labelJoiner(destination: string, separator: string, sources: string[]): (labels: Labels) => Labels {
  if (!LABEL_NAME.test(destination)) throw badData(`invalid destination label name in label_join(): ${destination}`);
  return (labels) => setLabel(labels, destination, sources.map((s) => labels[s] ?? '').join(separator));
}

