/** Entity rules added in the hardening pass: clock-anchored ranges, metric words, sibling ids and typing slips. */
import { buildInventory, understand, type Entities } from '../../../src/analysis/nlu';
import { buildFleet } from '../../../src/collectors/dummy/fleet';

const fleet = buildInventory(buildFleet(30));
/** 26 Nov 2026, 14:00 in the process's local time zone. */
const now = new Date(2026, 10, 26, 14, 0, 0);
const entities = (question: string): Entities => understand(question, fleet, { now }).entities;

describe('ranges anchored on the clock count back from now', () => {
  it.each<[string, number | null]>([
    ['any weird spikes since 9am?', 300],
    ['since 9 on DB-EU-001', 300],
    ['CACHE-EU-001 load from 14:30', 1410],
    ['since 9 pm', 1020],
    ['9시 30분부터 느려진 서버', 270],
    ['오후 3시부터 cpu 높은 서버', 1380],
    ['오후 1시 반 이후 이상한 거', 30],
    ['아홉 시부터 이상한 거 있어?', 300],
    ['어제부터 이상한 서버 있나요?', 2280],
    ['since yesterday', 2280],
    ['어제 오후 3시 이후 DB-EU-002 메모리', 1380],
    ['since midnight any alerts?', 840],
    ['정오 이후 트래픽', 120],
    // a duration wins over a clock time; numbers that are no clock time stay out
    ['지난 2시간 동안 9시부터', 120],
    ['from 2 servers', null],
    ['몇 시부터 느려졌어?', null],
  ])('%s → %s minutes', (question, minutes) => {
    expect(entities(question).rangeMinutes).toBe(minutes);
  });

  it.each<[string, number | null]>([
    ['every 15 minutes cpu spikes on DB-EU-001', null],
    ['1시간마다 튀는 서버', null],
    ['메모리 하루에 얼마나 늘어?', null],
    ['disk grows 5% a day', null],
    ['지난 하루에 이상한 거', 1440],
    ['an hour ago', 60],
    ['an hour and a half', 90],
  ])('a rate is no window: %s → %s minutes', (question, minutes) => {
    expect(entities(question).rangeMinutes).toBe(minutes);
  });

  it('rejects a `now` that is not a date, naming the option', () => {
    expect(() => understand('since 9am', fleet, { now: new Date('not a date') })).toThrow(/options\.now/);
  });
});

describe('metric words', () => {
  it.each<[string, string[]]>([
    ['API-US-001 network in/out 지난 1시간', ['network_in', 'network_out']],
    ['DB-EU-002 송수신 트래픽', ['network_in', 'network_out']],
    ['CACHE-EU-001 vs DB-EU-001 네트워크 in', ['network_in']],
    ['WEB-US-001 트래픽 아웃', ['network_out']],
    ['least loaded servers?', ['load']],
    // capacity and space are the disk unless another metric is named
    ['ONPREM-FILE-01 용량 며칠 남았어?', ['disk']],
    ['free space on ONPREM-DB-01', ['disk']],
    ['capacity planning: which servers need more RAM soon?', ['memory']],
    ['메모리 용량 부족한 서버', ['memory']],
  ])('%s → %j', (question, metrics) => {
    expect(entities(question).metrics).toEqual(metrics);
  });
});

describe('a bare number after a server id names its sibling', () => {
  it.each<[string, string[]]>([
    ['ONPREM-APP-01이랑 02 비교해줘', ['ONPREM-APP-01', 'ONPREM-APP-02']],
    ['WEB-US-001, 002 and 003 cpu', ['WEB-US-001', 'WEB-US-002', 'WEB-US-003']],
    ['K8S-WORKER-01 vs 3 memory', ['K8S-WORKER-01', 'K8S-WORKER-03']],
    // counts, durations and ids the fleet does not have are no siblings
    ['DB-EU-001 and 2 more', ['DB-EU-001']],
    ['API-US-001이랑 30분 cpu', ['API-US-001']],
    ['CACHE-EU-001 and 2', ['CACHE-EU-001']],
  ])('%s → %j', (question, servers) => {
    expect(entities(question).servers).toEqual(servers);
  });
});

describe('a role and a number name the one server of that role with that number', () => {
  it.each<[string, string[], string | null]>([
    ['k8s 워커 3번 메모리', ['K8S-WORKER-03'], null],
    ['워커3 메모리', ['K8S-WORKER-03'], null],
    ['마스터 노드 1번 상태', ['K8S-MASTER-01'], null],
    ['worker-3 memory', ['K8S-WORKER-03'], null],
    ['backup #1 disk', ['ONPREM-BACKUP-01'], null],
    ['워커 노드 3번이랑 5번 비교', ['K8S-WORKER-03', 'K8S-WORKER-05'], null],
    // two web servers end in 1, and counts or durations are no ordinals: the role stays a scope
    ['web 1번 서버 cpu', [], 'web'],
    ['워커 3개 보여줘', [], 'worker'],
    ['worker 3 hours', [], 'worker'],
  ])('%s → %j (role %s)', (question, servers, role) => {
    expect(entities(question)).toMatchObject({ servers, role });
  });
});

describe('typing slips in the words that matter', () => {
  it.each<[string, string[]]>([
    ['is any dsik about to be full?', ['disk']],
    ['laod on K8S-MASTER-01', ['load']],
    ['ONPREM-BACKUP-01 디스트 예측 좀', ['disk']],
    ['트레픽 제일 많은 서버', ['network_in', 'network_out']],
    ['메모라 많이 쓰는 서버', ['memory']],
    ['메모리 사용율 높은 서버', ['memory']],
    // a real word one jamo away, typed on a distant key, is left alone
    ['디스코 틀어줘', []],
  ])('%s → %j', (question, metrics) => {
    expect(entities(question).metrics).toEqual(metrics);
  });

  it('keeps the rest of the question aligned after a fix', () => {
    const u = understand('디스트가 꽉 차는 ONPREM-FILE-01 언제?', fleet);
    expect(u).toMatchObject({ intent: 'forecast', entities: { servers: ['ONPREM-FILE-01'], metrics: ['disk'] } });
  });
});
