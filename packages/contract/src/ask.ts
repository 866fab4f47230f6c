/** Wire contract of POST /api/ask: the request body, and the answer with its intent, entities and findings. */
import { z } from 'zod';
import {
  CHANGE_KINDS,
  COMPARISON_PERIODS,
  FINDING_EVENTS,
  FINDING_KINDS,
  FINDING_LEVELS,
  INTENTS,
  MAX_QUESTION_CHARS,
  METRIC_NAMES,
  PROVIDERS,
  SEVERITIES,
} from './names';
import { instant } from './params';

export const askRequest = (nowMs: number) =>
  z
    .object(
      {
        question: z
          .string({ error: 'expected a string' })
          .trim()
          .min(1, { error: 'must not be empty' })
          .max(MAX_QUESTION_CHARS, { error: `must be at most ${MAX_QUESTION_CHARS} characters` }),
        from: instant(nowMs).optional(),
        to: instant(nowMs).optional(),
      },
      { error: 'expected a JSON object with a "question" string' }
    )
    .refine((b) => b.from === undefined || b.to === undefined || b.from < b.to, {
      path: ['from'],
      error: 'must be before to',
    });

export type AskRequest = z.output<ReturnType<typeof askRequest>>;

/** What a question is about, resolved against the live inventory. Empty/null when not mentioned. */
export const entities = z.object({
  /** Canonical server ids, in the order they were mentioned. */
  servers: z.array(z.string()),
  metrics: z.array(z.enum(METRIC_NAMES)),
  provider: z.enum(PROVIDERS).nullable(),
  region: z.string().nullable(),
  role: z.string().nullable(),
  /** Look-back window ("last 30 minutes" → 30). */
  rangeMinutes: z.number().nullable(),
  /** How many servers to list ("top 5" → 5). */
  limit: z.number().nullable(),
  /**
   * A period compared with the one before it ("this week compared with last week" → `week`,
   * "오늘 vs 어제" → `day`); null when the question compares no periods.
   */
  period: z.enum(COMPARISON_PERIODS).nullable(),
});
export type Entities = z.infer<typeof entities>;

/** Entities of a question that mentions nothing. */
export function emptyEntities(): Entities {
  return {
    servers: [],
    metrics: [],
    provider: null,
    region: null,
    role: null,
    rangeMinutes: null,
    limit: null,
    period: null,
  };
}

/**
 * Whether a finding may explain others. Only a state change (offline, a restart, a disk or memory
 * filling, a traffic jump) is a probable cause; a cpu or latency rise is a symptom.
 */
export type CausalRole = 'cause' | 'symptom';

/** One thing an answer rests on. `metric`, `value` and `threshold` are null when they do not apply (e.g. offline). */
export const finding = z.object({
  serverId: z.string(),
  metric: z.enum(METRIC_NAMES).nullable(),
  kind: z.enum(FINDING_KINDS),
  /** The measured value the finding is about (a percentage, bytes/s, a correlation coefficient...). */
  value: z.number().nullable(),
  /** The level it is compared with (threshold, capacity), when there is one. */
  threshold: z.number().nullable(),
  /** One sentence in the question's language. */
  message: z.string(),
  level: z.enum(FINDING_LEVELS),
  role: z.enum(['cause', 'symptom']).optional(),
  /**
   * Set on `anomaly` findings that are discrete state changes rather than the shared detector's
   * scores: an uptime reset, a step in inbound traffic, a systemd unit not active, a pod's
   * container restarting, a pod failed or stuck. Without it, an anomaly is a detector episode.
   */
  event: z.enum(FINDING_EVENTS).optional(),
  /** The labelled series a workload finding is about: `service`, or `namespace` and `pod`. */
  labels: z.record(z.string(), z.string()).optional(),
  /** When it happened or was measured (ISO-8601). */
  at: z.string().optional(),
  /** Detector anomalies: the kind of change and since when (ISO-8601). */
  change: z.enum(CHANGE_KINDS).optional(),
  since: z.string().optional(),
  /** Fitted rate of change, units per hour (trend, forecast). */
  ratePerHour: z.number().optional(),
  /** Hours until `threshold` is reached at `ratePerHour` (forecast). */
  etaHours: z.number().optional(),
  /** The other side of a correlation, and by how much the leader leads (seconds, > 0). */
  relatedServerId: z.string().optional(),
  relatedMetric: z.enum(METRIC_NAMES).optional(),
  lagSeconds: z.number().optional(),
});
export type Finding = z.infer<typeof finding>;

export const askAnswer = z.object({
  intent: z.enum(INTENTS),
  /** Any Hangul in the question → `ko` (mixed questions are Korean), otherwise `en`. */
  language: z.enum(['ko', 'en']),
  entities,
  severity: z.enum(SEVERITIES),
  /** Written in `language`; may hold several lines. */
  answer: z.string(),
  findings: z.array(finding),
  /** The range the answer looked at (ISO-8601). */
  range: z.object({ from: z.string(), to: z.string() }),
  /** True when a language model rephrased the deterministic answer (and its numbers checked out). */
  rephrased: z.boolean(),
});
export type AskAnswer = z.infer<typeof askAnswer>;
