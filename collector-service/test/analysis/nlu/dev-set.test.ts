/** The shared dev questions (../shared/data/nlq-dev.jsonl): every intent, language and expected entity. */
import { existsSync, readFileSync } from 'fs';
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

const DEV_SET = resolve(__dirname, '../../../../../shared/data/nlq-dev.jsonl');
const devQuestions: DevQuestion[] = existsSync(DEV_SET)
  ? readFileSync(DEV_SET, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as DevQuestion)
  : [];
const fleet = buildInventory(buildFleet(30));

// The file lives outside the repository; without it there is nothing to check.
(devQuestions.length > 0 ? describe : describe.skip)('dev set', () => {
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
