import { DEFAULT_FEE_VERSIONS } from './defaults.ts';
import { type FeeItemKind, type FeeVersion, type FeeVersionOf, itemOf } from './versions.ts';

/**
 * The rules in effect: the shipped defaults overlaid by the versions the central department
 * stored. Of an item's versions in force on a date (validFrom ≤ date < validTo), the one with the
 * latest validFrom wins; on the same day a stored version beats a shipped one, and a later stored
 * one an earlier one (a correction of a version not yet in force). Nothing is removed: a version
 * that ends (validTo) lets the one before it apply again.
 */
export interface FeeRules {
  readonly versions: readonly FeeVersion[];
  readonly byItem: ReadonlyMap<string, readonly FeeVersion[]>;
}

/** Stored version ids are `v<n>`: ordered by n. */
const storedSeq = (v: FeeVersion) => (v.source === 'stored' ? Number(v.id.slice(1)) || 0 : -1);

/** Higher first: later validFrom, then stored over shipped, then later stored. */
function compare(a: FeeVersion, b: FeeVersion): number {
  if (a.validFrom !== b.validFrom) return a.validFrom < b.validFrom ? 1 : -1;
  if (a.source !== b.source) return a.source === 'stored' ? -1 : 1;
  return storedSeq(b) - storedSeq(a);
}

/**
 * The rule set: the defaults and the stored versions; with `knownAt` (an ISO moment), only the
 * versions stored by then, so a fee computed then is computed again alike.
 */
export function feeRules(stored: readonly FeeVersion[] = [], options: { knownAt?: string } = {}): FeeRules {
  const knownAt = options.knownAt ? Date.parse(options.knownAt) : null;
  const kept = stored.filter(
    (v) => knownAt === null || v.recordedAt === null || Date.parse(v.recordedAt) <= knownAt,
  );
  const versions = [...DEFAULT_FEE_VERSIONS, ...kept];
  const byItem = new Map<string, FeeVersion[]>();
  for (const v of versions) {
    const k = itemOf(v);
    const list = byItem.get(k) ?? [];
    list.push(v);
    byItem.set(k, list);
  }
  for (const list of byItem.values()) list.sort(compare);
  return { versions, byItem };
}

const inForce = (v: FeeVersion, date: string) =>
  v.validFrom <= date && (v.validTo === null || date < v.validTo);

/** The version of an item in force on a date, or null. */
export function versionAt<K extends FeeItemKind>(
  rules: FeeRules,
  kind: K,
  key: string,
  date: string,
): FeeVersionOf<K> | null {
  const list = rules.byItem.get(`${kind}:${key}`) ?? [];
  return (list.find((v) => inForce(v, date)) as FeeVersionOf<K> | undefined) ?? null;
}

/** Every item of a kind in force on a date (its version then), by key. */
export function itemsAt<K extends FeeItemKind>(rules: FeeRules, kind: K, date: string): FeeVersionOf<K>[] {
  const out: FeeVersionOf<K>[] = [];
  for (const [item, list] of rules.byItem) {
    if (!item.startsWith(`${kind}:`)) continue;
    const v = list.find((x) => inForce(x, date));
    if (v) out.push(v as FeeVersionOf<K>);
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** An item's versions, the winning order first (latest validFrom …). */
export function versionsOf(rules: FeeRules, kind: FeeItemKind, key: string): readonly FeeVersion[] {
  return rules.byItem.get(`${kind}:${key}`) ?? [];
}
