/** Each server's values at the end of the range: the newest samples when the range ends now, else the window's last bucket before its end. */
import { METRIC_NAMES, type ServerMetrics } from '../../../domain/metrics';
import { effectiveStatus } from '../../../domain/server-state';
import { statusFromThresholds } from '../../../domain/thresholds';
import type { IntentContext } from '../intent-context';

/** How far before the end of a past range a bucket still counts as "the value then". */
const PAST_VALUE_TOLERANCE_MS = 5 * 60_000;

/** Values of the servers that have them; offline servers (now, or at the end of a past range) are absent. */
export async function currentSamples(
  ctx: IntentContext,
  serverIds: readonly string[]
): Promise<Map<string, ServerMetrics>> {
  const out = new Map<string, ServerMetrics>();
  if (ctx.time.live) {
    const records = new Map(ctx.snapshot.records.map((r) => [r.id, r]));
    for (const id of serverIds) {
      const record = records.get(id);
      const sample = ctx.snapshot.latest.get(id);
      if (record && sample && effectiveStatus(record, ctx.nowMs, ctx.data.collectIntervalMs) !== 'offline')
        out.set(id, sample);
    }
    return out;
  }
  const series = await ctx.data.series(serverIds, METRIC_NAMES, ctx.time.toMs - PAST_VALUE_TOLERANCE_MS, ctx.time.toMs);
  for (const id of serverIds) {
    const byMetric = series.get(id);
    const cpu = byMetric?.get('cpu');
    if (!byMetric || !cpu || cpu.t.length === 0) continue;
    const last = (m: (typeof METRIC_NAMES)[number]) => {
      const s = byMetric.get(m);
      return s && s.v.length > 0 ? s.v[s.v.length - 1] : null;
    };
    const sample: ServerMetrics = {
      serverId: id,
      timestamp: new Date(cpu.t[cpu.t.length - 1]),
      cpuUsage: last('cpu'),
      memoryUsage: last('memory'),
      diskUsage: last('disk'),
      networkInBytes: last('network_in'),
      networkOutBytes: last('network_out'),
      load1m: last('load'),
      uptimeSeconds: null,
      status: 'online',
      rawData: {},
    };
    sample.status = statusFromThresholds(sample, ctx.thresholds);
    out.set(id, sample);
  }
  return out;
}
