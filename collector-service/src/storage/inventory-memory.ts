/**
 * The inventory (`servers`) in memory: loaded once, then kept current by every write with the same
 * rules as the database's upsert, so reads of servers need no database round-trip.
 */
import type { ServerRecord } from '../domain/server-state';

export interface InventoryFilter {
  provider?: string;
  region?: string;
  role?: string;
  ids?: string[];
}

export class InventoryMemory {
  private readonly byId = new Map<string, ServerRecord>();
  private sorted: ServerRecord[] | null = null;
  loaded = false;

  /** Replaces everything with the stored inventory. */
  load(records: readonly ServerRecord[]): void {
    this.byId.clear();
    for (const r of records) this.byId.set(r.id, r);
    this.sorted = null;
    this.loaded = true;
  }

  /** Applies a write's upserts: newest state wins, an older sample never moves it backwards. */
  apply(records: readonly ServerRecord[]): void {
    for (const next of records) {
      const prev = this.byId.get(next.id);
      const nextSeen = next.lastSeenAt?.getTime() ?? null;
      const prevSeen = prev?.lastSeenAt?.getTime() ?? null;
      const newer = nextSeen !== null && (prevSeen === null || nextSeen >= prevSeen);
      const keepPrev = prev !== undefined && !newer;
      // Records are never changed in place: one that is complete and newest is kept as it is, not copied.
      if (!keepPrev && next.labels) {
        this.byId.set(next.id, next);
        continue;
      }
      this.byId.set(next.id, {
        ...next,
        labels: next.labels ?? {},
        lastSeenAt: keepPrev ? prev.lastSeenAt : next.lastSeenAt,
        lastStatus: keepPrev ? prev.lastStatus : next.lastStatus,
      });
    }
    if (records.length > 0) this.sorted = null;
  }

  get(id: string): ServerRecord | null {
    return this.byId.get(id) ?? null;
  }

  /** Records matching the filter, ordered by id. */
  list(filter: InventoryFilter = {}): ServerRecord[] {
    if (filter.ids) {
      return [...new Set(filter.ids)]
        .map((id) => this.byId.get(id))
        .filter((r): r is ServerRecord => r !== undefined && matches(r, filter))
        .sort(byId);
    }
    this.sorted ??= [...this.byId.values()].sort(byId);
    if (filter.provider === undefined && filter.region === undefined && filter.role === undefined)
      return [...this.sorted];
    return this.sorted.filter((r) => matches(r, filter));
  }
}

const byId = (a: ServerRecord, b: ServerRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function matches(r: ServerRecord, f: InventoryFilter): boolean {
  return (
    (f.provider === undefined || r.provider === f.provider) &&
    (f.region === undefined || r.region === f.region) &&
    (f.role === undefined || r.role === f.role)
  );
}
