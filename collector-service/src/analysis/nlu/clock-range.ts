/** Look-back windows anchored on the clock: "since 9am", "오후 3시 반부터", "어제부터", "since midnight" → minutes until now. */
import { NUMBER_SOURCE, parseNumber } from './numbers';
import { consume, type QuestionText } from './text';

const MINUTE_MS = 60_000;
type Half = 'am' | 'pm' | null;

/** "since 9am", "from 14:30", "after 9 pm", "since 9" (no minutes/am-pm: the latest 9 o'clock). */
const ENGLISH_CLOCK =
  /(?<![a-z])(?:since|from|after) (?:(yesterday|today) )?(?:at )?(\d{1,2})(?::(\d{2}))? ?(am|pm|a\.m\.|p\.m\.|o'?clock)?(?![a-z0-9:])/g;
/** After a bare hour ("since 9") only the end of a clause may follow, not a noun ("from 2 servers"). */
const BARE_HOUR_FOLLOWS = /^\s*(?:$|[^a-z0-9\s]|(?:on|for|to|until|till|and|in|at|today|yesterday)(?![a-z]))/;
/** "since yesterday", "from midnight", "since noon", "since yesterday 3pm" is handled above. */
const ENGLISH_WORD = /(?<![a-z])(?:since|from|after) (yesterday|midnight|noon|today)(?![a-z])/g;
/** "9시부터", "오전 9시 이후", "어제 오후 3시 반부터", "아홉 시부터", "14시 30분 이후". */
const KOREAN_CLOCK = new RegExp(
  `(?:(어제|어저께|전날|오늘) ?)?(?:(오전|새벽|아침|오후|낮|저녁|밤) ?)?(${NUMBER_SOURCE}) ?시(?: ?(${NUMBER_SOURCE}) ?분| ?(반))?(?!간) ?(?:부터|이후|이래|以後|쯤부터)`,
  'g'
);
/** "last night", "overnight": since 18:00 yesterday. */
const ENGLISH_NIGHT = /(?<![a-z])(?:last night|overnight)(?![a-z])/g;
/** "어제 밤에", "지난밤", "간밤에", "어젯밤": since 18:00 yesterday. */
const KOREAN_NIGHT = /(?:어제 ?밤|어젯 ?밤|지난 ?밤|간밤|밤사이|밤새)(?:에|사이에?|동안)?/g;
const NIGHT: Anchor = { daysBack: 1, hour: 18, minute: 0, half: null };
/** "어제부터", "어제 이후", "자정부터", "정오 이후", "오늘부터". */
const KOREAN_WORD = /(어제|어저께|전날|자정|정오|오늘) ?(?:부터|이후|이래)/g;

const KOREAN_HALF: Record<string, Half> = {
  오전: 'am',
  새벽: 'am',
  아침: 'am',
  오후: 'pm',
  낮: 'pm',
  저녁: 'pm',
  밤: 'pm',
};

interface Anchor {
  /** Days back from today: 1 for "어제/yesterday", 0 for "오늘/today", null when not said. */
  daysBack: number | null;
  hour: number;
  minute: number;
  half: Half;
}

function atDay(now: Date, daysBack: number, hour: number, minute: number): Date {
  const at = new Date(now);
  at.setDate(at.getDate() - daysBack);
  at.setHours(hour, minute, 0, 0);
  return at;
}

/**
 * The moment meant, in the process's local time zone. Without am/pm a 12-hour reading is the latest
 * such time not in the future ("9시부터" at 23:00 is 21:00); without a day, yesterday if today's is still ahead.
 */
function resolve(anchor: Anchor, now: Date): Date | null {
  const { hour, minute, half, daysBack } = anchor;
  if (hour > 24 || minute > 59 || (half !== null && hour > 12)) return null;
  let hours: number[];
  if (half === 'am') hours = [hour % 12];
  else if (half === 'pm') hours = [(hour % 12) + 12];
  else hours = hour <= 12 && daysBack === null ? [hour % 12, (hour % 12) + 12] : [hour % 24];
  const days = daysBack === null ? [0, 1] : [daysBack];
  const candidates = days.flatMap((d) => hours.map((h) => atDay(now, d, h, minute))).filter((at) => at <= now);
  if (candidates.length === 0) return null;
  return candidates.reduce((latest, at) => (at > latest ? at : latest));
}

const DAY_WORD: Record<string, number> = { yesterday: 1, 어제: 1, 어저께: 1, 전날: 1, today: 0, 오늘: 0 };

function wordAnchor(word: string): Anchor {
  if (word === 'noon' || word === '정오') return { daysBack: null, hour: 12, minute: 0, half: null };
  if (word === 'midnight' || word === '자정') return { daysBack: 0, hour: 0, minute: 0, half: null };
  return { daysBack: DAY_WORD[word], hour: 0, minute: 0, half: null };
}

function englishHalf(suffix: string | undefined): Half {
  if (!suffix || suffix.startsWith('o')) return null;
  return suffix.startsWith('a') ? 'am' : 'pm';
}

/** Finds the first clock-anchored start in the question, consumes it, and returns the minutes from it to `now`. */
export function extractClockRange(text: QuestionText, now: Date): number | null {
  const found: Array<{ start: number; end: number; anchor: Anchor }> = [];
  for (const m of text.working.matchAll(ENGLISH_CLOCK)) {
    const bare = m[3] === undefined && m[4] === undefined;
    if (bare && !BARE_HOUR_FOLLOWS.test(text.working.slice(m.index + m[0].length))) continue;
    const daysBack = m[1] ? DAY_WORD[m[1]] : null;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      anchor: { daysBack, hour: Number(m[2]), minute: Number(m[3] ?? 0), half: englishHalf(m[4]) },
    });
  }
  for (const m of text.working.matchAll(KOREAN_CLOCK)) {
    const hour = parseNumber(m[3]);
    const minute = m[5] ? 30 : m[4] ? parseNumber(m[4]) : 0;
    if (hour === null || minute === null || !Number.isInteger(hour) || !Number.isInteger(minute)) continue;
    const daysBack = m[1] ? DAY_WORD[m[1]] : null;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      anchor: { daysBack, hour, minute, half: m[2] ? KOREAN_HALF[m[2]] : null },
    });
  }
  for (const pattern of [ENGLISH_WORD, KOREAN_WORD]) {
    for (const m of text.working.matchAll(pattern))
      found.push({ start: m.index, end: m.index + m[0].length, anchor: wordAnchor(m[1]) });
  }
  for (const pattern of [ENGLISH_NIGHT, KOREAN_NIGHT]) {
    for (const m of text.working.matchAll(pattern))
      found.push({ start: m.index, end: m.index + m[0].length, anchor: NIGHT });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const candidate of found) {
    const at = resolve(candidate.anchor, now);
    if (at === null) continue;
    consume(text, candidate);
    return Math.max(1, Math.round((now.getTime() - at.getTime()) / MINUTE_MS));
  }
  return null;
}
