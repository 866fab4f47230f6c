/** Loading rule files: the shipped one, and hostile or mistaken ones refused with a message naming the place and the problem. */
import path from 'node:path';
import { ANOMALY_SCORE_THRESHOLD } from '../../src/analysis';
import { loadRuleFile, parseRuleFile } from '../../src/alerts/rule-file';
import { parseTemplate, renderTemplate } from '../../src/alerts/template';
import { goFloat, goFormatG, goPrintf } from '../../src/alerts/go-format';

const SHIPPED = path.resolve(__dirname, '../../../provisioning/alerting/openmanager.rules.yml');

describe('the shipped rule file', () => {
  it('covers the thresholds, a server down, a disk filling, a memory leak and a sustained anomaly', async () => {
    const rules = (await loadRuleFile(SHIPPED)).flatMap((g) => g.rules);
    const byName = Object.fromEntries(rules.map((r) => [r.name, r]));
    const thresholds = Object.fromEntries(
      rules
        .filter((r) => r.labels.metric && /^openmanager_\w+ >= \d+$/.test(r.query))
        .map((r) => [`${r.labels.metric}/${r.labels.severity}`, Number(r.query.split('>= ')[1])])
    );
    expect(thresholds).toEqual({
      'cpu/warning': 70,
      'cpu/critical': 85,
      'memory/warning': 80,
      'memory/critical': 90,
      'disk/warning': 80,
      'disk/critical': 90,
    });
    expect(byName.OpenManagerServerDown.query).toBe('openmanager_up == 0');
    expect(byName.OpenManagerDiskFullIn4h.query).toMatch(
      /predict_linear\(openmanager_disk_usage_percent\[\w+\], 4 \* 3600\) >= 100/
    );
    expect(byName.OpenManagerMemoryLeak.query).toMatch(/deriv\(openmanager_memory_usage_percent/);
    // The anomaly rule's line is the detector's own threshold: a change to one must change the other.
    expect(byName.OpenManagerAnomalySustained.query).toBe(
      `min_over_time(openmanager_anomaly_score[15m]) >= ${ANOMALY_SCORE_THRESHOLD}`
    );
    for (const r of rules) {
      expect(['warning', 'critical']).toContain(r.labels.severity);
      expect(r.annotationSources.summary).toContain('{{ $labels.server }}');
    }
  });

  it('names a missing file', async () => {
    await expect(loadRuleFile('/nonexistent/rules.yml')).rejects.toThrow(
      'ALERT_RULES_FILE /nonexistent/rules.yml cannot be read: ENOENT'
    );
  });
});

describe('rule files refused', () => {
  it.each([
    ['groups: [', /f\.yml: not YAML/],
    ['groups: [{ name: g, rules: [{ alert: A, expr: "sum(" }] }]', /group "g", rule 1 \(A\): expr: .*parse error/],
    ['groups: [{ name: g, rules: [{ record: r, expr: "up" }] }]', /only alerting rules \(alert:\) are evaluated/],
    [
      'groups: [{ name: g, rules: [{ alert: A, expr: up, for: soon }] }]',
      /groups\.0\.rules\.0\.for: expects a Prometheus duration/,
    ],
    [
      'groups: [{ name: g, rules: [{ alert: A, expr: up, annotations: { s: "{{ .Foo }}" } }] }]',
      /annotation s: unsupported template operand "\.Foo"/,
    ],
    ['groups: [{ name: g, rules: [{ alert: A, expr: up, annotations: { s: "{{ $value" } }] }]', /unclosed action/],
    ['groups: [{ name: g, rules: [{ alert: A, expr: "up[5m]" }] }]', /expr must be an instant vector or scalar/],
    ['groups: [{ name: g, rules: [] }, { name: g, rules: [] }]', /group name "g" is repeated/],
    [
      'groups: [{ name: g, rules: [{ alert: A, expr: up, labels: { "bad-name": x } }] }]',
      /groups\.0\.rules\.0\.labels\.bad-name/,
    ],
    ['groups: [{ name: g, rules: [{ alert: A, expr: up, unknown: 1 }] }]', /groups\.0\.rules\.0/],
  ])('%s', (text, message) => {
    expect(() => parseRuleFile(text, 'f.yml')).toThrow(message);
  });

  it('refuses a file over 1 MiB and more than 1000 rules', () => {
    expect(() => parseRuleFile(`# ${'x'.repeat(1_048_577)}`, 'f.yml')).toThrow('larger than 1048576 bytes');
    const many = `groups: [{ name: g, rules: [${Array.from({ length: 1001 }, (_, i) => `{ alert: A${i}, expr: up }`).join(',')}] }]`;
    expect(() => parseRuleFile(many, 'f.yml')).toThrow('more than 1000 rules');
  });
});

describe('annotation templates print like Prometheus (Go)', () => {
  const render = (t: string, value: number, labels: Record<string, string> = {}) =>
    renderTemplate(parseTemplate(t), { labels, value });

  it.each([
    ['{{ $value }}', 92.5, '92.5'],
    ['{{ $value }}', 1_000_000, '1e+06'],
    ['{{ $value }}', 123_456, '123456'],
    ['{{ $value }}', 0.00001, '1e-05'],
    ['{{ humanize $value }}', 1_234_567, '1.235M'],
    ['{{ humanize $value }}', 0.0123, '12.3m'],
    ['{{ $value | humanize }}', 92.5, '92.5'],
    ['{{ humanizePercentage $value }}', 0.256, '25.6%'],
    ['{{ printf "%.1f" $value }}', 93, '93.0'],
    ['{{ printf "%d items" $value }}', 3, '3 items'],
    ['{{- " a " -}} b', 0, ' a b'],
  ])('%s of %p → %p', (t, value, expected) => {
    expect(render(t, value)).toBe(expected);
  });

  it('fills labels, empty for a missing one', () => {
    expect(
      render('{{ $labels.server }}/{{ .Labels.role }}/[{{ $labels.none }}]', 1, {
        server: 'DB-EU-002',
        role: 'database',
      })
    ).toBe('DB-EU-002/database/[]');
  });

  it('formats like Go for edge values', () => {
    expect([goFloat(NaN), goFloat(Infinity), goFloat(-Infinity), goFloat(0)]).toEqual(['NaN', '+Inf', '-Inf', '0']);
    expect(goFormatG(100, 4)).toBe('100');
    expect(goFormatG(12345, 4)).toBe('1.234e+04');
    expect(goPrintf('%s=%v %%', ['a', 1.5])).toBe('a=1.5 %');
    // Exact ties round to even in Go (JS rounds them up).
    expect([
      goPrintf('%.2f', [0.125]),
      goPrintf('%.2f', [0.375]),
      goPrintf('%.0f', [2.5]),
      goPrintf('%.1f', [-0.25]),
    ]).toEqual(['0.12', '0.38', '2', '-0.2']);
    expect([goFormatG(92.125, 4), goFormatG(1.2345, 4), goFormatG(12346, 4)]).toEqual(['92.12', '1.234', '1.235e+04']);
  });
});
