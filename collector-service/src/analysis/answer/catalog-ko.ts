/** The answers in Korean. Server ids are never followed by a particle that depends on how they are read aloud. */
import type { MetricName, ServerStatus } from '../../domain/metrics';
import type { ChangeKind } from '../detectors/anomaly';
import type { Catalog, Level, MetricReading, ScopeLabel } from './catalog';
import { clock, durationParts, metricValue, num, rate } from './format';

const METRIC: Record<MetricName, string> = {
  cpu: 'CPU',
  memory: '메모리',
  disk: '디스크',
  network_in: '수신 트래픽',
  network_out: '송신 트래픽',
  load: '부하(load)',
};

const CHANGE: Record<ChangeKind, string> = {
  spike: '스파이크',
  level_shift: '수준 변화',
  variance_change: '변동성 변화',
  pattern_break: '일일 패턴 이탈',
};

const STATUS: Record<ServerStatus, string> = { online: '정상', warning: '경고', critical: '위험', offline: '오프라인' };
const LEVEL: Record<Level, string> = { warning: '경고', critical: '위험' };
const PROVIDER: Record<string, string> = { aws: 'AWS', kubernetes: '쿠버네티스', onprem: '온프레미스' };
const UNIT = { seconds: '초', minutes: '분', hours: '시간', days: '일' } as const;

const duration = (ms: number) => {
  const d = durationParts(ms);
  return `${d.value}${UNIT[d.unit]}`;
};
const isPercent = (m: MetricName) => m === 'cpu' || m === 'memory' || m === 'disk';
const rateText = (m: MetricName, perHour: number) =>
  `시간당 ${perHour >= 0 ? '+' : '-'}${rate(m, perHour)}${isPercent(m) ? '%p' : ''}`;
const breachText = (b: NonNullable<MetricReading['breach']>) => `${LEVEL[b.level]} 기준 ${b.threshold}% 이상`;
const reading = (r: MetricReading) =>
  `${METRIC[r.metric]} ${metricValue(r.metric, r.value)}${r.breach ? `(${breachText(r.breach)})` : ''}`;
const list = (items: string[]) => items.join(', ');

function scope(s: ScopeLabel): string {
  const parts = [
    s.provider ? (PROVIDER[s.provider] ?? s.provider) : null,
    s.region,
    s.role ? `${s.role} 서버` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '전체 서버';
}

export const KO: Catalog = {
  language: 'ko',
  metric: (m) => METRIC[m],
  status: (s) => STATUS[s],
  duration,
  scope,

  threshold: (p) =>
    `${p.server} ${METRIC[p.metric]} ${metricValue(p.metric, p.value)} — ${LEVEL[p.level]} 기준 ${p.threshold}% 이상입니다.`,
  offline: (p) =>
    p.lastSeenMs === null
      ? `${p.serverId}: 오프라인 — 수집된 샘플이 한 번도 없습니다.`
      : `${p.serverId}: 오프라인 — ${duration(p.silentForMs ?? 0)} 동안(${clock(p.lastSeenMs, p.nowMs)} 이후) 새 샘플이 없습니다${p.reason === 'unreachable' ? ', 수집기가 연결할 수 없다고 보고합니다' : ''}.`,
  anomaly: (p) => {
    const detail = `${metricValue(p.metric, p.value)} (평소 ${metricValue(p.metric, p.typical)}, 이상 점수 ${num(p.score, 2)}${p.episodes > 1 ? `, 범위 안에서 ${p.episodes}회` : ''})`;
    if (p.change === null) return `${p.server} ${METRIC[p.metric]} 이상 징후: ${clock(p.atMs, p.nowMs)}에 ${detail}.`;
    const when = p.change === 'spike' ? `${clock(p.sinceMs, p.nowMs)}에` : `${clock(p.sinceMs, p.nowMs)}부터`;
    return `${p.server} ${METRIC[p.metric]} 이상 징후(${CHANGE[p.change]}): ${when} ${detail}.`;
  },
  trend: (p) => {
    const leak = p.metric === 'memory' ? ' — 메모리 누수로 보이는 패턴입니다' : '';
    const cycles = p.risingCycles > 0 ? `, 이전에도 ${p.risingCycles}번 오르다 떨어졌습니다` : '';
    const basis = p.basis === 'previous' ? '직전 주기에' : `${clock(p.sinceMs, p.nowMs)}부터`;
    return `${p.server} ${METRIC[p.metric]} 꾸준히 증가 중: ${basis} ${rateText(p.metric, p.ratePerHour)} (${metricValue(p.metric, p.fromValue)} → ${metricValue(p.metric, p.toValue)})${cycles}${leak}.`;
  },
  forecast: (p) =>
    `${p.server} ${METRIC[p.metric]} ${metricValue(p.metric, p.current)}, ${rateText(p.metric, p.ratePerHour)} 증가${p.basis === 'previous' ? '(직전 주기 기준)' : ''} — 약 ${num(p.etaHours)}시간 후(${clock(p.atMs, p.nowMs)}) ${p.target >= 100 ? '가득 찰' : `${p.target}%에 이를`} 전망입니다.`,
  breachEpisodes: (p) =>
    `${p.server} ${METRIC[p.metric]} 최근 ${duration(p.rangeMs)} 동안 ${LEVEL[p.level]} 기준 ${p.threshold}%를 ${p.episodes}번 넘었습니다 (최고 ${metricValue(p.metric, p.peak)}, ${clock(p.peakAtMs, p.nowMs)}).`,
  restart: (p) =>
    `${p.server} 재시작: ${clock(p.bootedAtMs, p.nowMs)}에 부팅 (가동 시간 ${duration(p.uptimeSeconds * 1000)}).`,
  serviceDown: (p) =>
    `${p.server}: 서비스 ${p.service}가 ${
      p.sinceBeforeRange
        ? `${duration(p.nowMs - p.sinceMs)} 넘게`
        : `${clock(p.sinceMs, p.nowMs)}부터(${duration(p.nowMs - p.sinceMs)} 전)`
    } 멈춰 있습니다(inactive/failed)${p.hostHealthy ? ' — CPU와 메모리는 정상이지만 이 서비스는 동작하지 않습니다.' : '.'}`,
  podRestarts: (p) => {
    const head = `${p.server}: 파드 ${p.pod}가 최근 ${duration(p.rangeMs)} 동안 ${p.restarts}번 재시작했습니다(마지막 ${clock(p.lastAtMs, p.nowMs)}).`;
    if (!p.leak) return head;
    const which = p.leak.coinciding === p.restarts ? '매번' : `그중 ${p.leak.coinciding}번은`;
    const climb = p.leak.ratePerHour !== null ? ` ${rateText('memory', p.leak.ratePerHour)}로` : '';
    return `${head} ${which} 이 서버의 메모리가 약 ${num(p.leak.peak, 0)}%에서 ${num(p.leak.after, 0)}%로 떨어진 시각과 같습니다: 메모리가${climb} 차오르다 메모리 부족으로 프로세스가 종료(OOMKilled)되고 재시작됩니다 — 파드 재시작과 메모리 누수는 하나의 문제입니다.`;
  },
  podNotRunning: (p) => `${p.server}: 파드 ${p.pod} 상태가 ${p.phase}입니다(${clock(p.sinceMs, p.nowMs)}부터).`,
  correlation: (p) =>
    p.lagMs === 0
      ? `${p.follower} ${METRIC[p.followerMetric]} 변화는 ${p.leader} ${METRIC[p.leaderMetric]} 변화와 함께 움직입니다 (상관계수 ${num(p.r, 2)}, 이 해상도에서는 선후 없음).`
      : `${p.follower} ${METRIC[p.followerMetric]} 변화는 ${p.leader} ${METRIC[p.leaderMetric]} 변화를 약 ${duration(p.lagMs)} 뒤따릅니다 (상관계수 ${num(p.r, 2)}) — ${p.leader} 쪽이 먼저 움직입니다.`,
  levelShift: (p) =>
    `${p.server} ${METRIC[p.metric]} 급변: ${clock(p.sinceMs, p.nowMs)} 이후 ${metricValue(p.metric, p.before)} → ${metricValue(p.metric, p.after)}.`,

  serverStatus: (p) =>
    `${p.server}: ${STATUS[p.status]}${p.readings.length > 0 ? ` — ${list(p.readings.map(reading))}` : ''}.`,
  serverQuiet: (p) => `최근 ${duration(p.rangeMs)} 동안 이상 징후나 우려할 추세는 없습니다.`,
  lastKnown: (p) => `${p.server} 마지막 샘플(${clock(p.atMs, p.nowMs)}): ${list(p.readings.map(reading))}.`,
  noData: (p) => `${p.server}: 아직 수집된 샘플이 없어 상태를 판단할 수 없습니다.`,
  fleetCounts: (p) =>
    `${scope(p.scope)} ${p.total}대 — 정상 ${p.counts.online}, 경고 ${p.counts.warning}, 위험 ${p.counts.critical}, 오프라인 ${p.counts.offline}.`,
  fleetGroup: (p) => `${STATUS[p.status]}: ${p.entries.join('; ')}.`,
  fleetAllClear: () => '기준을 넘은 지표가 없고, 24시간 안에 가득 찰 디스크나 메모리도 없습니다.',
  noServersInScope: (p) => `${scope(p.scope)}에 해당하는 서버가 없습니다.`,

  topHeader: (p) =>
    `${METRIC[p.metric]} ${p.order === 'asc' ? '낮은' : '높은'} 순 상위 ${p.count}대 (${p.basis === 'now' ? '현재 값' : `최근 ${duration(p.rangeMs)} 평균`}):`,
  topEntry: (p) =>
    `${p.rank}. ${p.server} ${metricValue(p.metric, p.value)}${p.breach ? `(${breachText(p.breach)})` : ''}`,
  leftOut: (p) => `현재 값이 없어 제외(오프라인): ${list(p.servers)}.`,
  metricNow: (p) =>
    `${p.server} ${METRIC[p.metric]} 현재 ${metricValue(p.metric, p.value)} (${clock(p.atMs, p.nowMs)} 기준)${
      p.breach ? ` — ${breachText(p.breach)}` : p.warningAt !== undefined ? ` — 경고 기준 ${p.warningAt}% 미만` : ''
    }.`,
  metricRange: (p) =>
    `${p.server} ${METRIC[p.metric]} 최근 ${duration(p.rangeMs)}: 현재 ${metricValue(p.metric, p.stats.latest)}, 평균 ${metricValue(p.metric, p.stats.avg)}, 최저 ${metricValue(p.metric, p.stats.min)}, 최고 ${metricValue(p.metric, p.stats.max)}${
      p.ratePerHour !== null ? `, 추세 ${rateText(p.metric, p.ratePerHour)}` : ''
    }.`,
  metricNeedsServer: (p) =>
    `특정 서버의 ${METRIC[p.metric]} 값은 서버 이름과 함께 물어보세요 (예: "K8S-WORKER-01 ${METRIC[p.metric]}"). 우선 가장 높은 서버들입니다:`,
  compareLine: (p) =>
    `${METRIC[p.metric]} ${p.basis === 'now' ? '현재' : `최근 ${duration(p.rangeMs)} 평균`}: ${p.entries.map((e) => `${e.server} ${metricValue(p.metric, e.value)}`).join(' / ')}.`,
  compareVerdict: (p) =>
    `${p.higher} 쪽이 ${METRIC[p.metric]} 사용이 더 많고(${metricValue(p.metric, p.difference).replace('%', '%p')} 차이), ${p.lower} 쪽이 여유가 더 있습니다.`,
  compareNeedsTwo: (p) =>
    `비교하려면 서버를 두 대 이상 말씀해 주세요${p.servers.length === 1 ? ` (인식한 서버: ${p.servers[0]})` : ''}.`,
  periodCompare: (p) => {
    const [now, before] = p.period === 'week' ? ['이번 주', '지난주 같은 기간'] : ['오늘', '어제 같은 시간대'];
    const diff = p.current - p.previous;
    return `${p.scope} ${METRIC[p.metric]} 평균: ${now}(지금까지) ${metricValue(p.metric, p.current)}, ${before} ${metricValue(p.metric, p.previous)} (${metricValue(p.metric, Math.abs(diff)).replace('%', '%p')} ${diff >= 0 ? '증가' : '감소'}).`;
  },
  periodMover: (p) =>
    `변화가 가장 큰 서버: ${p.server} ${metricValue(p.metric, p.previous)} → ${metricValue(p.metric, p.current)}.`,
  periodMissing: (p) =>
    `${p.period === 'week' ? '지난주' : '어제'} ${METRIC[p.metric]} 데이터가 없어 비교할 수 없습니다${
      p.haveSinceMs !== null ? `(보관된 데이터는 ${clock(p.haveSinceMs, p.nowMs)}부터)` : ''
    }.`,

  anomaliesHeader: (p) => `최근 ${duration(p.rangeMs)} 동안 이상 징후 ${p.count}건:`,
  anomaliesNone: (p) =>
    `최근 ${duration(p.rangeMs)} 동안 이상 징후가 없습니다 (서버 ${p.servers}대, ${list(p.metrics.map((m) => METRIC[m]))} 검사).`,
  risingHeader: () => '꾸준한 증가:',
  anomaliesUnavailable: () => '이상 점수는 최근 24시간만 보관합니다. 이 범위는 그 밖입니다.',

  forecastFirst: (p) => `가장 먼저 가득 찰 곳: ${p.server} ${METRIC[p.metric]} (약 ${num(p.etaHours)}시간 후).`,
  forecastNone: (p) =>
    `${num(p.horizonHours)}시간 안에 가득 찰 ${list(p.metrics.map((m) => METRIC[m]))}는 없습니다 (서버 ${p.servers}대 검사).`,
  forecastFlat: (p) =>
    `${p.server} ${METRIC[p.metric]} ${metricValue(p.metric, p.current)}, 뚜렷한 증가 추세는 없습니다 (${rateText(p.metric, p.ratePerHour)}).`,
  forecastBeyond: (p) =>
    `${p.server} ${METRIC[p.metric]} ${metricValue(p.metric, p.current)}, ${rateText(p.metric, p.ratePerHour)} 증가 — 기록이 뒷받침하는 ${num(p.horizonHours)}시간 안에는 가득 차지 않습니다.`,
  forecastReached: (p) =>
    `${p.server} ${METRIC[p.metric]} 이미 ${metricValue(p.metric, p.current)}입니다 (${p.target}% 이상).`,
  notEnoughHistory: (p) =>
    `${p.server} ${METRIC[p.metric]}: 기록이 충분하지 않습니다 (안정 구간 ${duration(p.haveMs)}, 최소 ${duration(p.needMs)} 필요).`,

  rootCauseHeader: (p) => `${p.server} ${METRIC[p.metric]} 변화와 함께 움직이는 것 (최근 ${duration(p.rangeMs)}):`,
  probableCause: (p) => `추정 원인: ${p.text}`,
  symptomNote: (p) =>
    `${METRIC[p.metric]} 상승은 원인이 아니라 증상입니다${p.leader ? ` — 먼저 ${p.leader} 쪽의 부하 원인(트래픽, 작업)을 확인하세요` : ''}.`,
  noStateChange: () => '상태 변화(재시작, 오프라인, 디스크·메모리 포화, 트래픽 급증)는 찾지 못했습니다.',
  noRelation: (p) => `${p.server} ${METRIC[p.metric]} 변화와 함께 움직이는 다른 지표는 찾지 못했습니다.`,

  availabilityNone: (p) => `오프라인 서버는 없습니다: ${scope(p.scope)} ${p.total}대 모두 응답 중입니다.`,
  availabilityHeader: (p) => `${p.total}대 중 ${p.count}대 오프라인:`,

  alertsUnavailable: () => '이 서비스에서는 알림 평가가 동작하지 않아 보고할 알림이 없습니다.',
  alertsNone: (p) => `${p.servers === 1 ? '이 서버에 ' : ''}울리고 있거나 대기 중인 알림이 없습니다.`,
  alertsNow: (p) => `울리는 알림 ${p.firing}건${p.pending > 0 ? `, 대기 중 ${p.pending}건` : ''}:`,
  alertLine: (p) =>
    `- ${p.name}${p.server ? ` (${p.server})` : ''}${p.severity ? ` [${p.severity === 'critical' ? '위험' : p.severity === 'warning' ? '경고' : p.severity}]` : ''}, ${clock(p.sinceMs, p.nowMs)}부터 ${p.state === 'firing' ? '울리는 중' : '대기 중'}${p.summary ? `: ${p.summary}` : ''}`,
  alertsHistory: (p) =>
    `${clock(p.fromMs, p.nowMs)} – ${clock(p.toMs, p.nowMs)} 사이 알림 ${p.count}건${p.count > 0 ? ':' : '이 울렸습니다.'}`,
  alertsHistoryLine: (p) =>
    `- ${clock(p.firedAtMs, p.nowMs)} ${p.name}${p.server ? ` (${p.server})` : ''}${p.severity ? ` [${p.severity === 'critical' ? '위험' : p.severity === 'warning' ? '경고' : p.severity}]` : ''}, ${p.resolvedAtMs === null ? '아직 울리는 중' : `${clock(p.resolvedAtMs, p.nowMs)} 해소`}`,

  unknownServers: (p) => `알 수 없는 이름: ${list(p.names)} (인벤토리에 없음).`,
  help: (p) =>
    `${p.understood ? `이해한 내용: ${p.understood}. ` : '질문을 이해하지 못했습니다. '}이렇게 물어볼 수 있습니다: "DB-EU-002 서버에 문제가 있나요?", "메모리 많이 쓰는 서버 5개", "디스크가 언제 꽉 찰까?", "오프라인 서버 있어?", "DB-EU-001 CPU가 왜 튀어?", "WEB-US-001, WEB-US-002 비교".`,
  rangeNote: (p) => `(범위 ${clock(p.fromMs, p.nowMs)} – ${clock(p.toMs, p.nowMs)})`,
};
