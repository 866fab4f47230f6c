/** Finds the servers a question names (any casing, spacing, hyphenation, Korean particles) and id-like words that name none. */
import type { Inventory } from './inventory';
import { CLOUD_REGION } from './scope-lexicon';
import { consume, findAll, type QuestionText, type Span } from './text';

export interface ServerMentions {
  /** Canonical ids in the order mentioned, without repeats. */
  servers: string[];
  /** Typed names that fit several servers ("web-1" with WEB-01 and WEB-001). */
  ambiguous: Array<{ start: number; end: number }>;
}

/** Letters then pieces joined by - _ . : with a digit somewhere: "DB-EU-009", "web-prod-9", "i-0abc12". */
const ID_LIKE = /(?<![a-z0-9])[a-z][a-z0-9]*(?:[-_.:][a-z0-9]+)+(?![a-z0-9])/g;

/**
 * A bare number joined to a server id names its sibling: "ONPREM-APP-01이랑 02", "WEB-US-001, 002 and 003".
 * Not when a unit or a count follows ("DB-EU-001 and 2 more", "API-US-001이랑 30분").
 */
const SIBLING = new RegExp(
  '^\\s*(?:,|/|&|\\+|and|or|vs\\.?|versus|이랑|랑|하고|와|과|및|그리고|이나|나)\\s*(\\d{1,4})(?:\\s*(?:번(?!째)|호기|호))?' +
    '(?![\\d.:%]|\\s*(?:분|시|초|일|주|개|대|번째|퍼센트|프로|(?:mins?|minutes?|hrs?|hours?|h|m|days?|d|servers?|hosts?|nodes?|more|others?|percent)(?![a-z])))'
);

/** The sibling ids after a mention, with the spans that named them. */
export function siblings(
  text: QuestionText,
  id: string,
  from: number,
  inventory: Inventory
): Array<{ id: string; start: number; end: number }> {
  const digits = /\d+$/.exec(id)?.[0];
  if (digits === undefined) return [];
  const found: Array<{ id: string; start: number; end: number }> = [];
  let at = from;
  for (let m = SIBLING.exec(text.working.slice(at)); m !== null; m = SIBLING.exec(text.working.slice(at))) {
    const sibling = id.slice(0, id.length - digits.length) + m[1].padStart(digits.length, '0');
    if (!inventory.servers.has(sibling)) break;
    found.push({ id: sibling, start: at, end: at + m[0].length });
    at += m[0].length;
  }
  return found;
}

export function extractServers(text: QuestionText, inventory: Inventory): ServerMentions {
  const servers: string[] = [];
  const ambiguous: ServerMentions['ambiguous'] = [];
  const add = (id: string) => {
    if (!servers.includes(id)) servers.push(id);
  };
  for (const mention of inventory.serverIndex.scan(text)) {
    consume(text, mention);
    if (mention.values.length > 1) {
      ambiguous.push(mention);
      continue;
    }
    add(mention.values[0]);
    for (const sibling of siblings(text, mention.values[0], mention.end, inventory)) {
      consume(text, sibling);
      add(sibling.id);
    }
  }
  return { servers, ambiguous };
}

/** Id-shaped words that are something else: "top-5", "last-24h", "utf-8", "x86-64", "p95". */
const NOT_AN_ID = /^(top|bottom|last|past|next|first|utf|x86|ipv[46]|p\d\d)[-_.:]/;

export interface UnknownIds {
  /** Look like server ids. */
  servers: Span[];
  /** Look like cloud region ids the inventory does not hold. */
  regions: Span[];
}

/** Words left that look like server or region ids (call after known names are consumed); consumed, so nothing else reads them. */
export function unknownIds(text: QuestionText): UnknownIds {
  const spans = findAll(ID_LIKE, text.working).filter((span) => /\d/.test(span.text) && !NOT_AN_ID.test(span.text));
  spans.forEach((span) => consume(text, span));
  return {
    servers: spans.filter((span) => !CLOUD_REGION.test(span.text)),
    regions: spans.filter((span) => CLOUD_REGION.test(span.text)),
  };
}
