/** Memoised name keys, so that search rows are computed as `indexRecord` does, each name once. */
import { type NameKeys, nameKeys } from '@sabt/core';

const keyCache = new Map<string, NameKeys>();
export function cachedKeys(s: string): NameKeys {
  let k = keyCache.get(s);
  if (!k) {
    if (keyCache.size > 500_000) keyCache.clear();
    k = nameKeys(s);
    keyCache.set(s, k);
  }
  return k;
}
