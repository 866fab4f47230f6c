/** Fixes one-key slips in the Korean words that decide a metric or intent ("디스트" → 디스크, "트레픽" → 트래픽, "사용율" → 사용률). */
import type { QuestionText } from './text';

/**
 * Words of three syllables or more only: a slip of a shorter word is too often another real word.
 * A slip keeps the syllable count and differs in one jamo (see `slip`).
 */
const VOCABULARY = [
  '디스크',
  '메모리',
  '네트워크',
  '트래픽',
  '스파이크',
  '오프라인',
  '스토리지',
  '데이터베이스',
  '쿠버네티스',
  '사용률',
  '사용량',
  '점유율',
  '대시보드',
  '모니터링',
  '인바운드',
  '아웃바운드',
  '상관관계',
  '비정상',
];
const BY_LENGTH = new Map<number, string[]>();
for (const word of VOCABULARY) BY_LENGTH.set(word.length, [...(BY_LENGTH.get(word.length) ?? []), word]);

const HANGUL_RUN = /[\uAC00-\uD7A3]{3,}/g;
const SYLLABLE_BASE = 0xac00;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const MEDIALS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const FINALS = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

/** The QWERTY key of each jamo on the standard 2-set (두벌식) layout; shifted jamo share their key. */
const KEY_OF: Record<string, string> = Object.fromEntries(
  [
    ...'ㅂqㅈwㄷeㄱrㅅtㅛyㅕuㅑiㅐoㅔpㅁaㄴsㅇdㄹfㅎgㅗhㅓjㅏkㅣlㅋzㅌxㅊcㅍvㅠbㅜnㅡmㅃqㅉwㄸeㄲrㅆtㅒoㅖp'.matchAll(
      /(.)(.)/g
    ),
  ].map((m) => [m[1], m[2]])
);
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const ROW_OFFSET = [0, 0.25, 0.75];

function keyPosition(key: string): [number, number] {
  const row = ROWS.findIndex((keys) => keys.includes(key));
  return [row, ROWS[row].indexOf(key) + ROW_OFFSET[row]];
}

/** Same key (a shift slip) or a neighbouring one. */
function nearKeys(a: string, b: string): boolean {
  const [ka, kb] = [KEY_OF[a], KEY_OF[b]];
  if (ka === undefined || kb === undefined) return false;
  if (ka === kb) return true;
  const [[ra, xa], [rb, xb]] = [keyPosition(ka), keyPosition(kb)];
  return ra === rb ? Math.abs(xa - xb) === 1 : Math.abs(ra - rb) === 1 && Math.abs(xa - xb) <= 0.75;
}

function jamo(syllable: string): [string, string, string] {
  const code = syllable.charCodeAt(0) - SYLLABLE_BASE;
  return [INITIALS[Math.floor(code / 588)], MEDIALS[Math.floor((code % 588) / 28)], FINALS[code % 28]];
}

/** `typed` is `word` with one jamo hit on a neighbouring key, or a final consonant dropped or added. */
function slip(typed: string, word: string): boolean {
  const differences: Array<[string, string, number]> = [];
  for (let i = 0; i < word.length && differences.length <= 1; i++) {
    if (typed[i] === word[i]) continue;
    const [a, b] = [jamo(typed[i]), jamo(word[i])];
    for (let slot = 0; slot < 3; slot++) if (a[slot] !== b[slot]) differences.push([a[slot], b[slot], slot]);
  }
  if (differences.length !== 1) return false;
  const [a, b, slot] = differences[0];
  return (slot === 2 && (a === ' ' || b === ' ')) || nearKeys(a, b);
}

/** The vocabulary word a run of Hangul starts with, allowing one jamo slip; particles may follow it. */
function correction(run: string): string | null {
  for (const [length, words] of BY_LENGTH) {
    if (run.length < length) continue;
    const head = run.slice(0, length);
    if (words.includes(head)) return null;
    const fixed = words.filter((word) => slip(head, word));
    if (fixed.length === 1) return fixed[0];
  }
  return null;
}

/** Replaces slips in both copies of the question; syllable counts are kept, so the copies stay aligned. */
export function correctKoreanSpelling(text: QuestionText): QuestionText {
  let { display, working } = text;
  for (const m of working.matchAll(HANGUL_RUN)) {
    const fixed = correction(m[0]);
    if (fixed === null) continue;
    const end = m.index + fixed.length;
    display = display.slice(0, m.index) + fixed + display.slice(end);
    working = working.slice(0, m.index) + fixed + working.slice(end);
  }
  return { display, working };
}
