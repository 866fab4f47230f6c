/**
 * What a language model's rephrasing may not do beyond the numbers: claim a different state than
 * the computed answer ("healthy, no action needed" for a critical server), or carry a link, a
 * command or code for an operator to run.
 */
import type { AskAnswer } from '@openmanager/contract';

type StateClass = 'ok' | 'warning' | 'critical' | 'offline';

const STATE_WORDS: Record<StateClass, RegExp> = {
  ok: /\b(healthy|normal(ly)?|fine|ok(ay)?|stable|all good|no (action|issues?|problems?|concerns?)|nothing to worry|within (normal )?limits?|resolved|recovered)\b|정상|양호|문제\s*(가|는)?\s*없|이상\s*(이|은)?\s*없|괜찮|안정적|조치\s*(가|는)?\s*(불필요|필요\s*없)|해결/i,
  warning: /\b(warn(ing)?s?|elevated|caution|watch)\b|경고|주의/i,
  critical: /\b(critical|severe|urgent(ly)?|immediate(ly)?|emergency)\b|위험|심각|긴급|즉시/i,
  offline:
    /\b(offline|unreachable|down|not responding|no (fresh )?(data|samples))\b|오프라인|응답\s*(이|이\s*)?없|연결\s*불가|다운|수집\s*(이|이\s*)?(안|되지)/i,
};

/** Links, shell commands and code: nothing an operator should be told to run comes from the model. */
const UNSAFE: Array<[RegExp, string]> = [
  [
    /\b(?:https?|ftp|file|ssh|wss?):\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|sh|ru|cn|xyz|dev|app|co|me)\b/i,
    'a link',
  ],
  [
    /```|`[^`\n]+`|\$\(|\|\s*(?:sh|bash|zsh|python\d?|sudo)\b|&&|\b(?:curl|wget|sudo|rm\s+-\w+|chmod|chown|kubectl|systemctl|docker|powershell|iex|eval|exec|ssh|scp|nc|netcat)\b/i,
    'a command',
  ],
  [/<\/?[a-z][^>]*>|\bfunction\s*\(|=>|\b(?:import|require|SELECT|DROP|DELETE|INSERT)\b/i, 'code'],
];

function classesIn(text: string): Set<StateClass> {
  return new Set((Object.keys(STATE_WORDS) as StateClass[]).filter((c) => STATE_WORDS[c].test(text)));
}

/** Why the reply's state words disagree with the answer, or null when they agree. */
export function stateDisagreement(reply: string, answer: Pick<AskAnswer, 'answer' | 'severity'>): string | null {
  const said = classesIn(reply);
  const allowed = classesIn(answer.answer);
  if (answer.severity === 'ok') allowed.add('ok');
  if (
    (answer.severity === 'critical' || answer.severity === 'warning') &&
    !said.has(answer.severity) &&
    !said.has('offline')
  ) {
    return `does not say ${answer.severity}`;
  }
  const extra = [...said].filter((c) => !allowed.has(c));
  return extra.length > 0 ? `claims ${extra.join(', ')}, which the answer does not` : null;
}

/** What unsafe content the reply carries that the computed answer does not, or null. */
export function unsafeContent(reply: string, answer: Pick<AskAnswer, 'answer'>): string | null {
  for (const [pattern, what] of UNSAFE)
    if (pattern.test(reply) && !pattern.test(answer.answer)) return `contains ${what}`;
  return null;
}
