/** Wire contract of POST /api/ask (CONTRACT §4): the request body and the answer. */
import { z } from 'zod';
import type { Finding, Severity } from '../analysis/findings';
import { MAX_QUESTION_CHARS, type Entities, type Intent } from '../analysis/nlu';
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

export interface AskAnswer {
  intent: Intent;
  language: 'ko' | 'en';
  entities: Entities;
  severity: Severity;
  answer: string;
  findings: Finding[];
  /** The range the answer looked at (ISO-8601). */
  range: { from: string; to: string };
  /** True when a language model rephrased the deterministic answer (and its numbers checked out). */
  rephrased: boolean;
}
