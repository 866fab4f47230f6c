/** Words for the six metrics in Korean and English, and for metrics OpenManager does not collect. */
import type { MetricName } from '../../domain/metrics';

/**
 * `network` means "traffic" without a direction: both network metrics unless a direction is named;
 * `network_both` names both directions ("in/out"). `capacity` ("용량", "space") is the disk unless
 * another metric is named ("capacity planning for RAM" is about memory).
 */
export type MetricWord = MetricName | 'network' | 'network_both' | 'capacity';

/** "network in" is the metric only when what follows is not the rest of a sentence ("network in the last hour"). */
const METRIC_FOLLOWS =
  '(?=[\\s_-]*(?:$|[^a-z\\s_-]|(?:for|on|of|at|and|or|vs|versus|traffic|bytes|rate|usage|now|right|over|top|graph|chart|values?|trend|history|spikes?|compared?|per|since|today)(?![a-z])))';

/**
 * Matched in this order, each match consumed: compounds come first so "메모리 용량" is memory
 * (not disk) and "CPU 부하" is cpu (not load), and directions come before plain "network".
 */
export const METRIC_TERMS: ReadonlyArray<[MetricWord, readonly string[]]> = [
  [
    'network_both',
    [
      '(net(work)?|traffic|bytes|네트워크|네트웍|트래픽) ?(in ?(/|&|and|,) ?out|out ?(/|&|and|,) ?in|인 ?/ ?아웃)',
      '(송|수) ?신 ?(/|,|및|과|와|하고|이랑|랑) ?(송|수) ?신',
      '송수신',
      '(rx ?/ ?tx|tx ?/ ?rx)',
    ],
  ],
  [
    'cpu',
    ['cpus?( (load|부하|로드|capacity|용량))?', 'processors?', 'cores?', '씨피유', '시피유', '프로세서', '^코어'],
  ],
  [
    'memory',
    [
      '(memory|mem|ram)( (capacity|space|용량|공간))?',
      'oom',
      'out of memory',
      '메모리( ?(용량|공간|여유 ?공간))?',
      '^램( ?(용량|공간|여유 ?공간))?',
      'heap',
      '힙 ?메모리',
    ],
  ],
  [
    'network_in',
    [
      'inbound',
      'incoming',
      'ingress',
      'rx',
      'receiv(e|ed|ing)',
      'downloads?',
      `(net(work)?|traffic|bytes|네트워크|네트웍|트래픽) ?in${METRIC_FOLLOWS}`,
      'in ?traffic',
      '(네트워크|네트웍|트래픽) ?인(?![가-힣])',
      '수신',
      '인바운드',
      '다운로드',
      '(들어오는|인입|유입) ?(트래픽|네트워크|패킷|양)',
    ],
  ],
  [
    'network_out',
    [
      'outbound',
      'outgoing',
      'egress',
      'tx',
      'transmit(s|ted|ting)?',
      'sent',
      'sending',
      'uploads?',
      '(net(work)?|네트워크|네트웍|트래픽) ?out',
      '(traffic|bytes) out',
      'out ?traffic',
      '(네트워크|네트웍|트래픽) ?아웃',
      '송신',
      '^발신',
      '아웃바운드',
      '업로드',
      '나가는 ?(트래픽|네트워크|패킷|양)',
    ],
  ],
  [
    'network',
    [
      'networks?',
      'networking',
      'net',
      'traffic',
      'bandwidth',
      'throughput',
      'nics?',
      '네트워크',
      '네트웍',
      '트래픽',
      '대역폭',
    ],
  ],
  [
    'load',
    [
      'load ?(avg|averages?|1m?)',
      'loadavg',
      'sys(tem)? load',
      'loads?(?![\\s_-]*balanc)',
      'loaded',
      '로드(?! ?밸런)( ?(애버리지|에버리지|평균))?',
      '부하 ?평균',
      '평균 ?부하',
      '시스템 ?부하',
    ],
  ],
  [
    'disk',
    [
      'disks?',
      'disc',
      'storage',
      'file ?systems?',
      'volumes?',
      'partitions?',
      'hdd',
      'ssd',
      'inodes?',
      'disk space',
      'mount ?points?',
      '디스크',
      '스토리지',
      '저장 ?(공간|소|용량)',
      '파일 ?시스템',
      '볼륨',
      '파티션',
      '^하드',
    ],
  ],
  ['capacity', ['(free )?space', 'capacity', '^용량', '^여유 ?공간', '^공간']],
];

/** Things operators ask about that are not collected: echoed back as unresolved so the answer can say so. */
export const UNSUPPORTED_METRIC_TERMS: readonly string[] = [
  'gpus?',
  'latency',
  'latencies',
  'response ?times?',
  'temperatures?',
  'iops',
  'swap',
  'process(es)?',
  'threads?',
  'sessions?',
  'qps',
  'tps',
  'rps',
  'packet ?loss',
  'jitter',
  'error ?rates?',
  'hit ?(rates?|ratios?)',
  '지연 ?시간',
  '^지연',
  '레이턴시',
  '응답 ?시간',
  '온도',
  '스왑',
  '프로세스',
  '스레드',
  '쓰레드',
  '세션',
  '패킷 ?손실',
  '(에러|오류) ?율',
  '히트 ?(율|률)',
];
