/** Words operators use for providers, well-known server roles and cloud regions, in Korean and English. */
import type { Provider } from '../../domain/metrics';

export const PROVIDER_TERMS: Record<Provider, readonly string[]> = {
  kubernetes: [
    'kubernetes',
    'k8s',
    'kube',
    'eks',
    'gke',
    'aks',
    'openshift',
    'pods?',
    '쿠버네티스',
    '쿠버넷',
    '^쿠버',
    '^쿠베',
    '파드',
    '^포드',
  ],
  aws: ['aws', 'amazon', 'ec2', 'amazon web services', '아마존', '에이더블유에스', '이씨투'],
  onprem: [
    'on ?prem(ise|ises)?',
    'bare ?metal',
    'physical (servers?|machines?|hosts?)',
    'data ?cent(er|re)s?',
    'idc',
    '온프레미스',
    '온프렘',
    '^온프레',
    '사내',
    '^자체 (서버|장비|인프라)',
    '전산실',
    '데이터 ?센터',
    '베어 ?메탈',
    '물리 ?(서버|장비)',
  ],
};

/**
 * Synonym groups for well-known roles. A group applies when one of its names is a role the live
 * inventory holds (so "DB" finds role `database`, or role `db` in a fleet that calls it that).
 */
export const ROLE_SYNONYMS: ReadonlyArray<{ names: readonly string[]; terms: readonly string[] }> = [
  {
    names: ['web', 'frontend', 'www'],
    terms: [
      'web',
      'webservers?',
      'front ?ends?',
      'nginx',
      'apache',
      'httpd',
      '^웹',
      '프(론|런)트 ?엔드',
      '프론트',
      '프런트',
    ],
  },
  {
    names: ['api', 'gateway', 'backend'],
    terms: ['apis?', 'api ?servers?', 'gateways?', 'backends?', '백엔드', '게이트웨이'],
  },
  {
    names: ['app', 'application', 'was'],
    terms: ['apps?', 'applications?', 'tomcat', '^앱', '애플리케이션', '어플리케이션', '^어플'],
  },
  {
    names: ['database', 'db', 'rdb'],
    terms: [
      'databases?',
      'dbs?',
      'rdbms',
      'mysql',
      'postgres(ql)?',
      'mariadb',
      'oracle',
      'mongo(db)?',
      '^디비',
      '데이터베이스',
      '오라클',
      '^몽고',
    ],
  },
  {
    names: ['cache', 'redis', 'memcached'],
    terms: ['cache', 'caches', 'caching', 'redis', 'memcached?', '캐시', '캐싱', '레디스', '멤캐시'],
  },
  { names: ['batch', 'cron', 'job'], terms: ['batch(es)?', 'cron', 'batch ?jobs?', '^배치', '크론'] },
  { names: ['worker', 'node'], terms: ['workers?', 'worker ?nodes?', '워커'] },
  {
    names: ['control-plane', 'master', 'controller'],
    terms: ['control ?planes?', 'masters?', 'master ?nodes?', 'etcd', '마스터', '컨트롤 ?플레인', '컨트롤러'],
  },
  {
    names: ['file', 'fileserver', 'nas', 'storage'],
    terms: ['file ?servers?', 'file ?shares?', 'nas', 'nfs', 'samba', '파일 ?(서버|공유)', '^나스'],
  },
  { names: ['mail', 'email', 'smtp'], terms: ['e?-?mail', 'smtp', 'imap', '메일'] },
  {
    names: ['directory', 'ldap', 'ad', 'auth'],
    terms: ['directory', 'ldap', 'active directory', '디렉(터|토)리', '인증 ?서버'],
  },
  { names: ['backup'], terms: ['backups?', '백업'] },
  { names: ['monitoring', 'mon', 'observability'], terms: ['monitoring', 'prometheus', 'grafana', '모니터링', '관제'] },
  {
    names: ['proxy', 'lb', 'loadbalancer', 'load-balancer'],
    terms: ['proxy', 'proxies', 'load ?balancers?', 'lbs?', 'haproxy', '프록시', '로드 ?밸런서'],
  },
];

/** Shaped like a cloud region id ("us-west-2", "ap-northeast-1", "us-gov-east-1"). */
export const CLOUD_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** Places operators name instead of a region id; `matches` picks the inventory regions they mean. */
export const REGION_ALIASES: ReadonlyArray<{ terms: readonly string[]; matches: RegExp }> = [
  { terms: ['seoul', '서울'], matches: /ap-northeast-2|seoul/ },
  { terms: ['tokyo', '도쿄', '동경', '일본', 'japan'], matches: /ap-northeast-1|tokyo/ },
  { terms: ['osaka', '오사카'], matches: /ap-northeast-3|osaka/ },
  { terms: ['singapore', '싱가포르', '싱가폴'], matches: /ap-southeast-1|singapore/ },
  { terms: ['sydney', '시드니', '호주', 'australia'], matches: /ap-southeast-2|sydney/ },
  { terms: ['mumbai', '뭄바이', '인도', 'india'], matches: /ap-south-1|mumbai/ },
  { terms: ['virginia', '버지니아', 'us east', '미국 동부'], matches: /us-east-1|virginia/ },
  { terms: ['ohio', '오하이오'], matches: /us-east-2|ohio/ },
  { terms: ['california', '캘리포니아'], matches: /us-west-1|california/ },
  { terms: ['oregon', '오레곤', '오리건', 'us west', '미국 서부'], matches: /us-west-2|oregon/ },
  { terms: ['ireland', '아일랜드'], matches: /eu-west-1|ireland|dublin/ },
  { terms: ['london', '런던', '영국', 'uk'], matches: /eu-west-2|london/ },
  { terms: ['paris', '파리', '프랑스', 'france'], matches: /eu-west-3|paris/ },
  { terms: ['frankfurt', '프랑크푸르트', '독일', 'germany'], matches: /eu-central-1|frankfurt/ },
  { terms: ['europe', 'european', 'eu', 'emea', '유럽'], matches: /^eu-|europe/ },
  {
    terms: ['usa', 'america', 'american', 'north america', 'us (region|servers?|hosts?)', '미국', '북미'],
    matches: /^us-|america/,
  },
  { terms: ['asia', 'apac', 'asia pacific', '아시아', '아태'], matches: /^ap-|asia/ },
];
