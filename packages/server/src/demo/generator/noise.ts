/**
 * Noise: one-letter typos and keyboard substitutes (Ч for Ҷ, typed without a Tajik layout) in the
 * names of a few records. No Latin look-alikes inside a Cyrillic name: the act schemas refuse a word
 * of mixed scripts, so such a name never reaches the registry (a search still folds them in a query).
 */
import { keyboardSubstitutes, typo } from './names.ts';
import type { GenRecord } from './registry.ts';
import type { Rng } from './rng.ts';

export function addNoise(rng: Rng, rec: GenRecord): void {
  const r = rng.next();
  if (r >= 0.006) return;
  const holder = (rec.data.child ?? rec.data.deceased ?? rec.data.husband ?? rec.data.person) as
    | Record<string, unknown>
    | undefined;
  if (!holder) return;
  const field = rng.chance(0.5)
    ? 'name' in holder && !('nameBefore' in holder)
      ? 'name'
      : 'surnameAfter' in holder
        ? 'surnameAfter'
        : 'surname'
    : 'surname' in holder
      ? 'surname'
      : 'surnameAfter';
  const v = holder[field];
  if (typeof v !== 'string') return;
  const substituted = keyboardSubstitutes(v);
  holder[field] = r < 0.003 || substituted === v ? typo(rng, v) : substituted;
}
