import type { ActKindCode } from '../workflow/statuses.ts';

/**
 * When two records may be the same event, per act kind. Configurable data, not code: a registry
 * may tighten or loosen a rule without touching the engine.
 */
export interface DuplicateRule {
  /** The people compared: the subject (child, deceased, person) or both spouses. */
  persons: 'subject' | 'spouses';
  /** Least similarity (0..1, see nameSimilarity) of surname and given name for a candidate. */
  nameSimilarity: number;
  /**
   * A surname no key matches still fits at this Jaro–Winkler similarity of the match keys (a typo,
   * or a keyboard substitute such as Ч for Ҷ), the given name having matched by its keys.
   */
  surnameTypoSimilarity?: number;
  /** How far apart the dates of birth of the compared people may be, in days (0: the same day). */
  birthDateWindowDays: number;
  /** Also compare the mother (births): least similarity of her name, when both records have one. */
  motherSimilarity?: number;
  /** Records citing the same birth record are candidates whatever their names (deaths). */
  sameBirthRecord?: boolean;
}

export const DUPLICATE_RULES: Partial<Record<ActKindCode, DuplicateRule>> = {
  BIRTH: {
    persons: 'subject',
    nameSimilarity: 0.85,
    surnameTypoSimilarity: 0.9,
    birthDateWindowDays: 5,
    motherSimilarity: 0.85,
  },
  DEATH: {
    persons: 'subject',
    nameSimilarity: 0.85,
    surnameTypoSimilarity: 0.9,
    birthDateWindowDays: 0,
    sameBirthRecord: true,
  },
  MARRIAGE: { persons: 'spouses', nameSimilarity: 0.85, birthDateWindowDays: 0 },
  NAME_CHANGE: { persons: 'subject', nameSimilarity: 0.9, birthDateWindowDays: 0 },
};
