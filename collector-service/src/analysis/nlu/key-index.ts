/** Finds inventory names in free text whatever their casing, spacing or hyphenation ("db eu 002", "DB_EU_2"). */
import type { QuestionText } from './text';

/** Pieces of one name may be typed apart with these, at most two characters of them. */
const JOINER = /^[\s\-_.:/]{1,2}$/;
const RUN = /[a-z0-9]+/g;
const MAX_PIECES = 8;
const PART_BEFORE = /[a-z0-9][-_.:]$/;
const PART_AFTER = /^[-_.:][a-z0-9]/;

export interface KeyMention<V> {
  start: number;
  end: number;
  /** More than one value when the typed name fits several entries (e.g. "web-1" with WEB-01 and WEB-001). */
  values: V[];
}

/** "K8S-Worker-03" → pieces [k8s, worker, 03]. */
function pieces(name: string): string[] {
  return name.toLowerCase().match(RUN) ?? [];
}

/** Leading zeros off every number, so "db-eu-2" finds DB-EU-002. */
function unpadded(piece: string): string {
  return piece.replace(/(^|[^0-9])0+(?=[0-9])/g, '$1');
}

export class KeyIndex<V> {
  private readonly exact = new Map<string, Set<V>>();
  private readonly loose = new Map<string, Set<V>>();
  private readonly prefixes = new Set<string>();

  add(name: string, value: V): void {
    const parts = pieces(name);
    if (parts.length === 0) return;
    this.put(this.exact, parts.join(''), value);
    this.put(this.loose, parts.map(unpadded).join(''), value);
  }

  /** Leftmost-longest, non-overlapping mentions in the working text. */
  scan(text: QuestionText): KeyMention<V>[] {
    const runs = [...text.working.matchAll(RUN)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    }));
    const mentions: KeyMention<V>[] = [];
    for (let i = 0; i < runs.length; i++) {
      let exactKey = '';
      let looseKey = '';
      let best: { last: number; values: Set<V> } | null = null;
      for (let j = i; j < runs.length && j - i < MAX_PIECES; j++) {
        if (j > i && !JOINER.test(text.working.slice(runs[j - 1].end, runs[j].start))) break;
        exactKey += runs[j].text;
        looseKey += unpadded(runs[j].text);
        if (!this.prefixes.has(exactKey) && !this.prefixes.has(looseKey)) break;
        const values = this.exact.get(exactKey) ?? this.loose.get(looseKey);
        if (values) best = { last: j, values };
      }
      if (best && this.standsAlone(text.working, runs[i].start, runs[best.last].end)) {
        mentions.push({ start: runs[i].start, end: runs[best.last].end, values: [...best.values] });
        i = best.last;
      }
    }
    return mentions;
  }

  /** A name inside a longer id is not a mention: "web" in "web-prod-9", "DB-EU-002" in "db-eu-002-replica". */
  private standsAlone(working: string, start: number, end: number): boolean {
    return (
      !PART_BEFORE.test(working.slice(Math.max(0, start - 2), start)) && !PART_AFTER.test(working.slice(end, end + 2))
    );
  }

  private put(map: Map<string, Set<V>>, key: string, value: V): void {
    const values = map.get(key) ?? new Set<V>();
    values.add(value);
    map.set(key, values);
    for (let n = 1; n <= key.length; n++) this.prefixes.add(key.slice(0, n));
  }
}
