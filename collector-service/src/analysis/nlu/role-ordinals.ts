/** Servers named by role and number ("워커 3번", "마스터 노드 1번", "worker-3", "backup #1"): the one server of that role with that number. */
import type { Inventory } from './inventory';
import { siblings } from './server-mentions';
import { consume, findAll, type QuestionText } from './text';

/** The number after a role word, optionally after "노드/server" and "#/no."; `번/호기` or a glued digit make it an ordinal. */
const NUMBER_AFTER =
  /^([\s_-]*)(?:(?:노드|서버|호스트|인스턴스|장비|nodes?|servers?|hosts?|instances?|box)\s*)?(#|no\.?\s*)?(\d{1,3})(\s*(?:번째|번|호기|호))?/;
/** A bare number followed by these is a count or a duration ("워커 3개", "worker 3 hours"), not a server. */
const NOT_ORDINAL =
  /^\s*(?:개|대|곳|분|시|초|일|주|%|퍼|프로|(?:mins?|minutes?|hrs?|hours?|h|m|days?|d|servers?|hosts?|nodes?|instances?|boxes|more|others?|percent)(?![a-z]))/;

const trailingNumber = (id: string): number | null => {
  const digits = /(\d+)$/.exec(id)?.[1];
  return digits === undefined ? null : Number(digits);
};

/** Finds role-and-number mentions that fit exactly one server, consumes them and returns the server ids in order. */
export function extractRoleOrdinals(text: QuestionText, inventory: Inventory): string[] {
  const found: Array<{ at: number; id: string }> = [];
  for (const alias of inventory.roleAliases) {
    for (const span of findAll(alias.pattern, text.working)) {
      const m = NUMBER_AFTER.exec(text.working.slice(span.end));
      if (m === null) continue;
      const marked = m[2] !== undefined || m[4] !== undefined || m[1] === '';
      if (!marked && NOT_ORDINAL.test(text.working.slice(span.end + m[0].length))) continue;
      const wanted = Number(m[3]);
      const fits = [...inventory.servers.values()].filter(
        (s) => alias.values.includes(s.role) && trailingNumber(s.id) === wanted
      );
      if (fits.length !== 1) continue;
      const end = span.end + m[0].length;
      consume(text, { start: span.start, end });
      found.push({ at: span.start, id: fits[0].id });
      for (const sibling of siblings(text, fits[0].id, end, inventory)) {
        consume(text, sibling);
        found.push({ at: sibling.start, id: sibling.id });
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.id);
}
