/**
 * Keeps servers of different collectors apart when they report the same id: the first collector
 * to report an id keeps it; another collector's server of that name is stored as `<id>@<provider>`.
 * Claims persist (seeded from the inventory at start), so ids never flip between runs.
 */
import type { CollectionResult } from '../domain/collector';
import type { ServerInfo } from '../domain/metrics';

export class ServerIdentity {
  private readonly owner = new Map<string, string>();

  /** `existing`: the stored inventory, whose ids are already owned by their collectors. */
  constructor(existing: Array<Pick<ServerInfo, 'id' | 'collector'>> = []) {
    for (const s of existing) this.owner.set(s.id, s.collector);
  }

  /** The id a collector's server is stored under. */
  resolve(collector: string, server: Pick<ServerInfo, 'id' | 'provider'>): string {
    const owner = this.owner.get(server.id);
    if (owner === undefined) {
      this.owner.set(server.id, collector);
      return server.id;
    }
    if (owner === collector) return server.id;
    const qualified = `${server.id}@${server.provider}`;
    if (!this.owner.has(qualified)) this.owner.set(qualified, collector);
    return qualified;
  }

  /** The result with every id resolved; unchanged when no id collides. */
  apply(collector: string, result: CollectionResult): CollectionResult {
    let renamed: Map<string, string> | null = null;
    for (const s of result.servers) {
      const id = this.resolve(collector, s);
      if (id !== s.id) (renamed ??= new Map()).set(s.id, id);
    }
    if (renamed === null) return result;
    const ids = renamed;
    const rename = (id: string) => ids.get(id) ?? id;
    return {
      servers: result.servers.map((s) => ({ ...s, id: rename(s.id) })),
      samples: result.samples.map((s) => ({ ...s, serverId: rename(s.serverId) })),
      unreachable: result.unreachable.map(rename),
      series: result.series?.map((s) => ({ ...s, serverId: rename(s.serverId) })),
      notices: result.notices,
    };
  }
}
