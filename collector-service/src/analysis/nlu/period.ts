/** A period compared with the one before it: "this week compared with last week", "어제 대비 오늘", "week over week". */
import type { ComparisonPeriod } from '@openmanager/contract';

interface PeriodWords {
  period: ComparisonPeriod;
  /** Names the period before: "last week", "지난주", "전일". */
  previous: RegExp;
  /** Names the current period: "this week", "이번 주", "today". */
  current: RegExp;
  /** Says the comparison in one phrase: "week over week", "주간 대비". */
  overPrevious: RegExp;
}

const PERIODS: PeriodWords[] = [
  {
    period: 'week',
    previous: /(지난|저번|전|직전|앞|그\s*전)\s*주|\b(last|previous|prior|past)\s+week\b|\bweek\s+before\b/,
    current: /(이번|금|요번|이)\s*주|\bthis\s+week\b|\bcurrent\s+week\b/,
    overPrevious: /\bweek[\s-]+(over|on|to)[\s-]+week\b|\bwow\b|전주\s*(대비|비)|주간\s*(대비|비교)/,
  },
  {
    period: 'day',
    previous: /어제|전일|전날|\byesterday\b|\b(previous|prior)\s+day\b|\bday\s+before\b/,
    current: /오늘|금일|\btoday\b/,
    overPrevious: /\bday[\s-]+(over|on|to)[\s-]+day\b|\bdod\b|전일\s*(대비|비)/,
  },
];

/** Words that set two things side by side. */
const COMPARING =
  /대비|비교|비해|견주|보다|와\s*비|과\s*비|달라|차이|\bvs\.?|\bversus\b|\bcompared?\b|\bcomparison\b|\bcompare\b|\bagainst\b|\bthan\b|\bdifferen/;

/**
 * The period a question compares with the one before, or null. Both periods named ("this week …
 * last week"), or the previous one named with a comparing word ("지난주 대비 CPU"), or one phrase
 * that says both ("week over week"); a question naming only one period ("since yesterday") is a range.
 */
export function extractPeriod(working: string): ComparisonPeriod | null {
  for (const p of PERIODS) {
    if (p.overPrevious.test(working)) return p.period;
    if (!p.previous.test(working)) continue;
    if (p.current.test(working) || COMPARING.test(working)) return p.period;
  }
  return null;
}
