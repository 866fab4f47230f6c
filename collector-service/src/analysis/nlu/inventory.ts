/** The live server list indexed once for question understanding: ids, aliases, regions, roles and their synonyms. */
import type { Provider, ServerInfo } from '../../domain/metrics';
import { KeyIndex } from './key-index';
import { CLOUD_REGION, REGION_ALIASES, ROLE_SYNONYMS } from './scope-lexicon';
import { compileTerms } from './terms';

/** Labels whose value is another name operators use for the server. */
const ALIAS_LABELS = new Set([
  'name',
  'hostname',
  'host',
  'instance',
  'nodename',
  'node',
  'instance_name',
  'instancename',
]);

export interface ScopeAlias {
  pattern: RegExp;
  /** The inventory values the words may mean; more than one is ambiguous. */
  values: string[];
}

export interface Inventory {
  readonly servers: ReadonlyMap<string, ServerInfo>;
  readonly serverIndex: KeyIndex<string>;
  readonly regionIndex: KeyIndex<string>;
  readonly roleIndex: KeyIndex<string>;
  readonly labelIndex: KeyIndex<string>;
  readonly roleAliases: readonly ScopeAlias[];
  readonly regionAliases: readonly ScopeAlias[];
  /** Which providers run servers in each region, to settle aliases like "서울" that fit several regions. */
  readonly regionProviders: ReadonlyMap<string, ReadonlySet<Provider>>;
}

const compact = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function serverAliases(server: ServerInfo): string[] {
  const aliases = Object.entries(server.labels ?? {})
    .filter(([key, value]) => ALIAS_LABELS.has(key.toLowerCase()) && typeof value === 'string' && value !== '')
    .map(([, value]) => value);
  const host = server.id.includes(':') ? server.id.slice(0, server.id.lastIndexOf(':')) : server.id;
  if (host !== server.id) aliases.push(host);
  if (/[a-z].*\..*[a-z]/i.test(host)) aliases.push(host.split('.')[0]);
  return aliases;
}

function roleAliases(roles: readonly string[]): ScopeAlias[] {
  return ROLE_SYNONYMS.flatMap(({ names, terms }) => {
    const pattern = compileTerms(terms);
    const wholeName = new RegExp(`^(?:${pattern.source})$`);
    const nameKeys = new Set(names.map(compact));
    const values = roles.filter((role) => nameKeys.has(compact(role)) || wholeName.test(role.toLowerCase()));
    return values.length > 0 ? [{ pattern, values }] : [];
  });
}

/**
 * A place word followed by "region"/"리전" means the cloud region ("서울 리전" is ap-northeast-2,
 * not an on-prem site in Seoul), so that variant is tried first and only matches cloud region ids.
 */
function regionAliases(regions: readonly string[]): ScopeAlias[] {
  return REGION_ALIASES.flatMap(({ terms, matches }) => {
    const values = regions.filter((region) => matches.test(region.toLowerCase()));
    const cloud = values.filter((region) => CLOUD_REGION.test(region.toLowerCase()));
    const aliases: ScopeAlias[] = [];
    if (cloud.length > 0 && cloud.length < values.length) {
      aliases.push({ pattern: compileTerms(terms.map((term) => `${term} ?(region|리전)`)), values: cloud });
    }
    if (values.length > 0) aliases.push({ pattern: compileTerms(terms), values });
    return aliases;
  });
}

/** Indexes the inventory; build it once per server list and reuse it for every question. */
export function buildInventory(servers: readonly ServerInfo[]): Inventory {
  if (!Array.isArray(servers)) throw new TypeError('buildInventory: servers must be an array of ServerInfo');
  const byId = new Map<string, ServerInfo>();
  const serverIndex = new KeyIndex<string>();
  const regionIndex = new KeyIndex<string>();
  const roleIndex = new KeyIndex<string>();
  const labelIndex = new KeyIndex<string>();
  const regionProviders = new Map<string, Set<Provider>>();
  servers.forEach((server, n) => {
    if (typeof server?.id !== 'string' || server.id.trim() === '') {
      throw new TypeError(`buildInventory: server #${n} has no id`);
    }
    byId.set(server.id, server);
    serverIndex.add(server.id, server.id);
    for (const alias of serverAliases(server)) serverIndex.add(alias, server.id);
    if (server.region) {
      regionIndex.add(server.region, server.region);
      const providers = regionProviders.get(server.region) ?? new Set<Provider>();
      providers.add(server.provider);
      regionProviders.set(server.region, providers);
    }
    if (server.role) roleIndex.add(server.role, server.role);
    for (const value of Object.values(server.labels ?? {})) if (typeof value === 'string') labelIndex.add(value, value);
  });
  const regions = [...regionProviders.keys()];
  const roles = [...new Set(servers.map((s) => s.role).filter(Boolean))];
  return {
    servers: byId,
    serverIndex,
    regionIndex,
    roleIndex,
    labelIndex,
    roleAliases: roleAliases(roles),
    regionAliases: regionAliases(regions),
    regionProviders,
  };
}
