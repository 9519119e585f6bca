/** Noise: one-letter typos and Latin homoglyphs in the names of a few records. */
import { homoglyph, typo } from './names.ts';
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
  holder[field] = r < 0.003 ? typo(rng, v) : homoglyph(rng, v);
}
