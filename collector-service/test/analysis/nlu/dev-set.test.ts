/** The NLU dev questions (fixtures/nlq-dev.jsonl, 60 questions): every intent, language and expected entity. */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { buildInventory, understand, type Entities, type Intent } from '../../../src/analysis/nlu';
import { buildFleet } from '../../../src/collectors/dummy/fleet';

interface DevQuestion {
  id: string;
  lang: 'ko' | 'en';
  question: string;
  intent: Intent;
  entities: Partial<Entities>;
}

const DEV_SET = resolve(__dirname, 'fixtures/nlq-dev.jsonl');
const devQuestions: DevQuestion[] = readFileSync(DEV_SET, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DevQuestion);
const fleet = buildInventory(buildFleet(30));

describe('dev set', () => {
  it.each(devQuestions.map((d) => [d.id, d] as const))('%s', (_id, d) => {
    const u = understand(d.question, fleet);
    expect({ intent: u.intent, language: u.language }).toEqual({ intent: d.intent, language: d.lang });
    expect(u.entities).toMatchObject(d.entities);
  });

  it('has the 60 questions and reaches full intent accuracy on them', () => {
    const correct = devQuestions.filter((d) => understand(d.question, fleet).intent === d.intent).length;
    expect(devQuestions).toHaveLength(60);
    expect(correct / devQuestions.length).toBe(1);
  });
});
