/** Compiles lexicon terms into regular expressions with the right word boundaries for English and Korean. */

const ASCII_WORD = /[a-z0-9]/;
const LITERAL = /[a-z0-9\uAC00-\uD7A3]/;

/**
 * A term is regex source in lower case. A space means "optional spacing" (Korean is often typed
 * without spaces: "많이 쓰는" also matches "많이쓰는"). English words must stand alone; Korean
 * words may carry particles after them, and a leading `^` keeps a short Korean word from matching
 * inside a longer one (`^램` must not match 프로그램).
 */
export function termSource(term: string): string {
  const wordStart = term.startsWith('^');
  const body = (wordStart ? term.slice(1) : term).replace(/ /g, '[\\s_-]*');
  const literals = body.replace(/\\[a-z]/g, '').match(new RegExp(LITERAL.source, 'g')) ?? [];
  const first = literals[0] ?? '';
  const last = literals[literals.length - 1] ?? '';
  const before = ASCII_WORD.test(first) ? '(?<![a-z0-9])' : wordStart ? '(?<![\\uAC00-\\uD7A3])' : '';
  const after = ASCII_WORD.test(last) ? '(?![a-z0-9])' : '';
  return `${before}(?:${body})${after}`;
}

/** One global regex matching any of the terms. */
export function compileTerms(terms: readonly string[]): RegExp {
  return new RegExp(terms.map(termSource).join('|'), 'g');
}
