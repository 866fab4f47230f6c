/**
 * One alerting rule's alerts and their life, as Prometheus's AlertingRule.Eval keeps them:
 * a new match is pending, fires once it has held for `for`, stays firing `keep_firing_for` after
 * the match ends, then is resolved and kept 15 minutes so Alertmanager hears of the resolution.
 */
import { labelsKey, METRIC_NAME, type Labels } from '../promql/labels';
import type { Sample } from '../promql/eval/values';
import type { AlertRule } from './rule-file';
import { renderTemplate } from './template';

export type AlertState = 'pending' | 'firing' | 'inactive';

export interface Alert {
  /** labelsKey of `labels`: the alert's identity within its rule. */
  key: string;
  labels: Labels;
  annotations: Record<string, string>;
  state: AlertState;
  value: number;
  activeAt: number;
  /** 0 when never fired / resolved / sent. */
  firedAt: number;
  resolvedAt: number;
  lastSentAt: number;
  keepFiringSince: number;
  /** When the last send said Alertmanager may consider it resolved unless resent. */
  validUntil: number;
}

/** Prometheus keeps a resolved alert this long so the resolution is resent to Alertmanager. */
export const RESOLVED_RETENTION_MS = 15 * 60_000;

export const ALERTNAME = 'alertname';

/** The labels of an alert: the sample's without its name, the rule's on top, the alert name last. */
export function alertLabels(rule: AlertRule, sample: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sample)) if (k !== METRIC_NAME) out[k] = v;
  Object.assign(out, rule.labels);
  out[ALERTNAME] = rule.name;
  return out;
}

export class RuleAlerts {
  readonly active = new Map<string, Alert>();

  constructor(readonly rule: AlertRule) {}

  /**
   * Applies one evaluation's result at `ts` (epoch ms). Throws when two samples give one alert, and
   * (clearing the rule's alerts, as Prometheus does) when more than `limit` alerts are pending or firing.
   */
  update(samples: Sample[], ts: number, limit = 0): void {
    const matched = new Map<string, Alert>();
    for (const s of samples) {
      const labels = alertLabels(this.rule, s.labels);
      const key = labelsKey(labels);
      if (matched.has(key))
        throw new Error('vector contains metrics with the same labelset after applying alert labels');
      const templateData = {
        labels: Object.fromEntries(Object.entries(s.labels).filter(([k]) => k !== METRIC_NAME)),
        value: s.value,
      };
      const annotations = Object.fromEntries(
        Object.entries(this.rule.annotations).map(([k, t]) => [k, renderTemplate(t, templateData)])
      );
      matched.set(key, {
        key,
        labels,
        annotations,
        state: 'pending',
        value: s.value,
        activeAt: ts,
        firedAt: 0,
        resolvedAt: 0,
        lastSentAt: 0,
        keepFiringSince: 0,
        validUntil: 0,
      });
    }
    for (const [key, fresh] of matched) {
      const known = this.active.get(key);
      if (known && known.state !== 'inactive') {
        known.value = fresh.value;
        known.annotations = fresh.annotations;
      } else {
        this.active.set(key, fresh);
      }
    }
    for (const [key, a] of this.active) {
      if (!matched.has(key)) {
        let keepFiring = false;
        if (a.state === 'firing' && this.rule.keepFiringForMs > 0) {
          if (a.keepFiringSince === 0) a.keepFiringSince = ts;
          keepFiring = ts - a.keepFiringSince < this.rule.keepFiringForMs;
        }
        if (a.state === 'pending' || (a.resolvedAt !== 0 && ts - a.resolvedAt > RESOLVED_RETENTION_MS))
          this.active.delete(key);
        if (a.state !== 'inactive' && !keepFiring) {
          a.state = 'inactive';
          a.resolvedAt = ts;
        }
        if (!keepFiring) continue;
      } else {
        a.keepFiringSince = 0;
      }
      if (a.state === 'pending' && ts - a.activeAt >= this.rule.forMs) {
        a.state = 'firing';
        a.firedAt = ts;
      }
    }
    const activeCount = this.current().length;
    if (limit > 0 && activeCount > limit) {
      this.active.clear();
      throw new Error(`exceeded limit of ${limit} with ${activeCount} alerts`);
    }
  }

  /** Pending and firing alerts (not the resolved ones kept for Alertmanager). */
  current(): Alert[] {
    return [...this.active.values()].filter((a) => a.state !== 'inactive');
  }

  /** Alerts to send at `ts` (Prometheus's needsSending), marked sent. */
  due(ts: number, resendDelayMs: number, intervalMs: number): Alert[] {
    const out: Alert[] = [];
    for (const a of this.active.values()) {
      if (a.state === 'pending') continue;
      const neverSent = a.lastSentAt === 0;
      if (!neverSent && !(a.resolvedAt > a.lastSentAt) && !(a.lastSentAt + resendDelayMs < ts)) continue;
      a.lastSentAt = ts;
      a.validUntil = ts + 4 * Math.max(resendDelayMs, intervalMs);
      out.push(a);
    }
    return out;
  }

  /** The rule's state as the rules API shows it: the worst of its alerts. */
  state(): AlertState {
    const states = this.current().map((a) => a.state);
    return states.includes('firing') ? 'firing' : states.includes('pending') ? 'pending' : 'inactive';
  }
}

/** ALERTS and ALERTS_FOR_STATE samples of a rule's current alerts, as Prometheus writes them after each evaluation. */
export function alertSeriesSamples(alerts: Alert[]): Sample[] {
  const out: Sample[] = [];
  for (const a of alerts) {
    out.push({ labels: { ...a.labels, [METRIC_NAME]: 'ALERTS', alertstate: a.state }, value: 1 });
    out.push({ labels: { ...a.labels, [METRIC_NAME]: 'ALERTS_FOR_STATE' }, value: Math.floor(a.activeAt / 1000) });
  }
  return out;
}
