/** The questions written for this module (own-questions.ts), separate from the dev set: intents, entities, unresolved words. */
import { buildInventory, INTENTS, understand } from '../../../src/analysis/nlu';
import { buildFleet } from '../../../src/collectors/dummy/fleet';
import { OWN_QUESTIONS } from './own-questions';

const fleet = buildInventory(buildFleet(30));

describe('own question set', () => {
  it.each(OWN_QUESTIONS.map((item) => [item.q, item] as const))('%s', (_q, item) => {
    const u = understand(item.q, fleet);
    expect(u.intent).toBe(item.intent);
    expect(u.entities).toMatchObject(item.entities ?? {});
    if (item.unresolved) expect(u.unresolved).toEqual(item.unresolved);
  });

  it('covers every intent in both languages', () => {
    for (const language of ['ko', 'en'] as const) {
      const intents = new Set(
        OWN_QUESTIONS.filter((item) => understand(item.q, fleet).language === language).map((item) => item.intent)
      );
      expect(intents.size).toBe(INTENTS.length);
    }
  });
});
