/** Alert state and history in the database (sql/010_alerts.sql): saved after each evaluation, restored at start. */
import { labelsKey, sortedLabels } from '../promql/labels';
import type { SqlClient } from '../storage/sql-client';
import type { Alert, AlertState } from './alert-state';

export interface SavedAlert extends Alert {
  group: string;
  rule: string;
  savedAt: number;
}

/** One time an alert fired. */
export interface AlertEvent {
  rule: string;
  serverId: string | null;
  severity: string | null;
  labels: Record<string, string>;
  summary: string;
  firedAt: number;
  resolvedAt: number | null;
}

const HISTORY_RETENTION_MS = 30 * 86_400_000;
const MAX_HISTORY_ROWS = 10_000;

/** The alert's identity as text PostgreSQL can store (labelsKey holds NUL separators). */
const storedKey = (a: Alert) => JSON.stringify(sortedLabels(a.labels));

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null);
const ms = (v: Date | string | null) => (v === null ? 0 : new Date(v).getTime());

interface StateRow {
  rule_group: string;
  rule_name: string;
  alert_key: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertState;
  value: number | null;
  active_at: Date;
  fired_at: Date | null;
  resolved_at: Date | null;
  last_sent_at: Date | null;
  keep_firing_since: Date | null;
  valid_until: Date | null;
  saved_at: Date;
}

export class AlertStore {
  private lastPruneMs = 0;

  constructor(private readonly sql: SqlClient) {}

  /** Replaces a group's saved state with these alerts (rows of other replicas' identical alerts are overwritten alike). */
  async save(group: string, alerts: Array<Alert & { rule: string }>, ts: number): Promise<void> {
    const rows = alerts.map((a) => ({
      rule_group: group,
      rule_name: a.rule,
      alert_key: storedKey(a),
      labels: a.labels,
      annotations: a.annotations,
      state: a.state,
      value: Number.isFinite(a.value) ? a.value : null,
      active_at: iso(a.activeAt),
      fired_at: iso(a.firedAt),
      resolved_at: iso(a.resolvedAt),
      last_sent_at: iso(a.lastSentAt),
      keep_firing_since: iso(a.keepFiringSince),
      valid_until: iso(a.validUntil),
      saved_at: iso(ts),
    }));
    if (rows.length > 0) {
      await this.sql.query(
        `INSERT INTO alert_state SELECT * FROM jsonb_populate_recordset(NULL::alert_state, $1::jsonb)
         ON CONFLICT (rule_group, rule_name, alert_key) DO UPDATE SET
           labels = EXCLUDED.labels, annotations = EXCLUDED.annotations, state = EXCLUDED.state, value = EXCLUDED.value,
           active_at = EXCLUDED.active_at, fired_at = EXCLUDED.fired_at, resolved_at = EXCLUDED.resolved_at,
           last_sent_at = EXCLUDED.last_sent_at, keep_firing_since = EXCLUDED.keep_firing_since,
           valid_until = EXCLUDED.valid_until, saved_at = EXCLUDED.saved_at`,
        [JSON.stringify(rows)]
      );
    }
    await this.sql.query('DELETE FROM alert_state WHERE rule_group = $1 AND saved_at < $2', [group, iso(ts)]);
  }

  /** Alerts saved within `maxAgeMs` of `now` (older state is stale: Prometheus's outage tolerance). */
  async load(now: number, maxAgeMs: number): Promise<SavedAlert[]> {
    const rows = await this.sql.query<StateRow>('SELECT * FROM alert_state WHERE saved_at >= $1', [
      iso(now - maxAgeMs),
    ]);
    return rows.map((r) => ({
      group: r.rule_group,
      rule: r.rule_name,
      key: labelsKey(r.labels),
      labels: r.labels,
      annotations: r.annotations,
      state: r.state,
      value: r.value ?? NaN,
      activeAt: ms(r.active_at),
      firedAt: ms(r.fired_at),
      resolvedAt: ms(r.resolved_at),
      lastSentAt: ms(r.last_sent_at),
      keepFiringSince: ms(r.keep_firing_since),
      validUntil: ms(r.valid_until),
      savedAt: ms(r.saved_at),
    }));
  }

  /** Records that an alert fired: once while it lasts, whichever replica (each with its own firing time) writes first. */
  async recordFired(rule: string, a: Alert): Promise<void> {
    await this.sql.query(
      `INSERT INTO alert_history (rule_name, alert_key, server_id, severity, labels, summary, fired_at)
       SELECT $1, $2, $3, $4, $5::jsonb, $6, $7
       WHERE NOT EXISTS (SELECT 1 FROM alert_history WHERE rule_name = $1 AND alert_key = $2 AND resolved_at IS NULL)
       ON CONFLICT DO NOTHING`,
      [
        rule,
        storedKey(a),
        a.labels.server ?? null,
        a.labels.severity ?? null,
        JSON.stringify(a.labels),
        a.annotations.summary ?? '',
        iso(a.firedAt),
      ]
    );
  }

  /** Closes the alert's open history row. */
  async recordResolved(rule: string, a: Alert): Promise<void> {
    await this.sql.query(
      'UPDATE alert_history SET resolved_at = $1 WHERE rule_name = $2 AND alert_key = $3 AND resolved_at IS NULL',
      [iso(a.resolvedAt), rule, storedKey(a)]
    );
  }

  /** Alerts that fired in [fromMs, toMs), newest first, at most MAX_HISTORY_ROWS. */
  async history(fromMs: number, toMs: number): Promise<AlertEvent[]> {
    const rows = await this.sql.query<{
      rule_name: string;
      server_id: string | null;
      severity: string | null;
      labels: Record<string, string>;
      summary: string;
      fired_at: Date;
      resolved_at: Date | null;
    }>(
      `SELECT rule_name, server_id, severity, labels, summary, fired_at, resolved_at FROM alert_history
       WHERE fired_at >= $1 AND fired_at < $2 ORDER BY fired_at DESC LIMIT ${MAX_HISTORY_ROWS}`,
      [iso(fromMs), iso(toMs)]
    );
    return rows.map((r) => ({
      rule: r.rule_name,
      serverId: r.server_id,
      severity: r.severity,
      labels: r.labels,
      summary: r.summary,
      firedAt: ms(r.fired_at),
      resolvedAt: r.resolved_at === null ? null : ms(r.resolved_at),
    }));
  }

  /** Drops history past its retention, at most once an hour. */
  async prune(now: number): Promise<void> {
    if (now - this.lastPruneMs < 3_600_000) return;
    this.lastPruneMs = now;
    await this.sql.query('DELETE FROM alert_history WHERE fired_at < $1', [iso(now - HISTORY_RETENTION_MS)]);
  }
}
