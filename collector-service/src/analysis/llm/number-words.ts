/**
 * Numbers written as words — English ("ninety-seven", "one hundred and five") and Korean, both
 * Sino-Korean ("구십칠") and native ("아흔일곱") — so a rephrasing cannot slip an amount past the
 * evidence check by spelling it out. Errs towards finding a number: a false find only discards a
 * rephrasing, a missed one would let an invented amount through.
 */
import { EN_TENS, EN_UNITS } from '../nlu/numbers';

const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const EN_WORD = /[a-z]+/g;

function englishNumbers(text: string): number[] {
  const out: number[] = [];
  const words = [...text.toLowerCase().matchAll(EN_WORD)].map((m) => ({
    word: m[0],
    end: m.index + m[0].length,
    start: m.index,
  }));
  let total = 0;
  let current = 0;
  let parts = 0;
  let lastEnd = -1;
  const flush = () => {
    // a lone "one" is mostly a pronoun ("the one that…"); anything longer, or any other word, is a number
    if (parts > 1 || (parts === 1 && total + current !== 1)) out.push(total + current);
    total = current = parts = 0;
  };
  for (const { word, start, end } of words) {
    const joined = lastEnd >= 0 && /^[\s-]*$/.test(text.slice(lastEnd, start));
    if (parts > 0 && !joined && word !== 'and') flush();
    if (word === 'and' && parts > 0) {
      lastEnd = end;
      continue;
    }
    if (word in EN_UNITS) current += EN_UNITS[word];
    else if (word in EN_TENS) current += EN_TENS[word];
    else if (word in EN_SCALES) {
      const scale = EN_SCALES[word];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else {
      if (parts > 0) flush();
      lastEnd = -1;
      continue;
    }
    parts++;
    lastEnd = end;
  }
  if (parts > 0) flush();
  return out;
}

const SINO_DIGITS: Record<string, number> = {
  영: 0,
  공: 0,
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  칠: 7,
  팔: 8,
  구: 9,
};
const SINO_SCALES: Record<string, number> = { 십: 10, 백: 100, 천: 1_000, 만: 10_000 };
/** Sino-Korean numerals with a scale syllable (구십칠, 백, 삼천), or digit syllables before a unit (구 퍼센트). */
const SINO =
  /[영공일이삼사오육칠팔구십백천만]*[십백천만][영공일이삼사오육칠팔구십백천만]*|[일이삼사오육칠팔구](?=\s*(?:퍼센트|프로|%|개|대|시간|분|초))/g;
const NATIVE_TENS: Record<string, number> = {
  열: 10,
  스물: 20,
  스무: 20,
  서른: 30,
  마흔: 40,
  쉰: 50,
  예순: 60,
  일흔: 70,
  여든: 80,
  아흔: 90,
};
const NATIVE_UNITS: Record<string, number> = {
  하나: 1,
  한: 1,
  둘: 2,
  두: 2,
  셋: 3,
  세: 3,
  넷: 4,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
};
const NATIVE = new RegExp(`(${Object.keys(NATIVE_TENS).join('|')})(${Object.keys(NATIVE_UNITS).join('|')})?`, 'g');

function sinoValue(word: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of word) {
    if (ch in SINO_DIGITS) digit = SINO_DIGITS[ch];
    else if (ch === '만') {
      total += (section + digit || 1) * 10_000;
      section = digit = 0;
    } else {
      section += (digit || 1) * SINO_SCALES[ch];
      digit = 0;
    }
  }
  return total + section + digit;
}

function koreanNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SINO)) out.push(sinoValue(m[0]));
  for (const m of text.matchAll(NATIVE)) out.push(NATIVE_TENS[m[1]] + (m[2] ? NATIVE_UNITS[m[2]] : 0));
  return out;
}

/** Every number a text spells out in words. */
export function spelledNumbers(text: string): number[] {
  return [...englishNumbers(text), ...koreanNumbers(text)];
}
