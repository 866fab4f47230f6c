/** Wire contract of POST /api/ask: the request body, and the answer with its intent, entities and findings. */
import { z } from 'zod';
import { MAX_QUESTION_CHARS, type FindingKind, type FindingLevel, type Intent, type MetricName, type Provider, type Severity } from './names';
import { instant } from './params';

export const askRequest = (nowMs: number) =>
  z
    .object({
      question: z
        .string({ error: 'expected a string' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(MAX_QUESTION_CHARS, { error: `must be at most ${MAX_QUESTION_CHARS} characters` }),
      from: instant(nowMs).optional(),
      to: instant(nowMs).optional(),
    }, { error: 'expected a JSON object with a "question" string' })
    .refine((b) => b.from === undefined || b.to === undefined || b.from < b.to, { path: ['from'], error: 'must be before to' });

export type AskRequest = z.output<ReturnType<typeof askRequest>>;

/** What a question is about, resolved against the live inventory. Empty/null when not mentioned. */
export interface Entities {
  /** Canonical server ids, in the order they were mentioned. */
  servers: string[];
  metrics: MetricName[];
  provider: Provider | null;
  region: string | null;
  role: string | null;
  /** Look-back window ("last 30 minutes" → 30). */
  rangeMinutes: number | null;
  /** How many servers to list ("top 5" → 5). */
  limit: number | null;
}

/**
 * Whether a finding may explain others. Only a state change (offline, a restart, a disk or memory
 * filling, a traffic jump) is a probable cause; a cpu or latency rise is a symptom.
 */
export type CausalRole = 'cause' | 'symptom';

/** One thing an answer rests on. `metric`, `value` and `threshold` are null when they do not apply (e.g. offline). */
export interface Finding {
  serverId: string;
  metric: MetricName | null;
  kind: FindingKind;
  /** The measured value the finding is about (a percentage, bytes/s, a correlation coefficient...). */
  value: number | null;
  /** The level it is compared with (threshold, capacity), when there is one. */
  threshold: number | null;
  /** One sentence in the question's language. */
  message: string;
  level: FindingLevel;
  role?: CausalRole;
  /**
   * Set on `anomaly` findings that are discrete state changes rather than the shared detector's
   * scores: an uptime reset, or a step in inbound traffic. Without it, an anomaly is a detector episode.
   */
  event?: 'restart' | 'traffic-jump';
  /** When it happened or was measured (ISO-8601). */
  at?: string;
  /** Fitted rate of change, units per hour (trend, forecast). */
  ratePerHour?: number;
  /** Hours until `threshold` is reached at `ratePerHour` (forecast). */
  etaHours?: number;
  /** The other side of a correlation, and by how much the leader leads (seconds, > 0). */
  relatedServerId?: string;
  relatedMetric?: MetricName;
  lagSeconds?: number;
}

export interface AskAnswer {
  intent: Intent;
  /** Any Hangul in the question → `ko` (mixed questions are Korean), otherwise `en`. */
  language: 'ko' | 'en';
  entities: Entities;
  severity: Severity;
  /** Written in `language`; may hold several lines. */
  answer: string;
  findings: Finding[];
  /** The range the answer looked at (ISO-8601). */
  range: { from: string; to: string };
  /** True when a language model rephrased the deterministic answer (and its numbers checked out). */
  rephrased: boolean;
}
