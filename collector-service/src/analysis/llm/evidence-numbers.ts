/** The numbers a text states, and whether each of them is backed by the evidence an answer was computed from. */
import { spelledNumbers } from './number-words';

/** Digits anywhere, inside tokens too ("at-97%", "x97"): only whole server names are not amounts. */
const NUMBER = /\d+(?:\.\d+)?/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every number of `text`, in digits or in words. `names` (server ids) are removed first: the
 * digits of "DB-EU-002" name a server, they are not an amount.
 */
export function numbersIn(text: string, names: readonly string[] = []): number[] {
  let rest = text;
  const lower = text.toLowerCase();
  const present = names.filter((n) => /\d/.test(n) && lower.includes(n.toLowerCase()));
  for (const name of present.sort((a, b) => b.length - a.length))
    rest = rest.replace(new RegExp(escape(name), 'gi'), ' ');
  const digits = (rest.replace(/(\d),(\d{3})/g, '$1$2').match(NUMBER) ?? []).map(Number);
  return [...digits, ...spelledNumbers(rest)];
}

/** Every number of the evidence texts and values, with the roundings an honest rephrasing may use. */
export function evidenceNumbers(
  texts: readonly string[],
  values: ReadonlyArray<number | null | undefined>,
  names: readonly string[] = []
): Set<number> {
  const out = new Set<number>();
  const add = (n: number) => {
    for (const digits of [0, 1, 2]) out.add(Math.round(n * 10 ** digits) / 10 ** digits);
    out.add(n);
  };
  for (const text of texts) numbersIn(text, names).forEach(add);
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) add(Math.abs(v));
  return out;
}

/** Numbers of `text` that the evidence does not contain. */
export function unsupportedNumbers(
  text: string,
  evidence: ReadonlySet<number>,
  names: readonly string[] = []
): number[] {
  return numbersIn(text, names).filter((n) => !evidence.has(n));
}
