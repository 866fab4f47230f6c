/** Label sets: identity keys, the metric name, sorting and Prometheus's `{a="b"}` notation. */

export type Labels = Readonly<Record<string, string>>;

export const METRIC_NAME = '__name__';

/** Prometheus's classic label-name syntax. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const sortedNames = (labels: Labels) => Object.keys(labels).sort();

// Label sets are never mutated, and a series' set is reused at every step: derived values are cached per object.
const keys = new WeakMap<Labels, string>();
const withoutName = new WeakMap<Labels, Labels>();

/** A string that is equal for equal label sets, whatever the key order. */
export function labelsKey(labels: Labels): string {
  let key = keys.get(labels);
  if (key === undefined) {
    key = sortedNames(labels)
      .map((name) => `${name}\u0000${labels[name]}`)
      .join('\u0001');
    keys.set(labels, key);
  }
  return key;
}

export function dropMetricName(labels: Labels): Labels {
  if (!(METRIC_NAME in labels)) return labels;
  let rest = withoutName.get(labels);
  if (!rest) {
    const { [METRIC_NAME]: _dropped, ...others } = labels;
    withoutName.set(labels, (rest = others));
  }
  return rest;
}

/** Only the named labels (those present). */
export function keepLabels(labels: Labels, names: string[]): Labels {
  const out: Record<string, string> = {};
  for (const name of names) if (labels[name] !== undefined) out[name] = labels[name];
  return out;
}

export function withoutLabels(labels: Labels, names: string[]): Labels {
  const out: Record<string, string> = { ...labels };
  for (const name of names) delete out[name];
  return out;
}

/** The same label set with keys in Prometheus's order (sorted by name), for answers. */
export function sortedLabels(labels: Labels): Record<string, string> {
  return Object.fromEntries(sortedNames(labels).map((name) => [name, labels[name]]));
}

/** Prometheus's order of label sets: label by label, name then value. */
export function compareLabels(a: Labels, b: Labels): number {
  const an = sortedNames(a);
  const bn = sortedNames(b);
  for (let i = 0; i < Math.min(an.length, bn.length); i++) {
    if (an[i] !== bn[i]) return an[i] < bn[i] ? -1 : 1;
    const av = a[an[i]];
    const bv = b[bn[i]];
    if (av !== bv) return av < bv ? -1 : 1;
  }
  return an.length - bn.length;
}

export function formatLabels(labels: Labels): string {
  return `{${sortedNames(labels)
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(', ')}}`;
}
