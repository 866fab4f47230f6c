/** Wire contract of GET /api/annotations: threshold breaches and anomalies in a time range, for Grafana annotations. */
import { z } from 'zod';
import { ANNOTATION_KINDS, type AnnotationKind } from './names';
import { instant } from './params';

const csv = <T extends string = string>(what: string, allowed?: readonly T[]) =>
  z.string().transform((value, ctx) => {
    const items = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))] as T[];
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

export interface Annotation {
  /** Start, epoch ms. */
  time: number;
  /** End, epoch ms (equal to time for a point). */
  timeEnd: number;
  serverId: string;
  metric: string;
  kind: AnnotationKind;
  severity: 'warning' | 'critical';
  text: string;
  tags: string[];
}

export interface AnnotationsAnswer {
  annotations: Annotation[];
  /** Set when the list was cut to the limit. */
  truncated?: boolean;
  /** Why a kind asked for could not be answered for the whole range. */
  notice?: string;
}
