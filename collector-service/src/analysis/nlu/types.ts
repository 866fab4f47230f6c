/** The shapes question understanding produces; intents and entities are the API's (`@openmanager/contract`). */
import type { Entities, Intent } from '@openmanager/contract';

export { INTENTS, type Entities, type Intent } from '@openmanager/contract';

export interface Understanding {
  intent: Intent;
  /** Any Hangul in the question → `ko` (mixed questions are Korean), otherwise `en`. */
  language: 'ko' | 'en';
  entities: Entities;
  /** 0..1: how clearly the winning intent beat the others (0 for `unknown`). */
  confidence: number;
  /** Words that looked meaningful but resolved to nothing: unknown server ids, regions, unsupported metrics. */
  unresolved: string[];
  /** Ranking direction for `top_usage`: `asc` when the question asks for the least used. */
  order: 'desc' | 'asc';
  /** Why the intent was chosen: the cues that fired, as `intent:matched text`. */
  signals: string[];
}
