/** The answers in English. */
import type { MetricName, ServerStatus } from '../../domain/metrics';
import type { ChangeKind } from '../detectors/anomaly';
import type { Catalog, MetricReading, ScopeLabel } from './catalog';
import { clock, durationParts, metricValue, num, rate } from './format';

const METRIC: Record<MetricName, string> = {
  cpu: 'CPU',
  memory: 'memory',
  disk: 'disk',
  network_in: 'inbound network',
  network_out: 'outbound network',
  load: 'load',
};

const CHANGE: Record<ChangeKind, string> = {
  spike: 'a spike',
  level_shift: 'a level shift',
  variance_change: 'a change in variability',
  pattern_break: 'a break from its daily pattern',
};

const STATUS: Record<ServerStatus, string> = {
  online: 'healthy',
  warning: 'warning',
  critical: 'critical',
  offline: 'offline',
};
const PROVIDER: Record<string, string> = { aws: 'AWS', kubernetes: 'Kubernetes', onprem: 'on-prem' };
const UNIT = { seconds: 's', minutes: 'min', hours: 'h', days: 'days' } as const;

const duration = (ms: number) => {
  const d = durationParts(ms);
  return `${d.value} ${UNIT[d.unit]}`;
};
const rateText = (m: MetricName, perHour: number) =>
  `${perHour >= 0 ? '+' : '-'}${rate(m, perHour)}${m === 'cpu' || m === 'memory' || m === 'disk' ? ' points' : ''}/h`;
const breachText = (b: NonNullable<MetricReading['breach']>) => `${b.level} threshold ${b.threshold}%`;
const reading = (r: MetricReading) =>
  `${METRIC[r.metric]} ${metricValue(r.metric, r.value)}${r.breach ? ` (≥ ${breachText(r.breach)})` : ''}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: string[]) => items.join(', ');

function scope(s: ScopeLabel): string {
  const parts = [
    s.provider ? (PROVIDER[s.provider] ?? s.provider) : null,
    s.region,
    s.role ? `${s.role} servers` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'the fleet';
}

export const EN: Catalog = {
  language: 'en',
  metric: (m) => METRIC[m],
  status: (s) => STATUS[s],
  duration,
  scope,

  threshold: (p) =>
    `${p.server} ${METRIC[p.metric]} ${metricValue(p.metric, p.value)} is at or above the ${p.level} threshold of ${p.threshold}%.`,
  offline: (p) =>
    p.lastSeenMs === null
      ? `${p.serverId} is offline: it has never sent a sample.`
      : `${p.serverId} is offline: no sample for ${duration(p.silentForMs ?? 0)} (since ${clock(p.lastSeenMs, p.nowMs)})${p.reason === 'unreachable' ? ', and its collector reports it unreachable' : ''}.`,
  anomaly: (p) => {
    const detail = `${metricValue(p.metric, p.value)} against a typical ${metricValue(p.metric, p.typical)} (score ${num(p.score, 2)}${p.episodes > 1 ? `, ${p.episodes} episodes in the range` : ''})`;
    if (p.change === null)
      return `${p.server} ${METRIC[p.metric]} was unusual at ${clock(p.atMs, p.nowMs)}: ${detail}.`;
    const when = p.change === 'spike' ? `at ${clock(p.sinceMs, p.nowMs)}` : `since ${clock(p.sinceMs, p.nowMs)}`;
    return `${p.server} ${METRIC[p.metric]} shows ${CHANGE[p.change]} ${when}: ${detail}.`;
  },
  trend: (p) => {
    const leak = p.metric === 'memory' ? ' — the pattern of a memory leak' : '';
    const cycles = p.risingCycles > 0 ? `; it has risen and dropped back ${p.risingCycles} time(s) before` : '';
    const basis = p.basis === 'previous' ? ' in the previous cycle' : ` since ${clock(p.sinceMs, p.nowMs)}`;
    return `${p.server} ${METRIC[p.metric]} is rising steadily at ${rateText(p.metric, p.ratePerHour)}${basis} (${metricValue(p.metric, p.fromValue)} → ${metricValue(p.metric, p.toValue)})${cycles}${leak}.`;
  },
  forecast: (p) =>
    `${p.server} ${METRIC[p.metric]} is at ${metricValue(p.metric, p.current)} and rising ${rateText(p.metric, p.ratePerHour)}${p.basis === 'previous' ? ' (rate of the previous cycle)' : ''}: ${p.target >= 100 ? 'full' : `${p.target}%`} in about ${num(p.etaHours)} h (${clock(p.atMs, p.nowMs)}).`,
  breachEpisodes: (p) =>
    `${p.server} ${METRIC[p.metric]} crossed the ${p.level} threshold of ${p.threshold}% ${p.episodes === 1 ? 'once' : `${p.episodes} times`} in the last ${duration(p.rangeMs)} (peak ${metricValue(p.metric, p.peak)} at ${clock(p.peakAtMs, p.nowMs)}).`,
  restart: (p) =>
    `${p.server} restarted at ${clock(p.bootedAtMs, p.nowMs)} (uptime ${duration(p.uptimeSeconds * 1000)}).`,
  serviceDown: (p) =>
    `${p.server}: service ${p.service} is not running (inactive/failed) ${
      p.sinceBeforeRange
        ? `for more than ${duration(p.nowMs - p.sinceMs)}`
        : `since ${clock(p.sinceMs, p.nowMs)} (${duration(p.nowMs - p.sinceMs)} ago)`
    }${p.hostHealthy ? ' — CPU and memory look normal, yet this service is down.' : '.'}`,
  podRestarts: (p) => {
    const head = `${p.server}: pod ${p.pod} restarted ${p.restarts} ${p.restarts === 1 ? 'time' : 'times'} in the last ${duration(p.rangeMs)} (last at ${clock(p.lastAtMs, p.nowMs)}).`;
    if (!p.leak) return head;
    const which = p.leak.coinciding === p.restarts ? 'Each restart' : `${p.leak.coinciding} of them`;
    const climb = p.leak.ratePerHour !== null ? ` climbs ${rateText('memory', p.leak.ratePerHour)}` : ' climbs';
    return `${head} ${which} came as the host's memory fell back from about ${num(p.leak.peak, 0)}% to ${num(p.leak.after, 0)}%: memory${climb} until the process is killed for lack of memory (OOMKilled) and restarts — the pod restarts and the memory leak are one story.`;
  },
  podNotRunning: (p) => `${p.server}: pod ${p.pod} is ${p.phase} (since ${clock(p.sinceMs, p.nowMs)}).`,
  correlation: (p) =>
    p.lagMs === 0
      ? `${p.follower} ${METRIC[p.followerMetric]} moves together with ${p.leader} ${METRIC[p.leaderMetric]} (correlation ${num(p.r, 2)}, no lead at this resolution).`
      : `${p.follower} ${METRIC[p.followerMetric]} follows ${p.leader} ${METRIC[p.leaderMetric]} by about ${duration(p.lagMs)} (correlation ${num(p.r, 2)}): ${p.leader} leads.`,
  levelShift: (p) =>
    `${p.server} ${METRIC[p.metric]} jumped from ${metricValue(p.metric, p.before)} to ${metricValue(p.metric, p.after)} since ${clock(p.sinceMs, p.nowMs)}.`,

  serverStatus: (p) =>
    `${p.server}: ${STATUS[p.status]}${p.readings.length > 0 ? ` — ${list(p.readings.map(reading))}` : ''}.`,
  serverQuiet: (p) => `Nothing unusual in the last ${duration(p.rangeMs)}, no worrying trend.`,
  lastKnown: (p) => `Last sample of ${p.server} (${clock(p.atMs, p.nowMs)}): ${list(p.readings.map(reading))}.`,
  noData: (p) => `${p.server} has no samples yet, so its health cannot be judged.`,
  fleetCounts: (p) =>
    `${cap(scope(p.scope))}: ${p.total} servers — ${p.counts.online} healthy, ${p.counts.warning} warning, ${p.counts.critical} critical, ${p.counts.offline} offline.`,
  fleetGroup: (p) => `${cap(STATUS[p.status])}: ${p.entries.join('; ')}.`,
  fleetAllClear: () => 'No threshold is breached and no disk or memory is on course to fill within 24 h.',
  noServersInScope: (p) => `No servers match ${scope(p.scope)}.`,

  topHeader: (p) =>
    `${p.order === 'asc' ? 'Lowest' : 'Highest'} ${METRIC[p.metric]} ${p.basis === 'now' ? 'now' : `(average over the last ${duration(p.rangeMs)})`}, top ${p.count}:`,
  topEntry: (p) =>
    `${p.rank}. ${p.server} ${metricValue(p.metric, p.value)}${p.breach ? ` (≥ ${breachText(p.breach)})` : ''}`,
  leftOut: (p) => `Left out (offline, no current value): ${list(p.servers)}.`,
  metricNow: (p) =>
    `${p.server} ${METRIC[p.metric]} is ${metricValue(p.metric, p.value)} (at ${clock(p.atMs, p.nowMs)})${
      p.breach
        ? `, at or above the ${breachText(p.breach)}`
        : p.warningAt !== undefined
          ? `, below the warning threshold of ${p.warningAt}%`
          : ''
    }.`,
  metricRange: (p) =>
    `${p.server} ${METRIC[p.metric]} over the last ${duration(p.rangeMs)}: now ${metricValue(p.metric, p.stats.latest)}, average ${metricValue(p.metric, p.stats.avg)}, min ${metricValue(p.metric, p.stats.min)}, max ${metricValue(p.metric, p.stats.max)}${
      p.ratePerHour !== null ? `, trend ${rateText(p.metric, p.ratePerHour)}` : ''
    }.`,
  metricNeedsServer: (p) =>
    `Name a server to get its ${METRIC[p.metric]}, e.g. "K8S-WORKER-01 ${METRIC[p.metric]}". Meanwhile, the highest values:`,
  compareLine: (p) =>
    `${cap(METRIC[p.metric])} ${p.basis === 'now' ? 'now' : `(average, last ${duration(p.rangeMs)})`}: ${p.entries.map((e) => `${e.server} ${metricValue(p.metric, e.value)}`).join(' vs ')}.`,
  compareVerdict: (p) =>
    `${p.higher} uses more ${METRIC[p.metric]} (by ${metricValue(p.metric, p.difference).replace('%', ' points')}); ${p.lower} has more headroom.`,
  compareNeedsTwo: (p) =>
    `Name two or more servers to compare${p.servers.length === 1 ? ` (only ${p.servers[0]} was recognised)` : ''}.`,
  periodCompare: (p) => {
    const [now, before] =
      p.period === 'week'
        ? ['this week', 'the same days and hours of last week']
        : ['today', 'the same hours yesterday'];
    const diff = p.current - p.previous;
    return `Average ${METRIC[p.metric]} of ${p.scope}: ${metricValue(p.metric, p.current)} ${now} so far against ${metricValue(p.metric, p.previous)} over ${before} (${diff >= 0 ? 'up' : 'down'} ${metricValue(p.metric, Math.abs(diff)).replace('%', ' points')}).`;
  },
  periodMover: (p) =>
    `Largest change: ${p.server}, ${metricValue(p.metric, p.previous)} → ${metricValue(p.metric, p.current)}.`,
  periodMissing: (p) =>
    `There is no ${METRIC[p.metric]} data for last ${p.period === 'week' ? 'week' : 'day'}${
      p.haveSinceMs !== null ? ` (stored history starts at ${clock(p.haveSinceMs, p.nowMs)})` : ''
    }, so the two cannot be compared.`,

  anomaliesHeader: (p) =>
    `${p.count} unusual ${p.count === 1 ? 'episode' : 'episodes'} in the last ${duration(p.rangeMs)}:`,
  anomaliesNone: (p) =>
    `Nothing unusual in the last ${duration(p.rangeMs)} (${p.servers} servers, ${list(p.metrics.map((m) => METRIC[m]))}).`,
  risingHeader: () => 'Steady rises:',
  anomaliesUnavailable: () => 'Anomaly scores are kept for the last 24 h only; this range is outside it.',

  forecastFirst: (p) => `First to fill: ${p.server} ${METRIC[p.metric]}, in about ${num(p.etaHours)} h.`,
  forecastNone: (p) =>
    `No ${list(p.metrics.map((m) => METRIC[m]))} is on course to fill within ${num(p.horizonHours)} h (${p.servers} servers checked).`,
  forecastFlat: (p) =>
    `${p.server} ${METRIC[p.metric]} is at ${metricValue(p.metric, p.current)} with no clear upward trend (${rateText(p.metric, p.ratePerHour)}).`,
  forecastBeyond: (p) =>
    `${p.server} ${METRIC[p.metric]} is at ${metricValue(p.metric, p.current)}, rising ${rateText(p.metric, p.ratePerHour)}: it will not fill within the ${num(p.horizonHours)} h the history supports.`,
  forecastReached: (p) =>
    `${p.server} ${METRIC[p.metric]} is already at ${metricValue(p.metric, p.current)} (≥ ${p.target}%).`,
  notEnoughHistory: (p) =>
    `Not enough history for ${p.server} ${METRIC[p.metric]}: ${duration(p.haveMs)} of steady data, at least ${duration(p.needMs)} needed.`,

  rootCauseHeader: (p) => `What moves with ${p.server} ${METRIC[p.metric]} (last ${duration(p.rangeMs)}):`,
  probableCause: (p) => `Probable cause: ${p.text}`,
  symptomNote: (p) =>
    `A ${METRIC[p.metric]} rise is a symptom, not a cause${p.leader ? `: check what drives ${p.leader} first (traffic, jobs)` : ''}.`,
  noStateChange: () => 'No state change (restart, outage, disk or memory filling, traffic jump) was found.',
  noRelation: (p) => `No other series moves with ${p.server} ${METRIC[p.metric]}.`,

  availabilityNone: (p) => `No server is offline: all ${p.total} in ${scope(p.scope)} are answering.`,
  availabilityHeader: (p) => `${p.count} of ${p.total} servers ${p.count === 1 ? 'is' : 'are'} offline:`,

  alertsUnavailable: () => 'Alerting is not running in this service, so there are no alerts to report.',
  alertsNone: (p) => `No alert is firing or pending${p.servers === 1 ? ' for this server' : ''}.`,
  alertsNow: (p) =>
    `${p.firing} alert${p.firing === 1 ? '' : 's'} firing${p.pending > 0 ? `, ${p.pending} pending` : ''}:`,
  alertLine: (p) =>
    `- ${p.name}${p.server ? ` on ${p.server}` : ''}${p.severity ? ` (${p.severity})` : ''}, ${p.state} since ${clock(p.sinceMs, p.nowMs)}${p.summary ? `: ${p.summary}` : ''}`,
  alertsHistory: (p) =>
    `${p.count} alert${p.count === 1 ? '' : 's'} fired between ${clock(p.fromMs, p.nowMs)} and ${clock(p.toMs, p.nowMs)}${p.count > 0 ? ':' : '.'}`,
  alertsHistoryLine: (p) =>
    `- ${clock(p.firedAtMs, p.nowMs)} ${p.name}${p.server ? ` on ${p.server}` : ''}${p.severity ? ` (${p.severity})` : ''}, ${p.resolvedAtMs === null ? 'still firing' : `resolved ${clock(p.resolvedAtMs, p.nowMs)}`}`,

  unknownServers: (p) => `Unknown ${p.names.length === 1 ? 'name' : 'names'}: ${list(p.names)} (not in the inventory).`,
  help: (p) =>
    `${p.understood ? `Understood: ${p.understood}. ` : 'I could not tell what you are asking. '}You can ask, for example: "Is there a problem with DB-EU-002?", "Top 5 servers by memory", "When will the disks fill up?", "Any servers offline?", "Why is DB-EU-001's CPU spiking?", "Compare WEB-US-001 and WEB-US-002".`,
  rangeNote: (p) => `(Range ${clock(p.fromMs, p.nowMs)} – ${clock(p.toMs, p.nowMs)}.)`,
};
