/** Entity extraction through understand(): servers, metrics, time ranges, counts, provider/region/role and what stays unresolved. */
import { buildInventory, understand, type Entities } from '../../../src/analysis/nlu';
import { buildFleet } from '../../../src/collectors/dummy/fleet';

const fleet = buildInventory(buildFleet(30));
const entities = (question: string): Entities => understand(question, fleet).entities;

describe('server ids', () => {
  it.each<[string, string[]]>([
    ['DB-EU-002에서 CPU 얼마야?', ['DB-EU-002']],
    ['WEB-US-003이 멈춘 원인이 뭐야?', ['WEB-US-003']],
    ['ONPREM-DB-01의 디스크', ['ONPREM-DB-01']],
    ['cache-eu-001 괜찮아?', ['CACHE-EU-001']],
    ['db eu 002 상태', ['DB-EU-002']],
    ['DB_EU_002 status', ['DB-EU-002']],
    ['dbeu002 상태', ['DB-EU-002']],
    ['db-eu-2 상태', ['DB-EU-002']],
    ['K8S WORKER 3 memory', ['K8S-WORKER-03']],
    ['k8s-worker-3', ['K8S-WORKER-03']],
    ["DB-EU-001's cpu", ['DB-EU-001']],
    ['ＤＢ－ＥＵ－００２ 상태', ['DB-EU-002']],
    ['DB—EU—002 상태', ['DB-EU-002']],
    ['k8s-worker-03랑 K8S-WORKER-01 비교', ['K8S-WORKER-03', 'K8S-WORKER-01']],
    ['WEB-US-001/WEB-US-002', ['WEB-US-001', 'WEB-US-002']],
    ['DB-EU-002 그리고 db-eu-002 다시', ['DB-EU-002']],
    ['DB-EU-001, DB-EU-002, API-US-001 cpu', ['DB-EU-001', 'DB-EU-002', 'API-US-001']],
  ])('%s → %j', (question, servers) => {
    expect(entities(question).servers).toEqual(servers);
  });

  it.each<[string, string[]]>([
    ['DB-EU-009 상태 어때?', ['DB-EU-009']],
    ['DB-EU-0021 상태', ['DB-EU-0021']],
    ['db-eu-002-replica 상태', ['db-eu-002-replica']],
    ['web-prod-9 어때', ['web-prod-9']],
  ])('%s names no server and reports %j as unresolved', (question, unresolved) => {
    const u = understand(question, fleet);
    expect(u.entities.servers).toEqual([]);
    expect(u.unresolved).toEqual(unresolved);
  });

  it('does not take a partial id for a server', () => {
    expect(entities('db-eu 상태')).toMatchObject({ servers: [], region: 'eu-west-1', role: 'database' });
  });
});

describe('metrics and their synonyms', () => {
  it.each<[string, string[]]>([
    ['메모리 사용률', ['memory']],
    ['램 얼마나 써', ['memory']],
    ['RAM usage', ['memory']],
    ['mem', ['memory']],
    ['메모리 용량', ['memory']],
    ['용량이 부족해', ['disk']],
    ['디스크', ['disk']],
    ['storage space', ['disk']],
    ['파일시스템', ['disk']],
    ['트래픽', ['network_in', 'network_out']],
    ['network', ['network_in', 'network_out']],
    ['수신 트래픽', ['network_in']],
    ['송신량', ['network_out']],
    ['inbound traffic', ['network_in']],
    ['biggest outbound network consumers', ['network_out']],
    ['network out', ['network_out']],
    ['network_in', ['network_in']],
    ['egress', ['network_out']],
    ['network in the last hour', ['network_in', 'network_out']],
    ['CPU 부하', ['cpu']],
    ['씨피유', ['cpu']],
    ['load average', ['load']],
    ['로드 에버리지', ['load']],
    ['load 1m', ['load']],
    ['cpu and memory', ['cpu', 'memory']],
    ['RAM이랑 CPU', ['memory', 'cpu']],
    ['프로그램 목록', []],
    ['사용량', []],
    ['load balancer', []],
  ])('%s → %j', (question, metrics) => {
    expect(entities(question).metrics).toEqual(metrics);
  });

  it.each<[string, string]>([
    ['GPU 사용률 높은 서버', 'GPU'],
    ['API-US-001 latency', 'latency'],
    ['응답 시간 느린 서버', '응답 시간'],
  ])('%s: the uncollected metric %s is unresolved', (question, word) => {
    const u = understand(question, fleet);
    expect(u.entities.metrics).toEqual([]);
    expect(u.unresolved).toEqual([word]);
  });
});

describe('time ranges', () => {
  it.each<[string, number | null]>([
    ['지난 30분', 30],
    ['최근 3시간 이상 패턴', 180],
    ['last 2 hours', 120],
    ['past 90 minutes', 90],
    ['지난 하루', 1440],
    ['the last hour', 60],
    ['past day', 1440],
    ['1시간 30분 동안', 90],
    ['두 시간 반', 150],
    ['2시간 반', 150],
    ['1h30m', 90],
    ['last 2h30m', 150],
    ['last 24h', 1440],
    ['past 45 min', 45],
    ['지난 일주일', 10080],
    ['half an hour', 30],
    ['삼십 분', 30],
    ['in the last 15 minutes', 15],
    ['1.5시간', 90],
    ['an hour and a half', 90],
    ['k8s', null],
    ['load 1m', null],
    ['세 분이 물어봤어', null],
  ])('%s → %s minutes', (question, minutes) => {
    expect(entities(question).rangeMinutes).toBe(minutes);
  });
});

describe('counts', () => {
  it.each<[string, number | null]>([
    ['top 5', 5],
    ['TOP-3 cpu', 3],
    ['top five memory hogs', 5],
    ['상위 10', 10],
    ['서버 4개만 뽑아줘', 4],
    ['5대', 5],
    ['다섯 대', 5],
    ['세 개만', 3],
    ['Which 6 servers have the highest CPU?', 6],
    ['the 3 busiest hosts', 3],
    ['3개월', null],
    ['80% 이상', null],
    ['a few servers', null],
    ['top 0', null],
    ['WEB-US-001 servers', null],
  ])('%s → %s', (question, limit) => {
    expect(entities(question).limit).toBe(limit);
  });
});

describe('provider, region and role', () => {
  it.each<[string, Partial<Entities>]>([
    ['쿠버네티스 현황', { provider: 'kubernetes' }],
    ['k8s 노드', { provider: 'kubernetes' }],
    ['EKS nodes', { provider: 'kubernetes' }],
    ['AWS 서버', { provider: 'aws' }],
    ['아마존 인스턴스', { provider: 'aws' }],
    ['EC2', { provider: 'aws' }],
    ['온프레미스', { provider: 'onprem' }],
    ['온프렘 장비', { provider: 'onprem' }],
    ['IDC 장비', { provider: 'onprem' }],
    ['사내 서버', { provider: 'onprem' }],
    ['on-prem hosts', { provider: 'onprem' }],
    ['bare metal', { provider: 'onprem' }],
    ['웹 서버', { role: 'web' }],
    ['웹서버들', { role: 'web' }],
    ['web tier', { role: 'web' }],
    ['DB 서버', { role: 'database' }],
    ['데이터베이스', { role: 'database' }],
    ['캐시 서버 쪽', { role: 'cache' }],
    ['redis', { role: 'cache' }],
    ['배치 서버', { role: 'batch' }],
    ['워커 노드', { role: 'worker' }],
    ['마스터 노드', { role: 'control-plane' }],
    ['컨트롤 플레인', { role: 'control-plane' }],
    ['control plane nodes', { role: 'control-plane' }],
    ['LDAP 서버', { role: 'directory' }],
    ['파일 서버', { role: 'file' }],
    ['백업 서버', { role: 'backup' }],
    ['모니터링 서버', { role: 'monitoring' }],
    ['api servers', { role: 'api' }],
    ['app servers', { role: 'app' }],
    ['ap-northeast-2', { region: 'ap-northeast-2' }],
    ['ap northeast 2 리전', { region: 'ap-northeast-2' }],
    ['us-east-1', { region: 'us-east-1' }],
    ['유럽 리전', { region: 'eu-west-1' }],
    ['버지니아', { region: 'us-east-1' }],
    ['미국 서버들', { region: 'us-east-1' }],
    ['seoul-dc1', { region: 'seoul-dc1' }],
    ['서울 IDC', { region: 'seoul-dc1', provider: 'onprem' }],
    ['서울 리전', { region: 'ap-northeast-2' }],
    ['AWS eu db', { provider: 'aws', region: 'eu-west-1', role: 'database' }],
  ])('%s → %j', (question, scope) => {
    expect(entities(question)).toMatchObject(scope);
  });

  it('leaves an ambiguous place unresolved instead of guessing', () => {
    const u = understand('서울 상태', fleet);
    expect(u.entities.region).toBeNull();
    expect(u.unresolved).toEqual(['서울']);
  });

  it('keeps the first provider and reports a second one', () => {
    const u = understand('AWS랑 온프렘 상태', fleet);
    expect(u.entities.provider).toBe('aws');
    expect(u.unresolved).toEqual(['온프렘']);
  });

  it('reports a region id the fleet does not have', () => {
    const u = understand('us-west-2 리전 상태', fleet);
    expect(u).toMatchObject({ intent: 'fleet_health', unresolved: ['us-west-2'] });
    expect(u.entities.region).toBeNull();
  });

  it('does not report label values such as the cluster name', () => {
    expect(understand('prod-k8s 클러스터 상태', fleet).unresolved).toEqual([]);
  });
});

describe('a production fleet with other ids', () => {
  const production = buildInventory([
    {
      id: 'node-1.example:9100',
      provider: 'onprem',
      region: 'dc-east',
      role: 'web',
      collector: 'prometheus',
      labels: {},
    },
    {
      id: 'node-2.example:9100',
      provider: 'onprem',
      region: 'dc-east',
      role: 'db',
      collector: 'prometheus',
      labels: {},
    },
    {
      id: 'i-0abc123def4567890',
      provider: 'aws',
      region: 'eu-central-1',
      role: 'api',
      collector: 'cloudwatch',
      labels: { Name: 'payments-api-1' },
    },
    {
      id: 'web-prod-3',
      provider: 'kubernetes',
      region: 'ap-southeast-1',
      role: 'frontend',
      collector: 'prometheus',
      labels: {},
    },
    {
      id: 'web-prod-12',
      provider: 'kubernetes',
      region: 'ap-southeast-1',
      role: 'frontend',
      collector: 'prometheus',
      labels: {},
    },
    { id: 'edge-1', provider: 'onprem', region: 'dc-west', role: 'proxy', collector: 'custom-api', labels: {} },
    { id: 'edge-01', provider: 'onprem', region: 'dc-west', role: 'proxy', collector: 'custom-api', labels: {} },
  ]);
  const ask = (question: string) => understand(question, production);

  it.each<[string, Partial<Entities>]>([
    ['node-1.example:9100 상태', { servers: ['node-1.example:9100'] }],
    ['node-1.example 상태', { servers: ['node-1.example:9100'] }],
    ['node-1 cpu 지금 얼마야', { servers: ['node-1.example:9100'], metrics: ['cpu'] }],
    ['node 2 디스크', { servers: ['node-2.example:9100'], metrics: ['disk'] }],
    ['payments-api-1 메모리', { servers: ['i-0abc123def4567890'], metrics: ['memory'] }],
    ['i-0abc123def4567890 왜 느려?', { servers: ['i-0abc123def4567890'] }],
    ['WEB-PROD-3 vs web prod 12 cpu', { servers: ['web-prod-3', 'web-prod-12'], metrics: ['cpu'] }],
    ['web-prod-03', { servers: ['web-prod-3'] }],
    ['db 서버들 괜찮아?', { role: 'db' }],
    ['frontend 메모리 top 2', { role: 'frontend', limit: 2 }],
    ['web 서버 상태', { role: 'web' }],
    ['로드밸런서 상태', { role: 'proxy' }],
    ['프랑크푸르트 리전 상태', { region: 'eu-central-1' }],
    ['싱가포르 쪽 이상 징후', { region: 'ap-southeast-1' }],
    ['dc-east 현황', { region: 'dc-east' }],
  ])('%s → %j', (question, expected) => {
    expect(ask(question).entities).toMatchObject(expected);
  });

  it('reports a synonym that fits two of its roles (web and frontend) as unresolved', () => {
    const u = ask('프론트엔드 메모리 top 2');
    expect(u.entities).toMatchObject({ role: null, metrics: ['memory'], limit: 2 });
    expect(u.unresolved).toEqual(['프론트엔드']);
  });

  it('reports an id that fits two servers as unresolved', () => {
    const u = ask('edge-001 상태');
    expect(u.entities.servers).toEqual([]);
    expect(u.unresolved).toEqual(['edge-001']);
  });

  it('still resolves each of the two exactly', () => {
    expect(ask('edge-1 edge-01 비교').entities.servers).toEqual(['edge-1', 'edge-01']);
  });

  it('does not know the dummy fleet ids', () => {
    expect(ask('DB-EU-002 상태')).toMatchObject({ entities: { servers: [] }, unresolved: ['DB-EU-002'] });
  });
});

describe('buildInventory', () => {
  it('names what is wrong with bad input', () => {
    expect(() => buildInventory(null as never)).toThrow('servers must be an array');
    expect(() => buildInventory([{ id: 'a' }, { id: '' }] as never)).toThrow('server #1 has no id');
  });

  it('resolves servers in a 10,000-server fleet', () => {
    const large = buildInventory(buildFleet(10_000));
    expect(understand('sim 9999 상태', large).entities.servers).toEqual(['SIM-09999']);
    expect(understand('DB-EU-002 상태', large).entities.servers).toEqual(['DB-EU-002']);
  });
});
