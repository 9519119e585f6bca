import { jaroWinkler, keySimilarity, type NameKeys, nameForm, nameKeys, oneEditApart } from '@sabt/core';

/** The name parts asked for, as keys; free-text words are tried against every part. */
export interface AskedName {
  surname?: NameKeys | undefined;
  name?: NameKeys | undefined;
  patronymic?: NameKeys | undefined;
  words: NameKeys[];
  /** Broad mode: a legal change of surname (Раҳимов → Раҳимзода) counts as a match. */
  broad: boolean;
}

/** A stored person as search reads it from `record_persons`. */
export interface PersonCandidate {
  record_id: string;
  role: string;
  historical: boolean;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  /** A name from what an adoption sealed (see policies/sealing.ts). */
  sealed?: boolean;
}

/** The stored keys of a person, for a cheap first filter before full scoring. */
export interface StoredKeys {
  surname_key: string | null;
  name_key: string | null;
  patronymic_key: string | null;
  surname_loose: string | null;
  name_loose: string | null;
  surname_stem: string | null;
}

const PARTS = ['surname', 'name', 'patronymic'] as const;
type Part = (typeof PARTS)[number];
const WEIGHTS: Record<Part, number> = { surname: 0.4, name: 0.4, patronymic: 0.2 };

/**
 * A typo, not a different name: fuzzy matches count only this close (Jaro–Winkler on match keys).
 * When the date of birth matches exactly, one wrong, missing or extra letter in a short name is
 * still the same person (Лоа for Лола, Нясир for Носир); without the date it is too loose.
 * Two asked parts may both be typos only if each is a single slip (one letter wrong, missing, extra
 * or swapped: Хсуейнова Пярвина for Ҳусейнова Парвина); a surname and a given name both merely
 * similar are a different person, however high Jaro–Winkler rates them (Саидов Абдулло for Содиқов
 * Ибодулло: 0.92, 0.90).
 */
export const TYPO_SIMILARITY = 0.9;
export const TYPO_SIMILARITY_SAME_DATE = 0.8;

/** Whether a similarity counts as a match, and whether only as a typo. */
function judge(sim: ReturnType<typeof keySimilarity>, broad: boolean, cutoff: number): 'key' | 'typo' | 'no' {
  if (sim.reason === 'stem') return broad ? 'key' : 'no';
  if (sim.reason !== 'fuzzy') return 'key';
  return sim.jaroWinkler >= cutoff ? 'typo' : 'no';
}

/**
 * A surname or patronymic in the other sex's form (Раҳимова, Rakhimova when Раҳимов was asked)
 * scores this much below the asked form: the match keys fold the two into one, so without it they
 * tie. Below every key match of the asked form, above a loose spelling of the other.
 */
export const OTHER_FORM_PENALTY = 0.04;

/** Whether a stored surname or patronymic is in the other sex's form than the asked one. */
function otherForm(part: Part | '', a: NameKeys, b: NameKeys): boolean {
  if (part !== 'surname' && part !== 'patronymic') return false;
  const asked = nameForm(a.latin);
  const stored = nameForm(b.latin);
  return !!asked && !!stored && asked !== stored;
}

/** Name keys memoised for one search: namesakes share spellings, and keying is the costly part of scoring. */
export function keysMemo(): (name: string) => NameKeys {
  const memo = new Map<string, NameKeys>();
  return (name) => {
    let k = memo.get(name);
    if (!k) {
      k = nameKeys(name);
      memo.set(name, k);
    }
    return k;
  };
}

const storedParts = (p: PersonCandidate): Record<Part, string | null> => ({
  surname: p.surname,
  name: p.given_name,
  patronymic: p.patronymic,
});

/**
 * Whether a stored person may fit the asked name, judged on the stored keys alone (no
 * re-normalisation): every asked part within the typo cutoff or equal by a key, and some free-text
 * word close to some part. Full scoring follows for the few that pass.
 */
export function mayFit(asked: AskedName, p: StoredKeys, cutoff: number): boolean {
  const close = (a: NameKeys, key: string | null, loose: string | null, stem?: string | null) =>
    !!key &&
    (key === a.matchKey ||
      loose === a.looseKey ||
      (asked.broad && stem === a.stemKey) ||
      jaroWinkler(a.matchKey, key) >= cutoff);
  if (asked.surname && !close(asked.surname, p.surname_key, p.surname_loose, p.surname_stem)) return false;
  if (asked.name && !close(asked.name, p.name_key, p.name_loose)) return false;
  if (asked.patronymic && p.patronymic_key && !close(asked.patronymic, p.patronymic_key, null)) return false;
  return (
    asked.words.length === 0 ||
    asked.words.some(
      (w) =>
        close(w, p.surname_key, p.surname_loose, p.surname_stem) ||
        close(w, p.name_key, p.name_loose) ||
        close(w, p.patronymic_key, null),
    )
  );
}

export interface Scored {
  score: number;
  reasons: string[];
  /** Some part matched only as a similar name, not by a key nor as a single slip of one. */
  similarOnly: boolean;
}

/**
 * Scores one stored person against the asked name: the weighted similarity of the asked parts and
 * the best-fitting part for each free-text word, with the reasons, and whether some part is only a
 * similar name (not a key match nor a single slip); null when an asked part does not match.
 */
export function scorePerson(
  asked: AskedName,
  p: PersonCandidate,
  opts: { sameDate: boolean; keys?: (name: string) => NameKeys },
): Scored | null {
  const cutoff = opts.sameDate ? TYPO_SIMILARITY_SAME_DATE : TYPO_SIMILARITY;
  const stored = storedParts(p);
  const keyed = opts.keys ?? nameKeys;
  const keys: Record<Part, NameKeys | undefined> = {
    surname: p.surname ? keyed(p.surname) : undefined,
    name: p.given_name ? keyed(p.given_name) : undefined,
    patronymic: p.patronymic ? keyed(p.patronymic) : undefined,
  };
  let total = 0;
  let weight = 0;
  let typos = 0;
  let slipsOnly = true;
  const reasons: string[] = [];
  const done = (score: number): Scored => ({ score, reasons, similarOnly: !slipsOnly });
  for (const part of PARTS) {
    const a = asked[part];
    if (!a) continue;
    weight += WEIGHTS[part];
    const k = keys[part];
    if (!stored[part] || !k) continue;
    const sim = keySimilarity(a, k);
    const verdict = judge(sim, asked.broad, cutoff);
    if (verdict === 'no') return null;
    if (verdict === 'typo') {
      typos++;
      slipsOnly &&= oneEditApart(a.matchKey, k.matchKey);
      if (typos > 1 && !slipsOnly) return null;
    }
    const form = otherForm(part, a, k) ? OTHER_FORM_PENALTY : 0;
    total += WEIGHTS[part] * (sim.score - form);
    reasons.push(`${part}:${sim.reason}`);
  }
  const partScore = weight > 0 ? total / weight : undefined;
  if (asked.words.length === 0) return partScore === undefined ? null : done(partScore);

  // free text: each word takes the best-fitting part of the stored name
  let sum = 0;
  for (const w of asked.words) {
    let top = { score: 0, reason: '', part: '', slip: true };
    for (const part of PARTS) {
      const k = keys[part];
      if (!k) continue;
      const sim = keySimilarity(w, k);
      const verdict = judge(sim, asked.broad, cutoff);
      if (verdict === 'no') continue;
      const score = sim.score - (otherForm(part, w, k) ? OTHER_FORM_PENALTY : 0);
      if (score > top.score)
        top = {
          score,
          reason: sim.reason,
          part,
          slip: verdict === 'key' || oneEditApart(w.matchKey, k.matchKey),
        };
    }
    sum += top.score;
    if (top.part) reasons.push(`${top.part}:${top.reason}`);
    slipsOnly &&= top.slip;
  }
  const textScore = sum / asked.words.length;
  return done(partScore === undefined ? textScore : (partScore + textScore) / 2);
}
