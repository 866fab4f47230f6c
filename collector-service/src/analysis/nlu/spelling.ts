/** Fixes one-letter slips in the English words that decide an intent ("anomolies", "ofline", "memroy"). */
import type { QuestionText } from './text';

const VOCABULARY = [
  'memory',
  'anomaly',
  'anomalies',
  'anomalous',
  'unusual',
  'abnormal',
  'compare',
  'comparison',
  'forecast',
  'predict',
  'prediction',
  'projection',
  'offline',
  'unreachable',
  'reachable',
  'unresponsive',
  'network',
  'traffic',
  'inbound',
  'outbound',
  'incoming',
  'outgoing',
  'kubernetes',
  'database',
  'databases',
  'highest',
  'lowest',
  'biggest',
  'largest',
  'busiest',
  'heaviest',
  'correlation',
  'correlated',
  'correlate',
  'explain',
  'because',
  'status',
  'health',
  'healthy',
  'summary',
  'summarize',
  'overview',
  'capacity',
  'storage',
  'utilization',
  'average',
  'current',
  'currently',
  'problem',
  'problems',
  'issues',
  'versus',
  'difference',
  'availability',
  'uptime',
  'outage',
  'spikes',
  'spiking',
  'processor',
  'bandwidth',
  'receive',
  'received',
  'transmit',
  'upload',
  'download',
  'exhausted',
  'running',
  'ranking',
  'servers',
  'instance',
  'instances',
  'machines',
  'cluster',
  'backup',
  'monitoring',
  'onprem',
  'premises',
  'amazon',
  'suspicious',
  'deviation',
  'increasing',
  'growing',
  'climbing',
  'trending',
  'caused',
  'causing',
  'reason',
  'alerts',
  'warning',
  'warnings',
  'critical',
  'projected',
  'trajectory',
  'strange',
  'detected',
  'reporting',
  'responding',
  'filesystem',
];
const KNOWN = new Set(VOCABULARY);
/** Short words where only a swapped pair is fixed ("dsik", "laod"): other one-letter edits of them are real words too often. */
const SHORT_VOCABULARY = [
  'disk',
  'disks',
  'load',
  'down',
  'dead',
  'full',
  'fill',
  'spike',
  'trend',
  'usage',
  'alert',
  'cache',
  'worst',
  'least',
  'most',
  'high',
  'slow',
  'free',
];
const SHORT_KNOWN = new Set(SHORT_VOCABULARY);
const WORD = /(?<![a-z0-9])[a-z]{4,}(?![a-z0-9])/g;

/** Optimal string alignment distance, giving up once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** `a` with two neighbouring letters swapped is `b`. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** The vocabulary word a slip was meant to be: same first letter, one edit (two for words of nine letters or more). */
function correction(word: string): string | null {
  if (word.length < 6)
    return SHORT_KNOWN.has(word)
      ? null
      : (SHORT_VOCABULARY.find((candidate) => candidate[0] === word[0] && swapped(word, candidate)) ?? null);
  if (KNOWN.has(word)) return null;
  const max = word.length >= 9 ? 2 : 1;
  let found: string | null = null;
  for (const candidate of VOCABULARY) {
    if (candidate[0] !== word[0] || distance(word, candidate, max) > max) continue;
    if (found !== null) return null;
    found = candidate;
  }
  return found;
}

/** Replaces slips in both copies of the question, keeping them aligned. */
export function correctSpelling(text: QuestionText): QuestionText {
  let { display, working } = text;
  const matches = [...working.matchAll(WORD)].reverse();
  for (const m of matches) {
    const fixed = correction(m[0]);
    if (fixed === null) continue;
    const end = m.index + m[0].length;
    display = display.slice(0, m.index) + fixed + display.slice(end);
    working = working.slice(0, m.index) + fixed + working.slice(end);
  }
  return { display, working };
}
