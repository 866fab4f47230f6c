/** Picks the intent: weighted cue words per intent, routed and weighed by what the question names. */
import { ASCENDING_TERMS, CONDITION_TERMS, CUE_GROUPS, type CueTarget } from './intent-lexicon';
import { compileTerms } from './terms';
import { findAll } from './text';
import type { Intent } from './types';

/** What entity extraction found, as far as the intent depends on it. */
export interface QuestionFacts {
  servers: number;
  /** Id-like words that matched no server: the question still names "a server". */
  unknownIds: number;
  metrics: number;
  provider: boolean;
  region: boolean;
  /** A region id was typed (not a city or continent word). */
  regionById: boolean;
  role: boolean;
  limit: boolean;
  range: boolean;
  rangeAhead: boolean;
  domainNoun: boolean;
}

export interface Classification {
  intent: Intent;
  confidence: number;
  order: 'desc' | 'asc';
  signals: string[];
}

/** On equal scores the more specific question wins. */
const PRIORITY: readonly Intent[] = [
  'alerts',
  'root_cause',
  'forecast',
  'availability',
  'anomalies',
  'compare',
  'top_usage',
  'metric_value',
  'server_health',
  'fleet_health',
];
const MIN_SCORE = 1;
const COMPILED = CUE_GROUPS.map((group) => ({ ...group, pattern: compileTerms(group.terms) }));
const ASCENDING = compileTerms(ASCENDING_TERMS);
const CONDITION = compileTerms(CONDITION_TERMS);

/** What the other cues of the question say, where it changes the meaning of a cue. */
interface CueContext {
  /** A resource fills up or runs out: "first"/"가장" then ranks by time left, a forecast. */
  depletion: boolean;
  /** The question is about health or condition: a superlative without a metric asks which server is worst off. */
  condition: boolean;
  /** A trend word: "how is it" asks about the trend. */
  trend: boolean;
}

/** A trend over a past window of a named server is its history; any other trend asks where it is heading. */
function trendIntent(f: QuestionFacts): Intent {
  return f.servers + f.unknownIds > 0 && f.range && !f.rangeAhead ? 'metric_value' : 'forecast';
}

/** Where a cue's weight goes given what the question names and its other cues, and at what share (0 drops it). */
function route(target: CueTarget, f: QuestionFacts, cues: CueContext): [Intent, number] {
  const named = f.servers + f.unknownIds;
  const scoped = f.provider || f.region || f.role;
  switch (target) {
    case 'health':
    case 'fleet_health':
      return [named > 0 ? 'server_health' : 'fleet_health', 1];
    case 'trend':
      return [trendIntent(f), 1];
    case 'state':
      if (cues.trend) return [trendIntent(f), 1];
      return named > 0 ? [f.metrics > 0 ? 'metric_value' : 'server_health', 1] : ['fleet_health', 1];
    case 'top_usage':
      if (cues.depletion) return ['forecast', 1];
      if (f.servers >= 2) return ['compare', 1];
      if (named === 0 && f.metrics === 0 && cues.condition) return ['fleet_health', 1];
      // "highest"/"높은" about one server describes its value rather than ranking anything
      return f.servers === 1 ? [f.metrics > 0 ? 'metric_value' : 'server_health', 0.5] : ['top_usage', 1];
    case 'alerts':
      // "any alert up on BATCH-AP-002?" asks after that server's health; its alert history ("last night") stays alerts
      return named > 0 && !f.range ? ['server_health', 0.5] : ['alerts', 1];
    case 'compare':
      return ['compare', f.servers >= 2 ? 1 : 0];
    case 'metric_value':
      if (named > 0) return f.metrics > 0 ? ['metric_value', 1] : ['server_health', 0.5];
      return [scoped ? 'fleet_health' : 'top_usage', f.metrics > 0 ? 0.5 : 0];
    default:
      return [target, 1];
  }
}

/** Scores that come from the shape of the question alone ("DB-EU-002 CPU" asks for a value). */
function structuralScores(f: QuestionFacts): Array<[Intent, number, string]> {
  const scores: Array<[Intent, number, string]> = [];
  const named = f.servers + f.unknownIds;
  if (named > 0) scores.push(['server_health', 1, 'a server is named']);
  if (f.servers >= 1 && f.metrics > 0) scores.push(['metric_value', 1.5, 'a server and a metric are named']);
  if (f.servers >= 2 && f.metrics > 0) scores.push(['compare', 2, 'several servers and a metric are named']);
  if (named === 0) {
    if (f.metrics > 0 && !(f.provider || f.region || f.role))
      scores.push(['top_usage', 1, 'a metric is named without a server']);
    if (f.metrics > 0 && (f.provider || f.region || f.role))
      scores.push(['fleet_health', 0.5, 'a metric of a group is named']);
    if (f.limit) scores.push(['top_usage', 1.5, 'a count is asked for']);
    if (f.provider || f.regionById || ((f.region || f.role) && f.domainNoun))
      scores.push(['fleet_health', 1, 'a group of servers is named']);
    else if (f.region || f.role) scores.push(['fleet_health', 0.5, 'a group of servers may be named']);
    if (f.range && f.metrics === 0) scores.push(['anomalies', 0.5, 'a time window is asked about']);
  }
  if (f.rangeAhead) scores.push(['forecast', 2.5, 'a time ahead is asked about']);
  return scores;
}

export function classify(cueText: string, facts: QuestionFacts): Classification {
  const anchored =
    facts.servers + facts.unknownIds + facts.metrics > 0 ||
    facts.provider ||
    facts.region ||
    facts.role ||
    facts.limit ||
    facts.range ||
    facts.domainNoun;
  const scores = new Map<Intent, number>();
  const signals: string[] = [];
  const add = (intent: Intent, weight: number, why: string) => {
    scores.set(intent, (scores.get(intent) ?? 0) + weight);
    signals.push(`${intent}:${why}`);
  };
  const matched = COMPILED.filter((group) => !group.anchored || anchored)
    .map((group) => ({ group, match: findAll(group.pattern, cueText)[0] }))
    .filter(({ match }) => match !== undefined);
  const cues: CueContext = {
    depletion: matched.some(({ group }) => group.tag === 'depletion'),
    condition: matched.some(({ group }) => group.target === 'health') || findAll(CONDITION, cueText).length > 0,
    trend: matched.some(({ group }) => group.target === 'trend'),
  };
  for (const { group, match } of matched) {
    const [intent, share] = route(group.target, facts, cues);
    if (share > 0) add(intent, group.weight * share, match.text.trim());
  }
  for (const [intent, weight, why] of structuralScores(facts)) add(intent, weight, why);

  const ranked = PRIORITY.map((intent) => [intent, scores.get(intent) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const order = findAll(ASCENDING, cueText).length > 0 ? 'asc' : 'desc';
  if (best[1] < MIN_SCORE) return { intent: 'unknown', confidence: 0, order, signals };
  const confidence = (best[1] / (best[1] + second[1])) * Math.min(1, best[1] / 3);
  return { intent: best[0], confidence: Math.round(confidence * 100) / 100, order, signals };
}
