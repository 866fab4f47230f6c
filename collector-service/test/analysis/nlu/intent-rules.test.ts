/** The rules that settle intents when cues compete: depletion, co-movement, trends, condition superlatives, comparisons. */
import { buildInventory, understand, type Intent } from '../../../src/analysis/nlu';
import { buildFleet } from '../../../src/collectors/dummy/fleet';

const fleet = buildInventory(buildFleet(30));
const intentOf = (question: string) => understand(question, fleet).intent;

describe('filling up or running out turns a superlative into a forecast ("first to fill")', () => {
  it.each<[string, Intent]>([
    ['디스크가 제일 먼저 꽉 차는 서버는?', 'forecast'],
    ['메모리가 가장 빨리 바닥날 노드 어디야?', 'forecast'],
    ['Which server will run out of memory first?', 'forecast'],
    ['disk 제일 먼저 full 되는 서버 3개', 'forecast'],
    ['Top 3 disks closest to filling up', 'forecast'],
    // without filling or running out, the same superlatives still rank
    ['디스크 제일 많이 쓰는 서버는?', 'top_usage'],
    ['Which server uses the most memory?', 'top_usage'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('growth rates and exhaustion are forecasts', () => {
  it.each<[string, Intent]>([
    ['ONPREM-FILE-01 디스크 증가율', 'forecast'],
    ['메모리 하루에 얼마나 늘어?', 'forecast'],
    ['ONPREM-FILE-01 하루에 몇 퍼씩 늘어?', 'forecast'],
    ['disk growth rate on ONPREM-FILE-01', 'forecast'],
    ['k8s-worker-03 OOM 날 것 같아?', 'forecast'],
    ['DB-EU-002 memory 터지기 직전?', 'forecast'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('colloquial trouble words ask about health; "up" only means up after is/are/still', () => {
  it.each<[string, Intent]>([
    ['db-eu-002 is acting up', 'server_health'],
    ['anything on fire?', 'fleet_health'],
    ['r we good?', 'fleet_health'],
    ['망가진 서버 있어?', 'fleet_health'],
    ['서버 터졌어?', 'fleet_health'],
    ['지금 난리난 서버', 'fleet_health'],
    ['Is WEB-US-003 up?', 'availability'],
    ['are all servers up?', 'availability'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe("an aggregate of a named server's metric is its value", () => {
  it.each<[string, Intent]>([
    ['DB-EU-002의 최근 한 시간 CPU 평균', 'metric_value'],
    ['average memory of K8S-WORKER-01 over the last day', 'metric_value'],
    ['노드들 메모리 평균', 'fleet_health'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('thresholds and machine counts are about the state of the fleet', () => {
  it.each<[string, Intent]>([
    ['임계치 넘은 서버', 'fleet_health'],
    ['critical 몇 대?', 'fleet_health'],
    ['any servers over threshold?', 'fleet_health'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('moving together asks for a correlation (root_cause)', () => {
  it.each<[string, Intent]>([
    ['API-US-001이랑 같이 움직이는 서버는?', 'root_cause'],
    ['What moves together with API-US-001?', 'root_cause'],
    ['DB-EU-001 cpu 튈 때 동시에 튀는 서버 있어?', 'root_cause'],
    ['API-US-001 CPU랑 덩달아 오르는 서버', 'root_cause'],
    ['Which servers move in sync with DB-EU-001?', 'root_cause'],
    ['DB-EU-001 spikes after API-US-001?', 'root_cause'],
    ['API-US-001 튄 다음에 DB-EU-001도 튀어?', 'root_cause'],
    ['API-US-001과 연동되는 서버 찾아줘', 'root_cause'],
    // a spike on its own is an anomaly question
    ['k8s 쪽에 튀는 거 있었어?', 'anomalies'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('a trend is a forecast unless a past window of a named server is asked for', () => {
  it.each<[string, Intent]>([
    ['K8S-WORKER-03 메모리 추세 어때?', 'forecast'],
    ['How is the memory trend on K8S-WORKER-03?', 'forecast'],
    ['DB-EU-002 cpu 트렌드 보여줘', 'forecast'],
    ['Where is disk on ONPREM-FILE-01 trending?', 'forecast'],
    ['메모리 추세 보여줘', 'forecast'],
    ['지난 6시간 메모리 추세', 'forecast'],
    ['K8S-WORKER-05 메모리 지난 2시간 추세', 'metric_value'],
    ['memory trend on K8S-WORKER-03 over the last 3 hours', 'metric_value'],
    ['K8S-WORKER-05 메모리 지난 2시간 추이', 'metric_value'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('a superlative about health or condition with no metric asks which server is worst off (fleet_health)', () => {
  it.each<[string, Intent]>([
    ['가장 위험한 서버 어디야?', 'fleet_health'],
    ['제일 상태 안 좋은 서버가 어디예요?', 'fleet_health'],
    ['Which server is in the worst shape?', 'fleet_health'],
    ['most critical host right now?', 'fleet_health'],
    ['AWS에서 제일 문제 많은 인스턴스', 'fleet_health'],
    // with a metric it ranks by that metric
    ['CPU 가장 높은 서버 어디야?', 'top_usage'],
    ['which node is the hottest', 'top_usage'],
    ['worst memory offenders', 'top_usage'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('comparison phrasings between named servers', () => {
  it.each<[string, Intent]>([
    ['How does K8S-MASTER-01 stack up against K8S-MASTER-02?', 'compare'],
    ['DB-EU-001 against DB-EU-002 memory', 'compare'],
    ['ONPREM-APP-01이랑 02 비교해줘', 'compare'],
  ])('%s → %s', (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});

describe('ranking order', () => {
  it.each<[string, 'asc' | 'desc']>([
    ['CPU 여유가 제일 많은 서버 3개', 'asc'],
    ['메모리 여유 있는 서버 순으로', 'asc'],
    ['which servers have the most free disk?', 'asc'],
    ['underutilized servers by cpu', 'asc'],
    ['CPU 제일 많이 쓰는 서버 3개', 'desc'],
  ])('%s → %s', (question, order) => {
    expect(understand(question, fleet).order).toBe(order);
  });
});
