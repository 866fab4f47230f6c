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

export function extractServers(text: QuestionText, inventory: Inventory): ServerMentions {
  const servers: string[] = [];
  const ambiguous: ServerMentions['ambiguous'] = [];
  for (const mention of inventory.serverIndex.scan(text)) {
    consume(text, mention);
    if (mention.values.length > 1) ambiguous.push(mention);
    else if (!servers.includes(mention.values[0])) servers.push(mention.values[0]);
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
