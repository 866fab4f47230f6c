/** Stopping the alerting (shutdown) cuts a long evaluation short instead of waiting for its reads and explanations. */
import { Alerting } from '../../src/alerts/alerting';
import type { AlertStore } from '../../src/alerts/alert-store';
import { Notifier } from '../../src/alerts/notifier';
import { parseRuleFile } from '../../src/alerts/rule-file';
import type { QueryBudget } from '../../src/limits';
import type { SeriesSource } from '../../src/promql/eval/query-engine';
import { silentLog } from '../support/services';

const RULES = `
groups:
  - name: trends
    interval: 1m
    rules:
      - alert: SlowToRead
        expr: min_over_time(slow_series[15m]) >= 0.5
`;

/** A series whose read is long work done in slices (a big fleet's anomaly scores): it goes on until its budget says stop. */
const slowSource: SeriesSource = {
  select: async (_matchers, _from, _to, budget: QueryBudget) => {
    for (;;) {
      await budget.pause();
      const until = performance.now() + 2;
      while (performance.now() < until);
    }
  },
};

const saved: string[] = [];
const store = {
  load: async () => [],
  save: async (group: string) => void saved.push(group),
  recordFired: async () => {},
  recordResolved: async () => {},
  prune: async () => {},
} as unknown as AlertStore;

test('stop() during a read that would run to the rule deadline (20 s) returns within a second, and the group state is still saved', async () => {
  const alerting = new Alerting({
    groups: parseRuleFile(RULES, 'rules.yml'),
    source: slowSource,
    extraSources: [],
    store,
    notifier: new Notifier([], silentLog),
    explain: async () => null,
    intervalMs: 60_000,
    resendDelayMs: 60_000,
    generatorUrl: () => 'http://grafana.invalid',
    log: silentLog,
    now: Date.now,
  });
  alerting.start();
  await new Promise((r) => setTimeout(r, 200));
  const started = performance.now();
  await alerting.stop();
  expect(performance.now() - started).toBeLessThan(1_000);
  expect(saved).toEqual(['trends']);
});
