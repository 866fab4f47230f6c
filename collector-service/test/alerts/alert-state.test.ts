/** When an alert is sent (Prometheus's needsSending) and what it promises: resends, endsAt, the resolution. */
import { RuleAlerts } from '../../src/alerts/alert-state';
import { parseRuleFile } from '../../src/alerts/rule-file';

const MIN = 60_000;
const rule = parseRuleFile('groups: [{ name: g, rules: [{ alert: A, expr: up == 0, for: 1m }] }]', 'f.yml')[0].rules[0];
const down = [{ labels: { __name__: 'up', server: 's1' }, value: 0 }];

describe('RuleAlerts', () => {
  it('sends nothing while pending, then resends firing alerts every resend delay, valid for four periods', () => {
    const alerts = new RuleAlerts(rule);
    alerts.update(down, 0);
    expect(alerts.due(0, MIN, 10_000)).toEqual([]);
    alerts.update(down, MIN);
    const [first] = alerts.due(MIN, MIN, 10_000);
    expect(first).toMatchObject({
      state: 'firing',
      firedAt: MIN,
      activeAt: 0,
      validUntil: MIN + 4 * MIN,
      labels: { alertname: 'A', server: 's1' },
    });
    alerts.update(down, MIN + 30_000);
    expect(alerts.due(MIN + 30_000, MIN, 10_000)).toEqual([]);
    alerts.update(down, 2 * MIN + 10_000);
    expect(alerts.due(2 * MIN + 10_000, MIN, 10_000)).toHaveLength(1);
  });

  it('sends the resolution at once, and the eval interval stretches endsAt when longer than the resend delay', () => {
    const alerts = new RuleAlerts(rule);
    alerts.update(down, 0);
    alerts.update(down, MIN);
    expect(alerts.due(MIN, MIN, 5 * MIN)[0].validUntil).toBe(MIN + 20 * MIN);
    alerts.update([], MIN + 1);
    const [resolved] = alerts.due(MIN + 1, MIN, 5 * MIN);
    expect(resolved).toMatchObject({ state: 'inactive', resolvedAt: MIN + 1, firedAt: MIN });
    expect(alerts.current()).toEqual([]);
  });

  it('forgets a pending alert whose condition ends, and refuses two samples that make one alert', () => {
    const alerts = new RuleAlerts(rule);
    alerts.update(down, 0);
    alerts.update([], 30_000);
    expect(alerts.active.size).toBe(0);
    expect(() => alerts.update([...down, { labels: { __name__: 'other', server: 's1' }, value: 0 }], 0)).toThrow(
      'same labelset'
    );
  });

  it("clears the rule's alerts and fails when more than the group's limit are active (Prometheus's limit)", () => {
    const alerts = new RuleAlerts(rule);
    alerts.update(down, 0, 1);
    expect(alerts.current()).toHaveLength(1);
    expect(() => alerts.update([...down, { labels: { __name__: 'up', server: 's2' }, value: 0 }], MIN, 1)).toThrow(
      'exceeded limit of 1 with 2 alerts'
    );
    expect(alerts.active.size).toBe(0);
  });
});
