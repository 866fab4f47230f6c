/** Finds the provider, region and role a question is scoped to, resolved against the inventory. */
import { PROVIDERS, type Provider } from '../../domain/metrics';
import type { Inventory, ScopeAlias } from './inventory';
import { PROVIDER_TERMS } from './scope-lexicon';
import { compileTerms } from './terms';
import { consume, findAll, type QuestionText } from './text';

const PROVIDER_PATTERNS = PROVIDERS.map((provider) => [provider, compileTerms(PROVIDER_TERMS[provider])] as const);

export interface Scope {
  provider: Provider | null;
  region: string | null;
  role: string | null;
  /** Region/role words that fit several inventory entries, or a second provider/region/role. */
  unresolved: Array<{ start: number; end: number }>;
  /** A region id (not a city or continent word) was typed. */
  regionById: boolean;
}

interface Found<V> {
  start: number;
  end: number;
  values: V[];
}

function aliasMentions(text: QuestionText, aliases: readonly ScopeAlias[]): Found<string>[] {
  const found: Found<string>[] = [];
  for (const alias of aliases) {
    for (const span of findAll(alias.pattern, text.working)) {
      found.push({ ...span, values: alias.values });
      consume(text, span);
    }
  }
  return found;
}

/** The first single value mentioned; later different values and unsettled ambiguities go to `unresolved`. */
function settle<V>(found: Found<V>[], narrow: (values: V[]) => V[], unresolved: Scope['unresolved']): V | null {
  let chosen: V | null = null;
  for (const mention of found.sort((a, b) => a.start - b.start)) {
    const values = mention.values.length > 1 ? narrow(mention.values) : mention.values;
    if (values.length !== 1) unresolved.push(mention);
    else if (chosen === null) chosen = values[0];
    else if (chosen !== values[0]) unresolved.push(mention);
  }
  return chosen;
}

/** Region ids, role names and label values exactly as the inventory holds them. */
export interface KnownNames {
  regionIds: Found<string>[];
  roleNames: Found<string>[];
}

/** Consumes the inventory's own region, role and label names, so they are never taken for unknown server ids. */
export function extractKnownNames(text: QuestionText, inventory: Inventory): KnownNames {
  const regionIds = inventory.regionIndex.scan(text);
  regionIds.forEach((m) => consume(text, m));
  inventory.labelIndex.scan(text).forEach((m) => consume(text, m));
  const roleNames = inventory.roleIndex.scan(text);
  roleNames.forEach((m) => consume(text, m));
  return { regionIds, roleNames };
}

/** Provider, region and role from the known names plus provider words and region/role synonyms. */
export function extractScope(text: QuestionText, inventory: Inventory, { regionIds, roleNames }: KnownNames): Scope {
  const unresolved: Scope['unresolved'] = [];
  const providers: Found<Provider>[] = [];
  for (const [provider, pattern] of PROVIDER_PATTERNS) {
    for (const span of findAll(pattern, text.working)) {
      providers.push({ ...span, values: [provider] });
      consume(text, span);
    }
  }
  const regionWords = aliasMentions(text, inventory.regionAliases);
  const roleWords = aliasMentions(text, inventory.roleAliases);

  const provider = settle(providers, (v) => v, unresolved);
  const inProvider = (region: string) =>
    provider === null || (inventory.regionProviders.get(region)?.has(provider) ?? false);
  const region = settle([...regionIds, ...regionWords], (values) => values.filter(inProvider), unresolved);
  const role = settle([...roleNames, ...roleWords], (values) => values, unresolved);
  return { provider, region, role, unresolved, regionById: regionIds.length > 0 };
}
