/** How many servers a ranking question wants: "top 5", "상위 3", "4개", "5대", "다섯 대", "6 servers", "3 busiest". */
import { NUMBER_SOURCE, parseNumber } from './numbers';
import { consume, type QuestionText } from './text';

export const MAX_LIMIT = 1000;
/** Words that are numbers in "a few minutes" but no count of servers. */
const APPROXIMATE = /^(an?|a few|few|a couple of|couple of|couple)$/;

const LIMIT_PATTERNS = [
  new RegExp(`(?<![a-z])(?:top|bottom|first|best|worst|상위|하위|탑) ?-? ?(${NUMBER_SOURCE})`, 'g'),
  /(?<![a-z])(?:top|bottom)(\d+)(?![a-z0-9])/g,
  new RegExp(`(${NUMBER_SOURCE}) ?(?:개(?!월)|대(?![역비기])|곳|군데|위(?![험치]))`, 'g'),
  new RegExp(
    `(${NUMBER_SOURCE}) (?:most|highest|biggest|largest|heaviest|busiest|lowest|least|worst|top|servers?|hosts?|nodes?|instances?|machines?|boxes|vms?)(?![a-z])`,
    'g'
  ),
];

/** The first count found (consumed from the text), when it is a whole number from 1 to MAX_LIMIT. */
export function extractLimit(text: QuestionText): number | null {
  for (const pattern of LIMIT_PATTERNS) {
    for (const m of text.working.matchAll(pattern)) {
      const value = parseNumber(m[1]);
      if (value === null || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT || APPROXIMATE.test(m[1]))
        continue;
      consume(text, { start: m.index, end: m.index + m[0].length });
      return value;
    }
  }
  return null;
}
