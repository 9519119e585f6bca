/**
 * Similarity of two names (one name part each), for ranking search candidates (DOMAIN §5.5, Score).
 * Key equality decides first, in order of strength; otherwise Jaro–Winkler on the match keys.
 */
import { type NameKeys, nameKeys } from './match-keys.ts';
import type { NormalizeOptions } from './normalize.ts';

/** Why two names were found similar, strongest first. */
export type SimilarityReason = 'exact' | 'match-key' | 'loose' | 'stem' | 'fuzzy';

export interface NameSimilarity {
  /** 0..1; every key equality outranks every fuzzy score. */
  score: number;
  reason: SimilarityReason;
  /** Raw Jaro–Winkler similarity of the two match keys, for callers that weight it themselves. */
  jaroWinkler: number;
}

/**
 * Scores per reason. Loose equality (a spelling variant: Jamshed/Jamshid) outranks stem equality
 * (a legal change of surname: Rahimov/Rahimzoda); the second-pass u→a key ranks just below stem.
 * A fuzzy score is Jaro–Winkler scaled into [0, FUZZY_MAX_SCORE], below every key equality.
 */
export const SIMILARITY_SCORES = {
  exact: 1,
  'match-key': 0.95,
  loose: 0.9,
  stem: 0.85,
  secondPass: 0.82,
} as const;
export const FUZZY_MAX_SCORE = 0.8;

/**
 * Whether two different strings are one typo apart: one letter wrong, missing or extra, or two
 * neighbours swapped (Damerau–Levenshtein distance 1), on code points.
 */
export function oneEditApart(a: string, b: string): boolean {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > 1) return false;
  let i = 0;
  while (i < s.length && i < t.length && s[i] === t[i]) i++;
  if (i === s.length && i === t.length) return false;
  const rest = (x: number, y: number) => s.slice(x).join('') === t.slice(y).join('');
  if (s.length === t.length)
    return rest(i + 1, i + 1) || (s[i] === t[i + 1] && s[i + 1] === t[i] && rest(i + 2, i + 2));
  return s.length > t.length ? rest(i + 1, i) : rest(i, i + 1);
}

/**
 * Jaro–Winkler similarity (prefix scale 0.1, prefix of up to 4, boost only above a Jaro of 0.7),
 * on code points. Two empty strings are identical (1); one empty string matches nothing (0).
 */
export function jaroWinkler(a: string, b: string): number {
  const s1 = [...a];
  const s2 = [...b];
  if (s1.length === 0 && s2.length === 0) return 1;
  if (s1.length === 0 || s2.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(s1.length, s2.length) / 2) - 1);
  const used2 = new Array<boolean>(s2.length).fill(false);
  const matched1: string[] = [];
  const matchedAt1: boolean[] = new Array<boolean>(s1.length).fill(false);
  for (let i = 0; i < s1.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(s2.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!used2[j] && s1[i] === s2[j]) {
        used2[j] = true;
        matchedAt1[i] = true;
        break;
      }
    }
  }
  for (let i = 0; i < s1.length; i++) if (matchedAt1[i]) matched1.push(s1[i]!);
  const m = matched1.length;
  if (m === 0) return 0;
  const matched2 = s2.filter((_, j) => used2[j]);
  let halfTranspositions = 0;
  for (let k = 0; k < m; k++) if (matched1[k] !== matched2[k]) halfTranspositions++;
  const t = halfTranspositions / 2;
  const jaro = (m / s1.length + m / s2.length + (m - t) / m) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  while (prefix < 4 && prefix < s1.length && prefix < s2.length && s1[prefix] === s2[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Similarity of two names from their precomputed keys (as stored in the search index). */
export function keySimilarity(a: NameKeys, b: NameKeys): NameSimilarity {
  const jw = jaroWinkler(a.matchKey, b.matchKey);
  if (a.matchKey === '' || b.matchKey === '') return { score: 0, reason: 'fuzzy', jaroWinkler: 0 };
  if (a.normalized === b.normalized)
    return { score: SIMILARITY_SCORES.exact, reason: 'exact', jaroWinkler: jw };
  if (a.matchKey === b.matchKey)
    return { score: SIMILARITY_SCORES['match-key'], reason: 'match-key', jaroWinkler: jw };
  if (a.looseKey === b.looseKey) return { score: SIMILARITY_SCORES.loose, reason: 'loose', jaroWinkler: jw };
  if (a.stemKey === b.stemKey) return { score: SIMILARITY_SCORES.stem, reason: 'stem', jaroWinkler: jw };
  if (a.secondPassKey === b.secondPassKey)
    return { score: SIMILARITY_SCORES.secondPass, reason: 'loose', jaroWinkler: jw };
  return { score: FUZZY_MAX_SCORE * jw, reason: 'fuzzy', jaroWinkler: jw };
}

/**
 * How similar two names are, 0..1, and why: exact (same cleaned text) > match-key > loose > stem >
 * fuzzy (Jaro–Winkler on match keys). Names with no letters score 0.
 *
 * @example nameSimilarity('Раҳимов', 'Rakhimov') → { score: 0.95, reason: 'match-key' }
 */
export function nameSimilarity(a: string, b: string, opts: NormalizeOptions = {}): NameSimilarity {
  return keySimilarity(nameKeys(a, opts), nameKeys(b, opts));
}
