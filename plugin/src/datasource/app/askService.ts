/** POST /api/ask through the data proxy: the question and the dashboard range in, the checked answer out. */
import { AskAnswer, AskRequestBody, SEVERITIES } from '../types';
import { ServiceClient } from './serviceClient';

export interface TimeRangeMs {
  from: number;
  to: number;
}

/** Throws, naming the field, when the service's answer is not in the contract's shape. */
export function checkAskAnswer(body: unknown): AskAnswer {
  const answer = body as Partial<AskAnswer> | null;
  const problem =
    typeof answer !== 'object' || answer === null
      ? 'it is not a JSON object'
      : typeof answer.answer !== 'string'
        ? '"answer" is not a string'
        : !(SEVERITIES as readonly unknown[]).includes(answer.severity)
          ? `"severity" is ${JSON.stringify(answer.severity)}, not one of ${SEVERITIES.join(', ')}`
          : !Array.isArray(answer.findings)
            ? '"findings" is not a list'
            : typeof answer.intent !== 'string'
              ? '"intent" is not a string'
              : undefined;
  if (problem) {
    throw new Error(`The OpenManager service answered /api/ask, but ${problem}.`);
  }
  return answer as AskAnswer;
}

export async function askService(client: ServiceClient, question: string, range?: TimeRangeMs): Promise<AskAnswer> {
  const trimmed = question.trim();
  if (trimmed === '') {
    throw new Error('Type a question first.');
  }
  const body: AskRequestBody = range ? { question: trimmed, from: range.from, to: range.to } : { question: trimmed };
  return checkAskAnswer(await client.post<unknown>('/api/ask', body));
}
