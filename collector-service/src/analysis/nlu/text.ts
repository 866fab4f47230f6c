/** The question as the NLU steps see it: a normalised copy for echoing back and an aligned lower-case copy to consume. */

import { MAX_QUESTION_CHARS } from '@openmanager/contract';

export { MAX_QUESTION_CHARS };

const HANGUL = /[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped
const TERMINAL_ESCAPE = /\u001b\[[0-9;?]*[a-zA-Z]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export interface QuestionText {
  /** NFKC-normalised, dashes unified, capped: the casing the user typed. */
  readonly display: string;
  /** Same length as `display`, lower case; each step blanks out the spans it consumed. */
  working: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export function questionText(question: string): QuestionText {
  const display = (typeof question === 'string' ? question : '')
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(TERMINAL_ESCAPE, ' ')
    .replace(CONTROL, ' ')
    .slice(0, MAX_QUESTION_CHARS);
  let working = '';
  for (const ch of display) {
    const lower = ch.toLowerCase();
    working += lower.length === ch.length ? lower : ch;
  }
  return { display, working };
}

export function detectLanguage(question: string): 'ko' | 'en' {
  return HANGUL.test(question) ? 'ko' : 'en';
}

/** Blanks a consumed span so later steps do not read it again (positions stay aligned with `display`). */
export function consume(text: QuestionText, span: { start: number; end: number }): void {
  text.working = text.working.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.working.slice(span.end);
}

/** Every match of a global regex in the working text (from the start, whatever the regex was last used for). */
export function findAll(pattern: RegExp, working: string): Span[] {
  pattern.lastIndex = 0;
  const spans: Span[] = [];
  for (const m of working.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return spans;
}
