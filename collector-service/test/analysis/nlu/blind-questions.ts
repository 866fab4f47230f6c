/**
 * Blind set 1: operator questions written from the intent list before the lexicons were read, to measure
 * how the NLU does on phrasings nobody tuned it on. Entities not listed are expected empty/null for
 * servers, metrics, rangeMinutes and limit; provider/region/role are scored only when listed.
 */
import type { BlindQuestion } from './blind-score';

export const BLIND_QUESTIONS: BlindQuestion[] = [
  // server_health — one or more named servers, how they are
  { q: 'DB-EU-002 지금 괜찮아요?', intent: 'server_health', entities: { servers: ['DB-EU-002'] } },
  { q: 'db eu 2 상태 어떰?', intent: 'server_health', entities: { servers: ['DB-EU-002'] } },
  { q: "How's k8s-worker-3 looking?", intent: 'server_health', entities: { servers: ['K8S-WORKER-03'] } },
  { q: 'anything wrong w/ API-US-002?', intent: 'server_health', entities: { servers: ['API-US-002'] } },
  { q: 'CACHE-EU-001 헬스 좀 봐줘', intent: 'server_health', entities: { servers: ['CACHE-EU-001'] } },
  { q: 'ONPREM-LDAP-01 서버 이슈 있음?', intent: 'server_health', entities: { servers: ['ONPREM-LDAP-01'] } },
  { q: 'Is ONPREM-BACKUP-01 ok right now?', intent: 'server_health', entities: { servers: ['ONPREM-BACKUP-01'] } },
  { q: 'k8s master 1 상태점검 부탁드려요', intent: 'server_health', entities: { servers: ['K8S-MASTER-01'] } },
  {
    q: 'WEB-US-001 and WEB-US-002 healthy?',
    intent: 'server_health',
    entities: { servers: ['WEB-US-001', 'WEB-US-002'] },
  },
  { q: 'BATCH-AP-001 괜찮은지 확인 좀', intent: 'server_health', entities: { servers: ['BATCH-AP-001'] } },
  { q: 'ONPREM-APP-01 경고 뜬거 있나', intent: 'server_health', entities: { servers: ['ONPREM-APP-01'] } },
  { q: 'db-eu-002 뭐가 문제야?', intent: 'server_health', entities: { servers: ['DB-EU-002'] } },
  { q: 'onprem-mon-01 상테 알려주세여', intent: 'server_health', entities: { servers: ['ONPREM-MON-01'] } },
  { q: 'quick sanity check on K8S-MASTER-02 pls', intent: 'server_health', entities: { servers: ['K8S-MASTER-02'] } },

  // fleet_health — overall state, optionally of a scope; superlatives about health without a metric
  { q: '전체 서버 상태 어때?', intent: 'fleet_health' },
  { q: 'AWS 쪽 전반적으로 괜찮나요?', intent: 'fleet_health', entities: { provider: 'aws' } },
  { q: 'k8s 클러스터 상태 요약 ㄱㄱ', intent: 'fleet_health', entities: { provider: 'kubernetes' } },
  { q: "How's the fleet overall?", intent: 'fleet_health' },
  { q: '제일 상태 안 좋은 서버가 어디예요?', intent: 'fleet_health' },
  { q: 'Which server is in the worst shape?', intent: 'fleet_health' },
  { q: 'db서버들 상태 어때?', intent: 'fleet_health', entities: { role: 'database' } },
  { q: 'us-east-1 리전 요약해줘', intent: 'fleet_health', entities: { region: 'us-east-1' } },
  { q: '온프레미스 장비들 다 정상이야?', intent: 'fleet_health', entities: { provider: 'onprem' } },
  { q: 'give me a status rundown of the eu-west-1 boxes', intent: 'fleet_health', entities: { region: 'eu-west-1' } },
  { q: '웹서버 쪽 현황 보고 부탁드립니다', intent: 'fleet_health', entities: { role: 'web' } },
  { q: 'any critical servers right now?', intent: 'fleet_health' },
  { q: '워커 노드들 건강 상태', intent: 'fleet_health', entities: { role: 'worker' } },
  { q: '미국 동부 리전 서버들 상태는?', intent: 'fleet_health', entities: { region: 'us-east-1' } },
  { q: 'what needs my attention first?', intent: 'fleet_health' },

  // top_usage — rank servers by a metric
  { q: 'cpu% 높은 순으로 상위 다섯 개', intent: 'top_usage', entities: { metrics: ['cpu'], limit: 5 } },
  { q: 'mem 제일 많이 먹는 서버 top3', intent: 'top_usage', entities: { metrics: ['memory'], limit: 3 } },
  { q: 'which box has the most disk used', intent: 'top_usage', entities: { metrics: ['disk'], limit: 'any' } },
  { q: 'least loaded servers?', intent: 'top_usage', entities: { metrics: ['load'] }, order: 'asc' },
  {
    q: '네트워크 트래픽 젤 많은 서버 10개',
    intent: 'top_usage',
    entities: { metrics: ['network_in', 'network_out'], limit: 10 },
  },
  {
    q: '디스크 사용률 높은 db서버 3대',
    intent: 'top_usage',
    entities: { metrics: ['disk'], role: 'database', limit: 3 },
  },
  {
    q: 'AWS에서 메모리 제일 많이 쓰는 인스턴스 상위 2개',
    intent: 'top_usage',
    entities: { metrics: ['memory'], provider: 'aws', limit: 2 },
  },
  { q: 'top 5 cpu hogs in k8s', intent: 'top_usage', entities: { metrics: ['cpu'], provider: 'kubernetes', limit: 5 } },
  { q: 'rank servers by load avg', intent: 'top_usage', entities: { metrics: ['load'] } },
  { q: '램 사용량 순위 보여줘', intent: 'top_usage', entities: { metrics: ['memory'] } },
  { q: 'CPU 여유가 제일 많은 서버 3개', intent: 'top_usage', entities: { metrics: ['cpu'], limit: 3 }, order: 'asc' },
  { q: '상위 다섯 개 서버 디스크 기준으로', intent: 'top_usage', entities: { metrics: ['disk'], limit: 5 } },
  { q: 'heaviest network out users, top 4', intent: 'top_usage', entities: { metrics: ['network_out'], limit: 4 } },
  { q: '메모리 사용률 놉은 서버 알려줘', intent: 'top_usage', entities: { metrics: ['memory'] } },
  { q: 'cpu 젤 높은 노드 세 대만', intent: 'top_usage', entities: { metrics: ['cpu'], limit: 3 } },

  // anomalies — unusual behaviour in a scope and time range
  { q: '지난 한 시간 동안 이상한 거 있었어?', intent: 'anomalies', entities: { rangeMinutes: 60 } },
  { q: '어제부터 뭔가 이상한 서버 있나요?', intent: 'anomalies', entities: { rangeMinutes: { since: 'yesterday' } } },
  { q: 'any weird spikes since 9am?', intent: 'anomalies', entities: { rangeMinutes: { since: '09:00' } } },
  {
    q: 'unusual activity on the web tier in the past 2h?',
    intent: 'anomalies',
    entities: { role: 'web', rangeMinutes: 120 },
  },
  { q: 'k8s 쪽에 튀는 거 있었어?', intent: 'anomalies', entities: { provider: 'kubernetes' } },
  { q: '메모리 급증한 노드 있어?', intent: 'anomalies', entities: { metrics: ['memory'] } },
  { q: 'anomalies in the last day?', intent: 'anomalies', entities: { rangeMinutes: 1440 } },
  { q: '최근 30분 새 급격한 변화 감지된 거?', intent: 'anomalies', entities: { rangeMinutes: 30 } },
  { q: '이상징후 탐지 결과 보여줘', intent: 'anomalies' },
  {
    q: 'did anything spike on DB-EU-001 in the last 6 hours?',
    intent: 'anomalies',
    entities: { servers: ['DB-EU-001'], rangeMinutes: 360 },
  },
  {
    q: 'eu-west-1에서 비정상 트래픽 있었나?',
    intent: 'anomalies',
    entities: { region: 'eu-west-1', metrics: ['network_in', 'network_out'] },
  },
  {
    q: 'Spot anything odd on onprem for the past day?',
    intent: 'anomalies',
    entities: { provider: 'onprem', rangeMinutes: 1440 },
  },
  { q: '이상 탐지 돌려줘 지난 24시간', intent: 'anomalies', entities: { rangeMinutes: 1440 } },
  { q: '오늘 새벽에 이상 동작한 서버 있어?', intent: 'anomalies', entities: { rangeMinutes: 'any' } },

  // forecast — when a resource runs out / where it is heading
  { q: '디스크 언제 다 찰 것 같아?', intent: 'forecast', entities: { metrics: ['disk'] } },
  {
    q: 'ONPREM-FILE-01 용량 며칠 남았어?',
    intent: 'forecast',
    entities: { servers: ['ONPREM-FILE-01'], metrics: ['disk'] },
  },
  { q: 'which disk will fill up first?', intent: 'forecast', entities: { metrics: ['disk'] } },
  { q: '메모리 부족해질 서버 있을까?', intent: 'forecast', entities: { metrics: ['memory'] } },
  {
    q: 'When will K8S-WORKER-03 run out of memory?',
    intent: 'forecast',
    entities: { servers: ['K8S-WORKER-03'], metrics: ['memory'] },
  },
  { q: 'DB-EU-002 cpu 트렌드는?', intent: 'forecast', entities: { servers: ['DB-EU-002'], metrics: ['cpu'] } },
  { q: 'disk forecast for the file server', intent: 'forecast', entities: { metrics: ['disk'], role: 'file' } },
  { q: '24시간 안에 꽉 찰 디스크 있어?', intent: 'forecast', entities: { metrics: ['disk'], rangeMinutes: 'any' } },
  {
    q: 'where is memory on the worker nodes heading?',
    intent: 'forecast',
    entities: { metrics: ['memory'], role: 'worker' },
  },
  { q: '앞으로 cpu 부족할 것 같은 서버는?', intent: 'forecast', entities: { metrics: ['cpu'] } },
  {
    q: 'db서버 디스크 증가 속도로 보면 언제 풀 나?',
    intent: 'forecast',
    entities: { metrics: ['disk'], role: 'database' },
  },
  { q: 'capacity planning: which servers need more RAM soon?', intent: 'forecast', entities: { metrics: ['memory'] } },
  {
    q: 'ONPREM-BACKUP-01 디스트 예측 좀',
    intent: 'forecast',
    entities: { servers: ['ONPREM-BACKUP-01'], metrics: ['disk'] },
  },
  { q: 'is any dsik about to be full?', intent: 'forecast', entities: { metrics: ['disk'] } },

  // root_cause — why something happens, what it correlates with
  { q: 'DB-EU-001 cpu가 왜 자꾸 튀지?', intent: 'root_cause', entities: { servers: ['DB-EU-001'], metrics: ['cpu'] } },
  {
    q: "What's causing high memory on DB-EU-002?",
    intent: 'root_cause',
    entities: { servers: ['DB-EU-002'], metrics: ['memory'] },
  },
  { q: 'ONPREM-WEB-01 느려진 이유 알려줘', intent: 'root_cause', entities: { servers: ['ONPREM-WEB-01'] } },
  { q: 'which server does DB-EU-001 follow?', intent: 'root_cause', entities: { servers: ['DB-EU-001'] } },
  {
    q: 'API-US-001 CPU랑 연관된 서버 있어?',
    intent: 'root_cause',
    entities: { servers: ['API-US-001'], metrics: ['cpu'] },
  },
  { q: 'WEB-US-003 장애 원인 분석해줘', intent: 'root_cause', entities: { servers: ['WEB-US-003'] } },
  {
    q: "Is DB-EU-001's cpu correlated with anything?",
    intent: 'root_cause',
    entities: { servers: ['DB-EU-001'], metrics: ['cpu'] },
  },
  {
    q: 'K8S-WORKER-03 메모리 계속 오르는 원인?',
    intent: 'root_cause',
    entities: { servers: ['K8S-WORKER-03'], metrics: ['memory'] },
  },
  {
    q: 'what triggered the load jump on BATCH-AP-002?',
    intent: 'root_cause',
    entities: { servers: ['BATCH-AP-002'], metrics: ['load'] },
  },
  {
    q: 'DB-EU-001 cpu 튈 때 같이 튀는 서버?',
    intent: 'root_cause',
    entities: { servers: ['DB-EU-001'], metrics: ['cpu'] },
  },
  { q: 'root cause for CACHE-EU-001 alerts', intent: 'root_cause', entities: { servers: ['CACHE-EU-001'] } },
  {
    q: '왜 DB-EU-002 메모리가 90 넘어?',
    intent: 'root_cause',
    entities: { servers: ['DB-EU-002'], metrics: ['memory'] },
  },
  {
    q: "what's driving the network in on API-US-002?",
    intent: 'root_cause',
    entities: { servers: ['API-US-002'], metrics: ['network_in'] },
  },
  { q: 'DB-EU-001 스파이크 선행 지표 뭐야?', intent: 'root_cause', entities: { servers: ['DB-EU-001'] } },

  // compare — two or more named servers side by side
  {
    q: 'WEB-US-001 vs WEB-US-002 cpu',
    intent: 'compare',
    entities: { servers: ['WEB-US-001', 'WEB-US-002'], metrics: ['cpu'] },
  },
  { q: 'DB-EU-001이랑 DB-EU-002 비교 좀', intent: 'compare', entities: { servers: ['DB-EU-001', 'DB-EU-002'] } },
  {
    q: 'k8s-worker-1 하고 k8s-worker-2 메모리 차이?',
    intent: 'compare',
    entities: { servers: ['K8S-WORKER-01', 'K8S-WORKER-02'], metrics: ['memory'] },
  },
  {
    q: 'which is busier, API-US-001 or API-US-002?',
    intent: 'compare',
    entities: { servers: ['API-US-001', 'API-US-002'], metrics: 'any' },
  },
  {
    q: 'ONPREM-WEB-01, ONPREM-WEB-02 나란히 보여줘',
    intent: 'compare',
    entities: { servers: ['ONPREM-WEB-01', 'ONPREM-WEB-02'] },
  },
  {
    q: 'Compare disk usage across ONPREM-DB-01, DB-EU-001 and DB-EU-002',
    intent: 'compare',
    entities: { servers: ['ONPREM-DB-01', 'DB-EU-001', 'DB-EU-002'], metrics: ['disk'] },
  },
  {
    q: 'BATCH-AP-001이 BATCH-AP-002보다 부하 높아?',
    intent: 'compare',
    entities: { servers: ['BATCH-AP-001', 'BATCH-AP-002'], metrics: 'any' },
  },
  {
    q: 'CACHE-EU-001 vs DB-EU-001 네트워크 in',
    intent: 'compare',
    entities: { servers: ['CACHE-EU-001', 'DB-EU-001'], metrics: ['network_in'] },
  },
  {
    q: 'How does K8S-MASTER-01 stack up against K8S-MASTER-02?',
    intent: 'compare',
    entities: { servers: ['K8S-MASTER-01', 'K8S-MASTER-02'] },
  },
  { q: 'ONPREM-APP-01이랑 02 비교해줘', intent: 'compare', entities: { servers: ['ONPREM-APP-01', 'ONPREM-APP-02'] } },
  { q: 'web-us-1 web-us-2 차이점', intent: 'compare', entities: { servers: ['WEB-US-001', 'WEB-US-002'] } },
  {
    q: 'API-US-001 and DB-EU-001 side by side for the last hour',
    intent: 'compare',
    entities: { servers: ['API-US-001', 'DB-EU-001'], rangeMinutes: 60 },
  },
  {
    q: 'K8S-WORKER-06 대비 K8S-WORKER-07 cpu 어때?',
    intent: 'compare',
    entities: { servers: ['K8S-WORKER-06', 'K8S-WORKER-07'], metrics: ['cpu'] },
  },

  // availability — which servers are down or unreachable
  { q: '다운된 서버 있어?', intent: 'availability' },
  { q: "what's offline?", intent: 'availability' },
  { q: '응답 없는 서버 목록', intent: 'availability' },
  { q: 'any hosts unreachable in aws?', intent: 'availability', entities: { provider: 'aws' } },
  { q: '죽은 노드 있음?', intent: 'availability' },
  { q: '데이터 안 들어오는 서버 있나요', intent: 'availability' },
  { q: 'Are all the on-prem servers up?', intent: 'availability', entities: { provider: 'onprem' } },
  { q: 'k8s 노드 중에 NotReady 있어?', intent: 'availability', entities: { provider: 'kubernetes' } },
  { q: 'which servers stopped reporting?', intent: 'availability' },
  { q: '연결 끊긴 서버?', intent: 'availability' },
  { q: 'WEB-US-003 살아있어?', intent: 'availability', entities: { servers: ['WEB-US-003'] } },
  { q: 'us-east-1 서버 다 살아 있어?', intent: 'availability', entities: { region: 'us-east-1' } },
  { q: 'any servers went down in the last 3 hours?', intent: 'availability', entities: { rangeMinutes: 180 } },

  // metric_value — a named metric of a named server, now or over a range
  { q: 'DB-EU-002 cpu 몇 %야?', intent: 'metric_value', entities: { servers: ['DB-EU-002'], metrics: ['cpu'] } },
  {
    q: 'K8S-WORKER-01 메모리 사용률 지금 얼마?',
    intent: 'metric_value',
    entities: { servers: ['K8S-WORKER-01'], metrics: ['memory'] },
  },
  {
    q: 'disk on ONPREM-FILE-01?',
    intent: 'metric_value',
    entities: { servers: ['ONPREM-FILE-01'], metrics: ['disk'] },
  },
  {
    q: 'API-US-001 network in/out 지난 1시간',
    intent: 'metric_value',
    entities: { servers: ['API-US-001'], metrics: ['network_in', 'network_out'], rangeMinutes: 60 },
  },
  {
    q: 'CACHE-EU-001 load avg since 9am',
    intent: 'metric_value',
    entities: { servers: ['CACHE-EU-001'], metrics: ['load'], rangeMinutes: { since: '09:00' } },
  },
  {
    q: 'BATCH-AP-002 CPU 어제부터 그래프',
    intent: 'metric_value',
    entities: { servers: ['BATCH-AP-002'], metrics: ['cpu'], rangeMinutes: { since: 'yesterday' } },
  },
  {
    q: 'WEB-US-002 mem usage for the past day',
    intent: 'metric_value',
    entities: { servers: ['WEB-US-002'], metrics: ['memory'], rangeMinutes: 1440 },
  },
  {
    q: 'ONPREM-MAIL-01 디스크 용량 얼마나 남았어?',
    intent: 'metric_value',
    entities: { servers: ['ONPREM-MAIL-01'], metrics: ['disk'] },
  },
  {
    q: 'k8s-master-2 cpu 30분간 추이',
    intent: 'metric_value',
    entities: { servers: ['K8S-MASTER-02'], metrics: ['cpu'], rangeMinutes: 30 },
  },
  {
    q: 'ONPREM-DB-01 램 얼마 쓰고 있어?',
    intent: 'metric_value',
    entities: { servers: ['ONPREM-DB-01'], metrics: ['memory'] },
  },
  {
    q: 'show me DB-EU-001 outbound traffic last 15 min',
    intent: 'metric_value',
    entities: { servers: ['DB-EU-001'], metrics: ['network_out'], rangeMinutes: 15 },
  },
  {
    q: 'K8S-WORKER-04 cpu랑 메모리 값',
    intent: 'metric_value',
    entities: { servers: ['K8S-WORKER-04'], metrics: ['cpu', 'memory'] },
  },
  {
    q: 'memroy of API-US-002 over the last 45 minutes',
    intent: 'metric_value',
    entities: { servers: ['API-US-002'], metrics: ['memory'], rangeMinutes: 45 },
  },
  {
    q: 'ONPREM-WEB-02 load 최근 일주일',
    intent: 'metric_value',
    entities: { servers: ['ONPREM-WEB-02'], metrics: ['load'], rangeMinutes: 10080 },
  },

  // unknown — not a question about the fleet
  { q: '점심 뭐 먹지', intent: 'unknown' },
  { q: 'hello?', intent: 'unknown' },
  { q: 'ㅋㅋㅋㅋ', intent: 'unknown' },
  { q: 'tell me a joke', intent: 'unknown' },
  { q: '오늘 날씨 어때?', intent: 'unknown' },
  { q: "what's the capital of France", intent: 'unknown' },
  { q: 'qwerty', intent: 'unknown' },
  { q: '회의 몇 시야?', intent: 'unknown' },
  { q: 'How do I reset my password?', intent: 'unknown' },
  { q: '주식 추천 좀', intent: 'unknown' },
  { q: 'write me a poem about servers', intent: 'unknown' },
];
