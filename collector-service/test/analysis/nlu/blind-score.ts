/** Scores understand() on a labelled question set: intent accuracy, entity-field accuracy and the misses, for the blind sets. */
import { understand, type Entities, type Intent, type Inventory, type Understanding } from '../../../src/analysis/nlu';

/** A range anchored on the clock: since the start of yesterday / today, or since the last hh:mm (local time). */
export type SinceExpectation = { since: 'yesterday' | 'today' | `${number}:${number}` };
type Any = 'any';

export interface BlindQuestion {
  q: string;
  intent: Intent;
  entities?: {
    servers?: string[];
    metrics?: Entities['metrics'] | Any;
    provider?: Entities['provider'];
    region?: string | null;
    role?: string | null;
    rangeMinutes?: number | null | Any | SinceExpectation;
    limit?: number | null | Any;
  };
  order?: 'asc' | 'desc';
}

export interface Miss {
  q: string;
  field: string;
  expected: unknown;
  got: unknown;
}

export interface BlindScore {
  questions: number;
  intentCorrect: number;
  fields: number;
  fieldsCorrect: number;
  /** Questions whose every scored entity field is right. */
  entitiesAllRight: number;
  misses: Miss[];
}

/** Minutes from the anchor to `now`, in the process's local time. */
export function minutesSince(expectation: SinceExpectation, now: Date): number {
  const anchor = new Date(now);
  if (expectation.since === 'yesterday' || expectation.since === 'today') {
    anchor.setHours(0, 0, 0, 0);
    if (expectation.since === 'yesterday') anchor.setDate(anchor.getDate() - 1);
  } else {
    const [hours, minutes] = expectation.since.split(':').map(Number);
    anchor.setHours(hours, minutes, 0, 0);
    if (anchor > now) anchor.setDate(anchor.getDate() - 1);
  }
  return Math.round((now.getTime() - anchor.getTime()) / 60_000);
}

const sorted = (values: readonly string[]) => [...values].sort().join('|');

function fieldMatches(field: string, expected: unknown, u: Understanding, now: Date): boolean {
  const got = u.entities[field as keyof Entities];
  if (expected === 'any') return true;
  if (field === 'servers' || field === 'metrics') return sorted(expected as string[]) === sorted(got as string[]);
  if (expected !== null && typeof expected === 'object') {
    // Clock-anchored ranges: the question and the check may straddle a minute boundary.
    return typeof got === 'number' && Math.abs(got - minutesSince(expected as SinceExpectation, now)) <= 2;
  }
  return expected === got;
}

function expectedFields(item: BlindQuestion): Record<string, unknown> {
  return { servers: [], metrics: [], rangeMinutes: null, limit: null, ...item.entities };
}

/** Runs every question once and counts what came out right. */
export function scoreBlindSet(items: readonly BlindQuestion[], inventory: Inventory, now = new Date()): BlindScore {
  const score: BlindScore = {
    questions: items.length,
    intentCorrect: 0,
    fields: 0,
    fieldsCorrect: 0,
    entitiesAllRight: 0,
    misses: [],
  };
  for (const item of items) {
    const u = understand(item.q, inventory, { now });
    if (u.intent === item.intent) score.intentCorrect++;
    else score.misses.push({ q: item.q, field: 'intent', expected: item.intent, got: u.intent });
    let allRight = true;
    for (const [field, expected] of Object.entries(expectedFields(item))) {
      score.fields++;
      if (fieldMatches(field, expected, u, now)) score.fieldsCorrect++;
      else {
        allRight = false;
        score.misses.push({ q: item.q, field, expected, got: u.entities[field as keyof Entities] });
      }
    }
    if (item.order !== undefined && u.order !== item.order) {
      allRight = false;
      score.misses.push({ q: item.q, field: 'order', expected: item.order, got: u.order });
    }
    if (allRight) score.entitiesAllRight++;
  }
  return score;
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

/** One line per figure, then the misses: what a person reads when the numbers move. */
export function describeScore(name: string, score: BlindScore): string {
  return [
    `${name}: ${score.questions} questions`,
    `  intent ${percent(score.intentCorrect, score.questions)} (${score.intentCorrect}/${score.questions})`,
    `  entity fields ${percent(score.fieldsCorrect, score.fields)} (${score.fieldsCorrect}/${score.fields})`,
    `  questions with all entities right ${percent(score.entitiesAllRight, score.questions)}`,
    ...score.misses.map(
      (m) =>
        `  MISS ${m.field}: ${JSON.stringify(m.q)} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`
    ),
  ].join('\n');
}
