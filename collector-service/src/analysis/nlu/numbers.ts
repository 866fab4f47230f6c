/** Numbers as operators type them: digits, English words, Korean native (한/두/세…) and Sino-Korean tens (삼십). */

/** English cardinals below twenty, and the tens: shared with the evidence check of rephrased answers. */
export const EN_UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "zero" is left out: no count or span an operator asks for is zero. */
const { zero: _zero, ...COUNTS } = EN_UNITS;
const ENGLISH: Record<string, number> = {
  a: 1,
  an: 1,
  ...COUNTS,
  ...EN_TENS,
  couple: 2,
  'a couple of': 2,
  'couple of': 2,
  few: 3,
  'a few': 3,
};
const NATIVE_TENS: Record<string, number> = { 열: 10, 스물: 20, 스무: 20, 서른: 30, 마흔: 40, 쉰: 50, 예순: 60 };
const NATIVE_UNITS: Record<string, number> = {
  한: 1,
  하나: 1,
  두: 2,
  둘: 2,
  세: 3,
  셋: 3,
  석: 3,
  네: 4,
  넷: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
};
const SINO_DIGITS: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };

const alternatives = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const ENGLISH_SOURCE = `(?<![a-z])(?:${alternatives(Object.keys(ENGLISH))})(?![a-z])`;
const NATIVE_SOURCE =
  `(?<![\\uAC00-\\uD7A3])(?:(?:${alternatives(Object.keys(NATIVE_TENS))}) ?(?:${alternatives(Object.keys(NATIVE_UNITS))})?` +
  `|(?:${alternatives(Object.keys(NATIVE_UNITS))}))`;
const SINO_SOURCE = '(?<![\\uAC00-\\uD7A3])[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?';

/** Regex source of one number in any of the supported forms; digits must not be glued to a word ("k8s"). */
export const NUMBER_SOURCE = `(?:(?<![a-z0-9._])\\d+(?:\\.\\d+)?|${ENGLISH_SOURCE}|${NATIVE_SOURCE}|${SINO_SOURCE})`;

/** The value of a phrase matched by NUMBER_SOURCE, or null. */
export function parseNumber(phrase: string): number | null {
  const text = phrase.trim().replace(/\s+/g, ' ');
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text in ENGLISH) return ENGLISH[text];
  const sino = /^([이삼사오육칠팔구]?)십([일이삼사오육칠팔구]?)$/.exec(text);
  if (sino) return (sino[1] ? SINO_DIGITS[sino[1]] : 1) * 10 + (sino[2] ? SINO_DIGITS[sino[2]] : 0);
  const native = /^(열|스물|스무|서른|마흔|쉰|예순)? ?(한|하나|두|둘|세|셋|석|네|넷|다섯|여섯|일곱|여덟|아홉)?$/.exec(
    text
  );
  if (native && (native[1] || native[2])) {
    return (native[1] ? NATIVE_TENS[native[1]] : 0) + (native[2] ? NATIVE_UNITS[native[2]] : 0);
  }
  return null;
}
