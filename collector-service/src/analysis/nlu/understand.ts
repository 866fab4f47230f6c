/** Question → intent + entities: entities first (servers, ranges, metrics, counts, scope), then the intent from cues and entities. */
import { emptyEntities } from '@openmanager/contract';
import { classify } from './intent-classifier';
import { DOMAIN_NOUNS, NOT_A_QUESTION } from './intent-lexicon';
import type { Inventory } from './inventory';
import { extractLimit } from './limit';
import { extractPeriod } from './period';
import { extractMetrics } from './metric-mentions';
import { extractKnownNames, extractScope } from './scope-mentions';
import { extractRoleOrdinals } from './role-ordinals';
import { extractServers, unknownIds } from './server-mentions';
import { correctKoreanSpelling } from './korean-spelling';
import { correctSpelling } from './spelling';
import { compileTerms } from './terms';
import { detectLanguage, findAll, questionText, type QuestionText } from './text';
import { extractTimeRange } from './time-range';
import type { Entities, Intent, Understanding } from './types';

const DOMAIN = compileTerms(DOMAIN_NOUNS);
/** Intents a period comparison ("CPU this week vs last week") is read as; questions about alerts, outages, forecasts keep theirs. */
const PERIOD_COMPARABLE: ReadonlySet<Intent> = new Set([
  'compare',
  'metric_value',
  'top_usage',
  'server_health',
  'fleet_health',
  'unknown',
]);

function typed(text: QuestionText, spans: Array<{ start: number; end: number }>): string[] {
  return [...new Set(spans.sort((a, b) => a.start - b.start).map((s) => text.display.slice(s.start, s.end).trim()))];
}

export interface UnderstandOptions {
  /** The moment "since 9am" / "어제부터" count back from (local time zone of the process); default: now. */
  now?: Date;
}

function clock(now: Date | undefined): Date {
  if (now === undefined) return new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new TypeError('understand: options.now must be a valid Date');
  return now;
}

/**
 * Understands one question about the fleet. Never throws: anything that is not a question about
 * servers comes back as intent `unknown`, and words it could not resolve are listed in `unresolved`.
 */
export function understand(question: string, inventory: Inventory, options: UnderstandOptions = {}): Understanding {
  const language = detectLanguage(typeof question === 'string' ? question : '');
  let text = questionText(question);
  if (NOT_A_QUESTION.some((pattern) => pattern.test(text.working))) {
    return {
      intent: 'unknown',
      language,
      entities: emptyEntities(),
      confidence: 0,
      unresolved: [],
      order: 'desc',
      signals: ['unknown:not a question'],
    };
  }
  const found = extractServers(text, inventory);
  const servers = [...new Set([...found.servers, ...extractRoleOrdinals(text, inventory)])];
  const known = extractKnownNames(text, inventory);
  const unknown = unknownIds(text);
  text = correctKoreanSpelling(correctSpelling(text));
  const cueText = text.working;
  const period = extractPeriod(cueText);
  const range = extractTimeRange(text, clock(options.now));
  const metrics = extractMetrics(text);
  const limit = extractLimit(text);
  const scope = extractScope(text, inventory, known);
  const domainNoun = findAll(DOMAIN, cueText).length > 0;

  const entities: Entities = {
    servers,
    metrics: metrics.metrics,
    provider: scope.provider,
    region: scope.region,
    role: scope.role,
    // The compared periods set the range; "지난주" read as a look-back would halve the comparison.
    rangeMinutes: period === null ? (range?.minutes ?? null) : null,
    limit,
    period,
  };
  const classified = classify(cueText, {
    servers: servers.length,
    unknownIds: unknown.servers.length + found.ambiguous.length,
    metrics: metrics.metrics.length,
    provider: scope.provider !== null,
    region: scope.region !== null || unknown.regions.length > 0,
    regionById: scope.regionById || unknown.regions.length > 0,
    role: scope.role !== null,
    limit: limit !== null,
    range: range !== null,
    rangeAhead: range?.ahead ?? false,
    domainNoun,
  });
  const { intent, confidence, order, signals } =
    period !== null && PERIOD_COMPARABLE.has(classified.intent)
      ? {
          ...classified,
          intent: 'compare' as const,
          signals: [...classified.signals, `compare:${period} over ${period}`],
        }
      : classified;
  const unresolved = typed(text, [
    ...found.ambiguous,
    ...metrics.unsupported,
    ...scope.unresolved,
    ...unknown.servers,
    ...unknown.regions,
  ]);
  return { intent, language, entities, confidence, unresolved, order, signals };
}
