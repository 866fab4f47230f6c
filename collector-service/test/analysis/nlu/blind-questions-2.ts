/**
 * Blind set 2: written after the hardening pass and scored once, never tuned on — the honest
 * estimate of accuracy on unseen phrasings. Same conventions as blind set 1 (blind-score.ts).
 */
import type { BlindQuestion } from './blind-score';

export const BLIND_QUESTIONS_2: BlindQuestion[] = [
  // server_health
  { q: 'API-US-001 요새 괜찮은 거 맞지?', intent: 'server_health', entities: { servers: ['API-US-001'] } },
  { q: 'gimme the health of onprem file 01', intent: 'server_health', entities: { servers: ['ONPREM-FILE-01'] } },
  { q: 'K8S-MASTER-03 노드 정상인가요', intent: 'server_health', entities: { servers: ['K8S-MASTER-03'] } },
  { q: 'Any red flags on DB-EU-001?', intent: 'server_health', entities: { servers: ['DB-EU-001'] } },
  { q: 'ONPREM-WEB-02 점검 좀 해주실 수 있나요?', intent: 'server_health', entities: { servers: ['ONPREM-WEB-02'] } },

  // fleet_health
  { q: '쿠버 클러스터 전체적으로 어떤 상황이야', intent: 'fleet_health', entities: { provider: 'kubernetes' } },
  { q: 'morning check: how are things across the board?', intent: 'fleet_health' },
  { q: '지금 제일 심각한 서버 뭐야', intent: 'fleet_health' },
  { q: 'eu-west-1 boxes all fine?', intent: 'fleet_health', entities: { region: 'eu-west-1' } },
  { q: '배치 서버들 상황 공유 부탁해요', intent: 'fleet_health', entities: { role: 'batch' } },

  // top_usage
  { q: '메모리 빡빡한 서버 top 5', intent: 'top_usage', entities: { metrics: ['memory'], limit: 5 } },
  {
    q: 'who are the top 2 disk consumers on prem?',
    intent: 'top_usage',
    entities: { metrics: ['disk'], provider: 'onprem', limit: 2 },
  },
  { q: 'cpu 젤 놀고 있는 서버 네 개', intent: 'top_usage', entities: { metrics: ['cpu'], limit: 4 }, order: 'asc' },
  { q: 'sort hosts by network in, highest first', intent: 'top_usage', entities: { metrics: ['network_in'] } },
  {
    q: 'AWS 인스턴스 중 load 높은 순 3개',
    intent: 'top_usage',
    entities: { metrics: ['load'], provider: 'aws', limit: 3 },
  },

  // anomalies
  { q: '최근 두 시간 동안 튄 지표 있었어?', intent: 'anomalies', entities: { rangeMinutes: 120 } },
  {
    q: 'did the cache tier do anything strange overnight?',
    intent: 'anomalies',
    entities: { role: 'cache', rangeMinutes: 'any' },
  },
  {
    q: '오전 10시 이후로 비정상적인 움직임 있나요',
    intent: 'anomalies',
    entities: { rangeMinutes: { since: '10:00' } },
  },
  {
    q: 'outliers in memory over the past 12 hours',
    intent: 'anomalies',
    entities: { metrics: ['memory'], rangeMinutes: 720 },
  },
  { q: 'us-east-1 쪽 이상 탐지 결과 알려줘', intent: 'anomalies', entities: { region: 'us-east-1' } },

  // forecast
  {
    q: 'ONPREM-FILE-01 디스크 다 차기까지 얼마나 남음?',
    intent: 'forecast',
    entities: { servers: ['ONPREM-FILE-01'], metrics: ['disk'] },
  },
  {
    q: 'at this rate when does K8S-WORKER-03 hit 100% memory?',
    intent: 'forecast',
    entities: { servers: ['K8S-WORKER-03'], metrics: ['memory'] },
  },
  { q: '다음 주쯤 용량 모자랄 서버 있을까', intent: 'forecast', entities: { metrics: ['disk'], rangeMinutes: 'any' } },
  {
    q: 'what will disk usage look like tomorrow on the db servers?',
    intent: 'forecast',
    entities: { metrics: ['disk'], role: 'database', rangeMinutes: 'any' },
  },
  { q: '메모리 추세로 보면 위험해질 노드는?', intent: 'forecast', entities: { metrics: ['memory'] } },

  // root_cause
  {
    q: 'DB-EU-001 cpu 튀는 게 API-US-001 때문인가?',
    intent: 'root_cause',
    entities: { servers: ['DB-EU-001', 'API-US-001'], metrics: ['cpu'] },
  },
  { q: 'why did WEB-US-003 stop sending metrics?', intent: 'root_cause', entities: { servers: ['WEB-US-003'] } },
  {
    q: 'K8S-WORKER-03 메모리 누가 잡아먹고 있는지 분석해줘',
    intent: 'root_cause',
    entities: { servers: ['K8S-WORKER-03'], metrics: ['memory'] },
  },
  {
    q: 'which metric moves with DB-EU-002 memory?',
    intent: 'root_cause',
    entities: { servers: ['DB-EU-002'], metrics: ['memory'] },
  },
  {
    q: 'API-US-001 부하 올라가면 같이 올라가는 서버 있어?',
    intent: 'root_cause',
    entities: { servers: ['API-US-001'], metrics: 'any' },
  },

  // compare
  {
    q: 'DB-EU-002랑 ONPREM-DB-01 중 어디가 더 바빠?',
    intent: 'compare',
    entities: { servers: ['DB-EU-002', 'ONPREM-DB-01'] },
  },
  {
    q: 'memory: K8S-WORKER-01 vs K8S-WORKER-02 vs K8S-WORKER-03',
    intent: 'compare',
    entities: { servers: ['K8S-WORKER-01', 'K8S-WORKER-02', 'K8S-WORKER-03'], metrics: ['memory'] },
  },
  {
    q: 'CACHE-EU-001하고 API-US-002 디스크 비교 부탁드려요',
    intent: 'compare',
    entities: { servers: ['CACHE-EU-001', 'API-US-002'], metrics: ['disk'] },
  },
  {
    q: 'put WEB-US-001 and ONPREM-WEB-01 next to each other',
    intent: 'compare',
    entities: { servers: ['WEB-US-001', 'ONPREM-WEB-01'] },
  },
  {
    q: 'BATCH-AP-001 BATCH-AP-002 어느 쪽이 cpu 더 써?',
    intent: 'compare',
    entities: { servers: ['BATCH-AP-001', 'BATCH-AP-002'], metrics: ['cpu'] },
  },

  // availability
  { q: '지금 안 살아있는 서버 있어?', intent: 'availability' },
  { q: 'anything not responding to pings in onprem?', intent: 'availability', entities: { provider: 'onprem' } },
  { q: '수집 끊긴 노드 목록 좀', intent: 'availability' },
  { q: 'which aws hosts are offline right now', intent: 'availability', entities: { provider: 'aws' } },
  { q: 'WEB-US-003 접속 돼?', intent: 'availability', entities: { servers: ['WEB-US-003'] } },

  // metric_value
  {
    q: 'ONPREM-LDAP-01 cpu 사용량 좀 알려주세요',
    intent: 'metric_value',
    entities: { servers: ['ONPREM-LDAP-01'], metrics: ['cpu'] },
  },
  {
    q: "what's the rx on CACHE-EU-001 over the last 10 min",
    intent: 'metric_value',
    entities: { servers: ['CACHE-EU-001'], metrics: ['network_in'], rangeMinutes: 10 },
  },
  {
    q: 'K8S-WORKER-02 디스크 몇 퍼야',
    intent: 'metric_value',
    entities: { servers: ['K8S-WORKER-02'], metrics: ['disk'] },
  },
  {
    q: 'DB-EU-002 메모리 사용률 6시간치 보여줘',
    intent: 'metric_value',
    entities: { servers: ['DB-EU-002'], metrics: ['memory'], rangeMinutes: 360 },
  },
  {
    q: 'load on ONPREM-MAIL-01 since 8am',
    intent: 'metric_value',
    entities: { servers: ['ONPREM-MAIL-01'], metrics: ['load'], rangeMinutes: { since: '08:00' } },
  },

  // unknown
  { q: '퇴근하고 싶다', intent: 'unknown' },
  { q: 'can you book a meeting room?', intent: 'unknown' },
  { q: 'ㅇㅇ', intent: 'unknown' },
  { q: 'who won the game last night?', intent: 'unknown' },
  { q: '이 대시보드 누가 만들었어?', intent: 'unknown' },
];
