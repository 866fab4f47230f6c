/** What an answer rests on: findings in the API's shape (defined by `@openmanager/contract`), their levels, and the severity they add up to. */
import type { Finding, FindingLevel, Severity } from '@openmanager/contract';

export {
  FINDING_KINDS,
  type CausalRole,
  type Finding,
  type FindingKind,
  type FindingLevel,
  type Severity,
} from '@openmanager/contract';

const LEVEL_RANK: Record<FindingLevel, number> = { info: 0, warning: 1, critical: 2 };

/** Severity of an answer: its worst finding; `ok` when nothing is wrong; `unknown` when nothing could be evaluated. */
export function severityOf(findings: readonly Finding[], evaluated: boolean): Severity {
  if (!evaluated) return 'unknown';
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, LEVEL_RANK[f.level]);
  return worst === 2 ? 'critical' : worst === 1 ? 'warning' : 'ok';
}

/** Most severe first; stable otherwise. */
export function byLevel(a: Finding, b: Finding): number {
  return LEVEL_RANK[b.level] - LEVEL_RANK[a.level];
}
