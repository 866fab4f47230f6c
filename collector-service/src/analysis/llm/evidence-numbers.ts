/** The numbers a text states, and whether each of them is backed by the evidence an answer was computed from. */

const NUMBER = /\d+(?:\.\d+)?/g;
/** Server ids, ISO dates and clock times hold digits that are names or times, not amounts. */
const IDENTIFIER = /[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*-[A-Za-z0-9]+/g;

export function numbersIn(text: string): number[] {
  const withoutIds = text.replace(IDENTIFIER, (id) => (/[A-Za-z]/.test(id) ? ' ' : id));
  return (withoutIds.replace(/(\d),(\d{3})/g, '$1$2').match(NUMBER) ?? []).map(Number);
}

/** Every number of the evidence texts and values, with the roundings an honest rephrasing may use. */
export function evidenceNumbers(texts: readonly string[], values: ReadonlyArray<number | null | undefined>): Set<number> {
  const out = new Set<number>();
  const add = (n: number) => {
    for (const digits of [0, 1, 2]) out.add(Math.round(n * 10 ** digits) / 10 ** digits);
    out.add(n);
  };
  for (const text of texts) numbersIn(text).forEach(add);
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) add(Math.abs(v));
  return out;
}

/** Numbers of `text` that the evidence does not contain. */
export function unsupportedNumbers(text: string, evidence: ReadonlySet<number>): number[] {
  return numbersIn(text).filter((n) => !evidence.has(n));
}
