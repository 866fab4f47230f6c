/** unknown: says what was understood, if anything, and what can be asked. */
import type { Catalog } from '../../answer/catalog';
import type { Entities } from '../../nlu';
import type { IntentHandler } from '../intent-context';

/** The entities recognised, as a short phrase in the answer's language; null when none. */
export function understoodPhrase(say: Catalog, e: Entities): string | null {
  const parts = [
    ...e.servers,
    ...e.metrics.map((m) => say.metric(m)),
    ...(e.provider || e.region || e.role ? [say.scope(e)] : []),
    ...(e.rangeMinutes ? [say.duration(e.rangeMinutes * 60_000)] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}

export const unknown: IntentHandler = async (ctx) => ({
  findings: [],
  lines: [ctx.say.help({ understood: understoodPhrase(ctx.say, ctx.understanding.entities) })],
  evaluated: false,
});
