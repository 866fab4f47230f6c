/** Look-back windows in a question: "지난 30분", "최근 3시간", "last 2 hours", "past 90 minutes", "지난 하루", "1h30m", "since 9am". */
import { extractClockRange } from './clock-range';
import { NUMBER_SOURCE, parseNumber } from './numbers';
import { consume, type QuestionText } from './text';

const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^(초|seconds?|secs?|s)$/, 1 / 60],
  [/^(분|minutes?|mins?|m)$/, 1],
  [/^(시간|hours?|hrs?|h)$/, 60],
  [/^(일|days?|d)$/, 1440],
  [/^(주일?|weeks?|w)$/, 10080],
];
const UNIT_SOURCE = '시간|분|초|주일|주|일|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|h|m|s|d|w';

/** Connecting words around a duration are consumed with it, so "network in the last hour" keeps no stray "in". */
const LEAD =
  '(?:(?:in|over|for|during|within|from|since) )?(?:the )?(?:(?:last|past|previous|prior|recent|latest|next|coming) )?|(?:지난|최근|과거|직전|앞으로|향후|다음) ?';
const TRAIL = '(?: ?(?:동안의?|간|사이|전부터|전|ago|and a half|반))?';

/** "last 2 hours", "두 시간 반", "30m"; a clock time ("9시 30분") or "load 1m" is not a duration. */
const AMOUNT = new RegExp(
  `(?<![a-z])(${LEAD})(?<!\\d ?시 ?)(?<!load[\\s_]?)(${NUMBER_SOURCE}) ?(${UNIT_SOURCE})(?![a-z])(${TRAIL})`,
  'g'
);
/** Durations named by a word or phrase. */
const WORDS: Array<[RegExp, number]> = [
  [new RegExp(`(?<![a-z])(${LEAD})(?:half an? hour|half hour|반 ?시간)(?![a-z])`, 'g'), 30],
  [new RegExp(`(?<![a-z])(${LEAD})quarter of an hour(?![a-z])`, 'g'), 15],
  [new RegExp(`(?<![a-z])(${LEAD})(?:하루|당일)(?: ?종일| ?동안)?`, 'g'), 1440],
  [new RegExp(`(?<![a-z])(${LEAD})이틀(?: ?동안)?`, 'g'), 2880],
  [new RegExp(`(?<![a-z])(${LEAD})사흘(?: ?동안)?`, 'g'), 4320],
  [new RegExp(`(?<![a-z])(${LEAD})(?:일주일|한 ?주)(?: ?동안)?`, 'g'), 10080],
  [new RegExp(`(?<![a-z])(${LEAD})반나절`, 'g'), 720],
];
/** "1h30m", "last 2h30m". */
const HOURS_MINUTES = new RegExp(`(?<![a-z])(${LEAD})(?<![a-z0-9._])(\\d+) ?h ?(\\d+) ?m(?:in)?(?![a-z])`, 'g');
/** "the last hour", "past day": one unit. */
const ONE_UNIT =
  /(?<![a-z])(?:(?:in|over|for|during|within) )?(?:the )?(last|past|previous|prior|this|next|coming) (minute|hour|day|week)(?![a-z])/g;
const ONE_UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 1440, week: 10080 };

const LOOKING_AHEAD_LEAD = /^(?:(?:in|within) (?!the (?:last|past))|.*(?:next|coming|앞으로|향후|다음))/;
const LOOKING_AHEAD_AFTER = /^ ?(?:후|뒤|안에|이내|내에|later|from now|ahead)/;
const LOOKING_BACK_LEAD = /last|past|previous|prior|recent|latest|지난|최근|과거|직전/;

export interface TimeRange {
  minutes: number;
  /** "in 3 hours", "3시간 뒤", "next day": the question looks forward (a forecast horizon). */
  ahead: boolean;
}

interface Part {
  start: number;
  end: number;
  minutes: number;
  lead: string;
}

/**
 * Digits take any unit; English number words English units ("two hours"); Korean native numbers
 * only hours and weeks ("세 시간" — "세 분" means three people); Sino-Korean tens Korean units ("삼십 분").
 */
function unitFits(number: string, unit: string): boolean {
  if (/^\d/.test(number)) return true;
  if (/^[a-z]/.test(number)) return /^[a-z]{2,}$/.test(unit);
  if (number.includes('십')) return /^[\uAC00-\uD7A3]+$/.test(unit);
  return unit === '시간' || unit.startsWith('주');
}

const RATE_BEFORE = /(?:every|each|per|once|twice|매) ?$/;
const RATE_AFTER = /^ ?(?:마다|당|씩)/;
/** "하루에 10%": with no "last"/"지난" before it, it says how often, not how far back. */
const BARE_RATE_AFTER = /^에(?!서)/;
/** "5% a day", "10 GB an hour". */
const ARTICLE = /^an? /;
const AMOUNT_BEFORE = /(?:\d|%|gb|mb|퍼|프로) ?$/;
/** "an hour ago", "하루 동안": a trailing word makes it a window again. */
const WINDOW_TRAIL = /(?:ago|전|동안|간|사이)$/;

/** "every 15 minutes", "1시간마다", "하루에 얼마나 늘어", "5% a day": a rate, not a window to look at. */
function isRate(part: Part, working: string): boolean {
  if (RATE_BEFORE.test(working.slice(Math.max(0, part.start - 7), part.start))) return true;
  const after = working.slice(part.end, part.end + 4);
  if (RATE_AFTER.test(after)) return true;
  const typed = working.slice(part.start, part.end);
  if (part.lead.trim() !== '' || WINDOW_TRAIL.test(typed)) return false;
  return (
    BARE_RATE_AFTER.test(after) ||
    (ARTICLE.test(typed) && AMOUNT_BEFORE.test(working.slice(Math.max(0, part.start - 4), part.start)))
  );
}

function unitMinutes(unit: string): number {
  return UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1] ?? 0;
}

function findParts(working: string): Part[] {
  const parts: Part[] = [];
  for (const m of working.matchAll(AMOUNT)) {
    const value = parseNumber(m[2]);
    const unit = unitMinutes(m[3]);
    if (value === null || unit === 0 || !unitFits(m[2], m[3])) continue;
    const half = /반|half/.test(m[4]) ? 0.5 * unit : 0;
    parts.push({ start: m.index, end: m.index + m[0].length, minutes: value * unit + half, lead: m[1] });
  }
  for (const [pattern, minutes] of WORDS) {
    for (const m of working.matchAll(pattern))
      parts.push({ start: m.index, end: m.index + m[0].length, minutes, lead: m[1] });
  }
  for (const m of working.matchAll(HOURS_MINUTES)) {
    parts.push({ start: m.index, end: m.index + m[0].length, minutes: Number(m[2]) * 60 + Number(m[3]), lead: m[1] });
  }
  for (const m of working.matchAll(ONE_UNIT)) {
    parts.push({ start: m.index, end: m.index + m[0].length, minutes: ONE_UNIT_MINUTES[m[2]], lead: m[1] });
  }
  return parts.filter((part) => !isRate(part, working)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The first duration in the question (adjacent parts add up: "1시간 30분" → 90), consumed from the
 * text; without one, a start on the clock ("since 9am", "어제부터") counted back from `now`.
 */
export function extractTimeRange(text: QuestionText, now: Date): TimeRange | null {
  const parts = findParts(text.working);
  if (parts.length === 0) {
    const minutes = extractClockRange(text, now);
    return minutes === null ? null : { minutes, ahead: false };
  }
  const first = parts[0];
  let { end, minutes } = first;
  for (const next of parts.slice(1)) {
    if (next.start < end) continue;
    if (!/^(?: |and|,)*$/.test(text.working.slice(end, next.start))) break;
    minutes += next.minutes;
    end = next.end;
  }
  const ahead =
    !LOOKING_BACK_LEAD.test(first.lead) &&
    (LOOKING_AHEAD_LEAD.test(first.lead) || LOOKING_AHEAD_AFTER.test(text.working.slice(end, end + 12)));
  for (const part of parts) consume(text, part);
  return { minutes: Math.max(1, Math.round(minutes)), ahead };
}
