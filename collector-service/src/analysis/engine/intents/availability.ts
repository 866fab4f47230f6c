/** availability: which servers are offline (unreachable or stale) and since when; restarts inside the range. */
import type { Finding } from '../../findings';
import { currentSamples } from '../checks/current-values';
import { outageFinding, outagesOf, restartFinding } from '../checks/state';
import type { IntentHandler } from '../intent-context';

export const availability: IntentHandler = async (ctx) => {
  const outages = await outagesOf(ctx, ctx.servers);
  const offline = outages.map((o) => outageFinding(ctx, o));
  const samples = await currentSamples(
    ctx,
    ctx.servers.map((r) => r.id)
  );
  const restarts = [...samples.values()].map((s) => restartFinding(ctx, s)).filter((f): f is Finding => f !== null);
  const total = ctx.servers.length;
  const lines =
    offline.length > 0
      ? [ctx.say.availabilityHeader({ count: offline.length, total }), ...offline.map((f) => f.message)]
      : [ctx.say.availabilityNone({ total, scope: ctx.understanding.entities })];
  lines.push(...restarts.map((f) => f.message));
  return { findings: [...offline, ...restarts], lines, evaluated: total > 0 };
};
