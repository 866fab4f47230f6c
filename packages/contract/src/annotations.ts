/** Wire contract of GET /api/annotations: threshold breaches and anomalies in a time range, for Grafana annotations. */
import { z } from 'zod';
import { ANNOTATION_KINDS } from './names';
import { instant } from './params';

const csv = <T extends string = string>(what: string, allowed?: readonly T[]) =>
  z.string().transform((value, ctx) => {
    const items = [
      ...new Set(
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      ),
    ] as T[];
    const bad = allowed ? items.filter((i) => !allowed.includes(i)) : [];
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${JSON.stringify(bad.join(','))}` });
      return z.NEVER;
    }
    return items;
  });

export const annotationsQuery = (nowMs: number) =>
  z.object({
    from: instant(nowMs),
    to: instant(nowMs),
    servers: csv('comma-separated server ids').optional(),
    kinds: csv(`comma-separated kinds from ${ANNOTATION_KINDS.join(', ')}`, ANNOTATION_KINDS).optional(),
  });

export const annotation = z.object({
  /** Start, epoch ms. */
  time: z.number(),
  /** End, epoch ms (equal to time for a point). */
  timeEnd: z.number(),
  serverId: z.string(),
  metric: z.string(),
  kind: z.enum(ANNOTATION_KINDS),
  severity: z.enum(['warning', 'critical']),
  text: z.string(),
  tags: z.array(z.string()),
});
export type Annotation = z.infer<typeof annotation>;

export const annotationsAnswer = z.object({
  annotations: z.array(annotation),
  /** Set when the list was cut to the limit. */
  truncated: z.boolean().optional(),
  /** Why a kind asked for could not be answered for the whole range. */
  notice: z.string().optional(),
});
export type AnnotationsAnswer = z.infer<typeof annotationsAnswer>;
