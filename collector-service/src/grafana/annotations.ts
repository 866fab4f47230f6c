/** Annotations for a time range: threshold breaches and detected anomalies of the servers asked for (all by default). */
import type { AnalysisData } from '../analysis';
import type { Annotation, AnnotationKind, AnnotationsAnswer } from '@openmanager/contract';
import type { Thresholds } from '../domain/thresholds';
import type { MetricsStore } from '../storage/metrics-store';
import type { ServerQueries } from '../servers/query';
import { anomalyAnnotations } from './anomaly-annotations';
import { bucketCount, clampRange, stepFor, type QueryBudget } from '../limits';
import { thresholdAnnotations } from './threshold-annotations';

/** Buckets per series scanned for one request; annotations are coarse marks, not points. */
const BUCKETS = 1_000;
export const MAX_ANNOTATIONS = 1_000;

export interface AnnotationRequest {
  fromMs: number;
  toMs: number;
  serverIds?: string[];
  kinds: AnnotationKind[];
}

export interface AnnotationDeps {
  store: MetricsStore;
  servers: Pick<ServerQueries, 'select'>;
  thresholds: Thresholds;
  analysis: AnalysisData;
  anomalyThreshold: number;
}

export async function findAnnotations(
  req: AnnotationRequest,
  deps: AnnotationDeps,
  budget: QueryBudget
): Promise<AnnotationsAnswer> {
  const serverIds = (await deps.servers.select(req.serverIds ?? [])).servers.map((s) => s.id);
  const { fromMs, toMs } = clampRange(req.fromMs, req.toMs);
  const stepMs = stepFor(fromMs, toMs, BUCKETS);
  const found: Annotation[] = [];
  if (req.kinds.includes('threshold')) {
    const metrics = ['cpu', 'memory', 'disk'] as const;
    budget.charge(serverIds.length * metrics.length * bucketCount(fromMs, toMs, stepMs));
    const peaks = await deps.store.range(
      { serverIds, metrics: [...metrics], fromMs, toMs, stepMs, aggregation: 'max' },
      budget
    );
    found.push(...thresholdAnnotations(peaks, stepMs, deps.thresholds));
  }
  let notice: string | undefined;
  if (req.kinds.includes('anomaly')) {
    const anomalies = await anomalyAnnotations(deps.analysis, deps.anomalyThreshold, serverIds, fromMs, toMs, budget);
    if (anomalies === null)
      notice = 'anomalies are detected over the last 24 hours only; this range reaches further back';
    else found.push(...anomalies);
  }
  // Most severe first, then newest, so a cut list keeps what matters.
  found.sort((a, b) => (a.severity === b.severity ? b.time - a.time : a.severity === 'critical' ? -1 : 1));
  const truncated = found.length > MAX_ANNOTATIONS;
  return {
    annotations: found.slice(0, MAX_ANNOTATIONS),
    ...(truncated ? { truncated } : {}),
    ...(notice ? { notice } : {}),
  };
}
