/**
 * /api/ask under sequential questions: the benchmark service (30-server fleet, 24 h of history,
 * collecting on its schedule) asked every intent, in Korean and English, one question after another.
 */
import { timedPost, type BenchService } from './bench-service';
import { summarize, type LatencySummary } from './latency';

export const BENCH_QUESTIONS: readonly string[] = [
  'DB-EU-002 서버에 문제가 있나요?',
  'Is there a problem with DB-EU-002?',
  '서버 전체적으로 문제 없어?',
  'How are the AWS servers doing?',
  '메모리 많이 쓰는 서버 5개',
  'Which 6 servers have the highest CPU?',
  '최근 1시간 이상 패턴 있었는지 알려줘',
  'Anything unusual in the last hour?',
  '디스크가 언제 꽉 찰까?',
  'Which disk fills up first?',
  'K8S-WORKER-03 메모리 전망 알려줘',
  'Why is DB-EU-001 CPU spiking?',
  'API-US-001 CPU 스파이크 다음에 뭐가 따라와?',
  'Compare WEB-US-001 and WEB-US-002',
  'ONPREM-LDAP-01이 ONPREM-MAIL-01보다 CPU를 더 쓰나?',
  '오프라인 서버 있어?',
  'Show me any servers that are down',
  'K8S-WORKER-01 CPU for the last 30 minutes',
  'ONPREM-DB-01 CPU 현재 값 알려줘',
  'asdf',
];

export interface AskBenchOptions {
  requests: number;
  warmup: number;
}

export interface AskBenchResult {
  summary: LatencySummary;
  /** The first question after start: loads the 24 h window. */
  firstMs: number;
}

async function ask(url: string, question: string): Promise<number> {
  const { ms, json } = await timedPost(url, { question });
  if (!(json as { severity?: string }).severity)
    throw new Error(`/api/ask answered without a severity: ${JSON.stringify(json)}`);
  return ms;
}

export async function runAskBench(bench: BenchService, options: AskBenchOptions): Promise<AskBenchResult> {
  const url = `${bench.baseUrl}/api/ask`;
  const firstMs = await ask(url, BENCH_QUESTIONS[0]);
  for (let i = 0; i < options.warmup; i++) await ask(url, BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]);
  const durations: number[] = [];
  for (let i = 0; i < options.requests; i++)
    durations.push(await ask(url, BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]));
  return { summary: summarize(durations), firstMs };
}
