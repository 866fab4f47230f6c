/** Cue words for each intent in Korean and English, grouped by meaning and weighted by how decisive they are. */
import type { Intent } from './types';

/**
 * `health` and `state` cues say "how is it?": they go to server_health when servers are named and
 * fleet_health otherwise, and `state` about a named metric of a named server goes to metric_value.
 * `trend` cues ask where a series is going: a forecast, unless a past window of a named server is given.
 */
export type CueTarget = Exclude<Intent, 'unknown'> | 'health' | 'state' | 'trend';

export interface CueGroup {
  target: CueTarget;
  weight: number;
  /** Counts only when the question is about something monitored (a server, metric, scope, time range...). */
  anchored: boolean;
  /** `depletion`: a resource filling up or running out, which turns a superlative ("first to fill") into a forecast. */
  tag?: 'depletion';
  terms: readonly string[];
}

/** Words for the condition a server is in; with a superlative and no metric they ask which server is worst off. */
export const CONDITION_TERMS: readonly string[] = ['status', 'state', 'condition', 'shape', '상태', '상황', '컨디션'];

export const CUE_GROUPS: readonly CueGroup[] = [
  // alerts: what the alert rules say — firing now, or how many fired in a past range
  {
    target: 'alerts', weight: 3, anchored: false,
    terms: [
      'alerts?', 'alarms?', 'alerting', 'firing', 'fired', 'pag(ed|es|ing)', 'paged me', 'notifications?', 'notified', 'on-?call',
      '알림', '알람', '얼럿', '경보', '울리', '울린', '울렸', '울려', '호출',
    ],
  },
  // root_cause: asking for a cause (the most decisive cue of all), or what moves together with what
  {
    target: 'root_cause', weight: 3.5, anchored: true,
    terms: [
      'why', 'how come', 'reasons?', 'caus(e|es|ed|ing)', 'root ?cause', 'rca', 'explain(s|ed|ing)?', 'explanation',
      'culprits?', "what'?s behind", 'what is behind', 'due to', 'because', "what'?s (eating|using|consuming|hogging|driving|burning)",
      'what is (eating|using|consuming|hogging|driving|burning)',
      '^왜', '원인', '이유', '때문', '^탓', '(뭐|무엇)(가|이) ?(잡아먹|먹|갉아먹)', '근본', '주범', '범인', '설명(해|하)', '^어째서', '^무엇 ?때문',
    ],
  },
  {
    target: 'root_cause', weight: 3, anchored: true,
    terms: [
      'correlat(e|es|ed|ing|ion|ions)', 'follow(s|ed|ing)?', 'lead(s|ing)?', 'lags?', 'lagging', 'preced(e|es|ed|ing)',
      'trigger(s|ed|ing)?', 'upstream', 'downstream', 'propagat(e|es|ed|ing|ion)', 'cascad(e|es|ed|ing)',
      '상관', '연관', '따라(오|와|서 ?(오|와|올)|가|붙)', '뒤따', '선행', '후행', '연쇄', '동반', '유발', '트리거', '전파', '^뭐랑', '무엇과',
      // moving together: co-movement is the question correlation answers
      'mov(e|es|ed|ing) (together|in (sync|step|lockstep|tandem)|with)', 'co-?mov(e|es|ing|ement)', 'in (sync|lockstep|tandem) with',
      '(rise|rises|spike|spikes|jump|jumps|climb|climbs) (together|along|in sync) with',
      '(rise|rises|rising|spike|spikes|spiking|jump|jumps|climb|climbs|react|reacts|respond|responds)( right| shortly| just| soon)? after',
      '(튄|튀고|오른|올라간|움직인|반응한) ?(바로 ?)?(다음|뒤|후)에?', '(다음|뒤|후)에 ?(바로 ?)?(튀|오르|올라|반응|움직)',
      '(같이|함께|동시에|덩달아|따라서) ?(움직|튀|튄|오르|올라|내려|떨어|늘|줄|변하|변해|변한|반응|출렁|요동|증가|감소|상승|하락)', '연동', '동조', '동기화 ?(되|돼|된)',
    ],
  },
  {
    target: 'root_cause', weight: 2, anchored: true,
    terms: ['relat(ed|ion|ionship)', 'impact(s|ed|ing)?', 'affect(s|ed|ing)?', 'driv(e|es|en|ing)', 'depend(s|ency|encies|ent)', '관련', '영향', '의존'],
  },
  // forecast: where a resource is heading, when it runs out
  {
    target: 'forecast', weight: 3, anchored: true,
    terms: [
      'forecast(s|ed|ing)?', 'predict(s|ed|ing|ion|ions)?', 'projections?', 'project(ed)?', 'extrapolat(e|ed|ion)', 'outlook',
      'capacity plan(ning)?', 'estimat(e|ed) (when|time)',
      '예측', '전망', '예상(?! ?(밖|외|치 ?못))', '예보', '추정', '내다보', '용량 ?계획',
      // the rate a resource grows at is what a forecast extrapolates
      'growth rate', 'rate of (growth|increase)', 'fill rate', '(grow|grows|growing|fill|fills|filling|increas(e|es|ing)) (how )?(fast|quickly)',
      'per (hour|day|week)', '증가 ?(율|률|속도|폭)', '(늘어나|증가하|차오르|차|오르|올라가)는 ?속도', '얼마나 ?(빨리|빠르게)', '씩 ?(늘|증가|오르|올라|차)',
      '(하루|시간|일|주)(에|당|마다) ?(얼마나|몇)',
    ],
  },
  {
    target: 'forecast', weight: 3, anchored: true, tag: 'depletion',
    terms: [
      'run(s|ning)? out', 'ran out', 'fill(s|ed|ing)? up', 'fills', '(be|become|becomes|get|gets|getting|go|goes) full', 'until full',
      'to full', 'time to (full|exhaustion)', 'exhaust(ed|ion)?', 'deplet(e|ed|ion)', '(hit|hits|reach|reaches) 100', 'max(es)? out',
      'how long (until|before|till|left)', 'how soon', '(days|hours|time) left', 'headroom',
      '바닥', '고갈', '소진', '꽉 ?(차|찰|찬|채)', '가득 ?(차|찰|찬|채)', '차오르', '넘칠', '넘치', '부족해(질|지)', '모자라(게|질)',
      '(몇|며) ?(일|시간|분|달) ?(남|뒤|후|안에|이내|내에|만에)', '며칠', '남은 ?(시간|기간|일수)', '100 ?% ?(되|찍|도달|까지)', '한계 ?도달',
      'full ?(돼|될|되|이 ?될)', 'oom', 'out of memory', '터(지기|지겠|지려|질)', '(한계|임계|용량) ?(직전|임박)', '임박',
    ],
  },
  {
    target: 'forecast', weight: 2.5, anchored: true,
    terms: [
      'when (will|does|do|is|would|might|could|are|should|can)', 'in the future', 'future', 'tomorrow', 'next (hour|day|week|month)',
      'eventually', 'soon', 'going to', 'gonna', 'heading',
      '언제(?! ?부터)', '앞으로', '향후', '미래', '내일', '다음 ?(주|달)', '^곧', '조만간', '머지않아',
    ],
  },
  {
    target: 'trend', weight: 2.5, anchored: true,
    terms: ['trend(s|ing|line)?', 'trajectory', 'direction', 'tendency', '^추세', '트렌드', '경향', '방향성'],
  },
  {
    target: 'forecast', weight: 1.5, anchored: true,
    terms: [
      'will', 'rising', 'growing', 'grows', 'climbing', 'increasing', 'creeping', 'growth',
      '될까', '찰까', '날까', '넘을까', '될 ?것 ?같', '되겠', '늘어나', '늘어날', '늘고', '증가(하|할|세|추세|중)', '상승(하|할|세|추세|중)', '올라가',
    ],
  },
  // anomalies: behaviour out of the ordinary
  {
    target: 'anomalies', weight: 3, anchored: false,
    terms: [
      'anomal(y|ies|ous|ously)', 'unusual(ly|ness)?', 'abnormal(ly|ity|ities)?', 'odd(ly|ity|ities)?', 'weird(ly|ness)?', 'strange(ly|ness)?',
      'suspicious(ly)?', 'leak(s|ing|ed|age)?', 'unstable', 'instability', 'flaky',
      'out of (the )?ordinary', 'irregular(ity|ities)?', 'outliers?', 'deviat(e|es|ed|ing|ion|ions)', 'unexpected(ly)?', 'anything off',
      '이상 ?(징후|패턴|탐지|감지|동작|행동|현상|치|값|증상|신호|트래픽|한|하게|해|했|하|스러|점|현상)', '비정상', '특이', '수상', '의심', '누수', '불안정',
      '평소(와|랑|하고|보다)? ?(다른|다르|달라|달리|안)', '예상 ?(밖|외)', '이례', '^괴상',
    ],
  },
  {
    target: 'anomalies', weight: 2, anchored: false,
    terms: [
      'spik(e|es|ed|ing|y)', 'surg(e|es|ed|ing)', 'bursts?', 'jump(s|ed|ing)?', 'dips?', 'dipped', 'drop(s|ped|ping)?', 'plung(e|es|ed)',
      'sudden(ly)?', 'fluctuat(e|es|ing|ion|ions)', 'erratic', 'flapping', 'peaks?',
      '스파이크', '^튀', '^튄', '급증', '급등', '급상승', '급격', '급락', '급감', '갑자기', '폭증', '폭주', '출렁', '요동', '변동', '^피크', '치솟',
    ],
  },
  {
    target: 'anomalies', weight: 1.5, anchored: false,
    terms: ['detect(s|ed|ing|ion)?', 'spot(ted)?', 'flag(ged)?', 'catch', 'caught', '감지', '탐지', '포착'],
  },
  { target: 'anomalies', weight: 1.5, anchored: true, terms: ['이상 ?(있|없|유무)'] },
  // availability: down, unreachable, not reporting
  {
    target: 'availability', weight: 3, anchored: false,
    terms: [
      'off ?line', 'unreachable', 'not reachable', 'reachab(le|ility)', 'unresponsive', 'not respond(ing)?', 'no response', 'down',
      'downtime', 'outages?', 'dead', 'crash(ed|es|ing)?', 'unavailable', 'not available', 'not up', '(stopped|not) reporting',
      'no (data|metrics|heartbeats?)', 'missing (data|metrics)', 'stale', '(gone|went) (dark|quiet|silent)', 'lost (contact|connection)',
      'disconnected', 'not ?ready', 'disappeared', 'vanished', 'no longer (seen|visible|reporting)', 'ping(s|able|ing)?', 'heartbeats?', 'up and running', 'still up', '(?<=(?:^|(?:is|are|still|back|all|everything|everyone|they|it|servers?|hosts?|nodes?|boxes|machines)(?![a-z]))\\s*)up(?=[\\s?!.]*$)', 'uptime', 'availability',
      'reboot(ed|s)?', 'restart(ed|s)?',
      '오프라인', '다운(?!로드|그레이드|샘플)', '^죽(은|었|어|음|나)', '꺼(진|졌|져|짐)', '먹통', '불통', '응답 ?(이 ?)?(없|안|불가|하지 ?않)',
      '무응답', '(접속|연결|통신|핑|ping) ?(이 ?|가 ?)?(안|불가|끊|실패|않)', '끊(긴|겼|어진|김)', '^핑', '살아 ?(있|있나|있어)', '생존',
      '^멈(춘|췄|춤)', '(중단|중지|정지)(된|됐|되)', '(수집|데이터|메트릭|지표)(이|가)? ?(안|멈|중단|끊|없|누락|빠)', '누락',
      '^셧다운', '재부팅', '재시작', '가동 ?(시간|률|중)', '가용성', '안 ?보(여|이|였|임)', '사라(진|졌|짐)',
    ],
  },
  {
    target: 'availability', weight: 1.5, anchored: true,
    terms: ['online', 'alive', 'running', 'stopped', 'halted', 'on ?line', 'ready', 'missing', '온라인', '(돌아|살아) ?(가|있)'],
  },
  // compare: named servers side by side
  {
    target: 'compare', weight: 3, anchored: true,
    terms: [
      'compar(e|es|ed|ing|ison|isons)', 'versus', 'vs', 'side by side', 'differences?', 'differ(s|ent)?', 'diff', 'head to head', 'contrast',
      '비교', '대비', '^차이', '나란히', '견주',
    ],
  },
  {
    target: 'compare', weight: 2.5, anchored: true,
    terms: ['than', 'against', 'stack(s|ed)? up', 'measur(e|es) up', 'relative to', '^보다', '둘 ?중', '어느 ?(쪽|게|것|서버|거)', '어떤 ?(쪽|게 ?더)', '누가 ?더', 'which (one|of)', 'between', 'better', 'worse'],
  },
  { target: 'compare', weight: 1.5, anchored: true, terms: ['or', 'more', 'less', 'busier', 'higher', 'lower', 'bigger', '^더(?! ?보)'] },
  // top_usage: ranking servers by a metric
  {
    target: 'top_usage', weight: 3, anchored: true,
    terms: ['top', 'bottom', 'rank(s|ed|ing|ings)?', 'leaderboard', 'sort(ed)?', 'order(ed)? by', '순위', '랭킹', '^순으로', '순서대로', '정렬', '상위', '하위', '^탑', '줄 ?세워'],
  },
  {
    target: 'top_usage', weight: 2.5, anchored: true,
    terms: [
      'highest', 'lowest', 'hottest', 'most(?! recent)', 'least', 'biggest', 'largest', 'heaviest', 'busiest', 'hungriest', 'greediest', 'smallest', 'max(imum)?',
      'min(imum)?', 'worst', 'hogs?', 'hogging', 'consumers?', 'consuming', 'heavy users?',
      '가장(?! ?최근)', '제일(?! ?최근)', '^젤', '최고', '최대', '최저', '최소', '1 ?(위|등)', '많이 ?(쓰|사용|먹|잡아|차지|점유)', '적게 ?(쓰|사용)', '^많은', '^높은', '^낮은',
    ],
  },
  {
    target: 'top_usage', weight: 2, anchored: true,
    terms: [
      '(above|over|exceed(s|ing)?|greater than|more than|higher than|at least|>=?) ?\\d+ ?%?', '\\d+ ?% ?(이상|초과|넘|over|above)', '\\d+ ?(초과|넘는|넘은)',
    ],
  },
  { target: 'top_usage', weight: 1.5, anchored: true, terms: ['high', 'heavy', 'heavily', 'busy', 'a lot', 'lots of', '많이', '^높(?!은)', '^큰', '^뽑아', '나열', '골라'] },
  // metric_value: a reading now or over a range
  {
    target: 'metric_value', weight: 2.5, anchored: true,
    terms: [
      'current(ly)?', 'right now', 'now', 'at the moment', 'at present', 'presently', 'latest', 'how (much|many|high|busy|full|loaded|hot)',
      'values?', 'readings?', 'levels?', 'numbers?', 'figures?', 'percent(age)?', 'history', 'historical', 'graph', 'chart', 'plot',
      'time ?series', 'over time',
      '현재', '^지금', '^값', '수치', '얼마', '몇 ?(퍼센트|프로|%)', '퍼센트', '추이', '이력', '기록', '그래프', '차트', '시계열',
    ],
  },
  { target: 'metric_value', weight: 1, anchored: true, terms: ['usage', 'utili[sz]ation', 'util', 'used', '사용률', '사용량', '점유율'] },
  { target: 'metric_value', weight: 0.5, anchored: true, terms: ['show', 'display', 'tell', 'give', 'get', '보여', '알려', '조회', '뭐야'] },
  // health of named servers or of the fleet
  {
    target: 'health', weight: 2, anchored: true,
    terms: [
      'health(y)?', 'health ?check', 'problems?', 'issues?', 'troubles?', 'wrong', 'errors?', 'failing', 'failures?', 'broken',
      'ok', 'okay', 'fine', 'alright', 'all right', 'good shape', 'warnings?', 'critical', 'danger(ous)?', 'risk(y|s)?',
      'worst', 'thresholds?', 'attention', 'concern(s|ing)?', 'slow', 'sluggish', 'struggling', 'degraded', "what'?s (going on|happening) with",
      '건강', '^헬스', '문제', '이슈', '장애', '^에러', '오류', '괜찮', '^정상', '별일', '별 ?일', '별 ?이상', '무슨 ?일', '경고',
      'acting (up|weird|strange|funny|odd)', 'misbehav(e|es|ed|ing)', '망가', '고장', '터(졌|진|짐)', '난리', '^탈(이 ?)?났',
      '경보', '위험', '심각', '최악', '임계 ?(치|값)', '기준치', '한계치', '크리티컬', '주의', '확인 ?(이 ?)?(필요|해야)', '느려', '느린', '버벅', '^렉', '이상 ?(있|없|유무)', '무사', '손봐', '^떠 ?있',
    ],
  },
  {
    target: 'state', weight: 1.5, anchored: true,
    terms: [
      ...CONDITION_TERMS, "how('?s| is| are| was)", 'doing', 'check(ed)?( up| on)?', 'inspect', 'diagnos(e|is|tic)',
      '어때', '어떄', '어떤가', '어떠', '어떻(습니까|나요|니|냐|던가)', '어떤지', '^어떰', '잘 ?(돌아|있|되)',
      '점검', '^체크', '진단', '^확인',
    ],
  },
  {
    target: 'fleet_health', weight: 2, anchored: false,
    terms: [
      'overview', 'summar(y|ies|ize|ise)', 'dashboard', 'briefing', 'report', 'big picture', 'at a glance', 'rundown', 'general', 'overall',
      'fleet', 'inventory', 'list (all|every|the)? ?(servers|hosts|nodes|machines)', 'how many (servers|hosts|nodes|machines|instances)',
      '(서버|호스트|노드|장비) ?(수|개수|대수|몇 ?(대|개))', '몇 ?(대|개)(의)? ?(서버|호스트|노드|장비)',
      '현황', '요약', '개요', '브리핑', '대시보드', '전반', '전체적', '한눈에', '총괄', '리포트', '^목록', '^리스트',
    ],
  },
  {
    target: 'fleet_health', weight: 2, anchored: false,
    terms: [
      'worr(y|ied|ying)', 'on fire', '(are|r) we (good|ok|okay|fine)', '^이상 ?무', 'needs? (my |our )?attention', 'should (i|we) (know|care|look)', 'anything (wrong|bad|broken)',
      '신경 ?(써|쓸)', '챙겨야', '(봐|살펴봐)야 ?(할|하는|될)',
    ],
  },
  // an aggregate is of the fleet, or of a named server's metric over time
  {
    target: 'state', weight: 2, anchored: true,
    terms: ['(?<!load ?)(average|avg|mean)', 'aggregate', 'in total', '(?<!(부하|로드) ?)평균', '합계', '통틀어'],
  },
  {
    target: 'fleet_health', weight: 1, anchored: true,
    terms: ['all', 'every', 'everything', 'entire', 'whole', 'across', '전체', '^모든', '^모두', '^전부', '^다들', '^싹 ?다'],
  },
];

/** Things that are monitored: their mention anchors cues that are also everyday words ("why", "how is"). */
export const DOMAIN_NOUNS: readonly string[] = [
  'servers?', 'hosts?', 'nodes?', 'instances?', 'machines?', 'boxes', 'vms?', 'fleet', 'clusters?', 'infra(structure)?', 'systems?', 'tiers?',
  'regions?', 'zones?', 'metrics?', 'resources?', 'usage', 'utili[sz]ation', 'monitoring', 'alerts?',
  '서버', '호스트', '노드', '인스턴스', '장비', '머신', '^시스템', '인프라', '클러스터', '리전', '티어', '^존', '지표', '메트릭', '리소스', '자원',
  '사용률', '사용량', '^vm', '^가상 ?머신', '몇 ?대',
];

/** A ranking that asks for the least used first. */
export const ASCENDING_TERMS: readonly string[] = [
  'lowest', 'least', 'smallest', 'fewest', 'min(imum)?', 'bottom', 'idle', 'under-?(utili[sz]ed|used|loaded)', '(most|more) (free|spare|headroom|room)',
  '최저', '최소', '^낮은', '적게', '^적은', '하위', '^덜', '한가', '놀고 ?있', '여유 ?(가 ?|있는 ?)?((가장|제일|젤|더|많이) ?)?(있|많|큰|넉넉)',
];

/** Text that is code or a query rather than a question is never classified ("select the servers where…" is still English). */
export const NOT_A_QUESTION = [
  /\bselect\s+(\*|distinct\b|count\s*\()/,
  /\bselect\b.*\bfrom\b.*\bwhere\b.*(=|<|>|\blike\b)/,
  /\binsert\s+into\b/,
  /\bdelete\s+from\b/,
  /\bupdate\s+\w+\s+set\b/,
  /\b(drop|truncate|alter)\s+(table|database)\b/,
  /\bunion\s+(all\s+)?select\b/,
  /<\s*\/?\s*script\b/,
  /;\s*--/,
];
