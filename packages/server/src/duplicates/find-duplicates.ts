import {
  addDays,
  DUPLICATE_RULES,
  type DuplicateRule,
  FUZZY_MAX_SCORE,
  getActKind,
  isPlainDate,
  jaroWinkler,
  keySimilarity,
  type NameKeys,
  nameKeys,
  type PersonEntry,
  SIMILARITY_SCORES,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface DuplicateCandidate {
  candidateId: string;
  score: number;
  reasons: string[];
}

interface StoredPerson {
  record_id: string;
  role: string;
  surname: string | null;
  given_name: string | null;
  birth_date: string | null;
}

const comparedRoles = (rule: DuplicateRule) => (rule.persons === 'subject' ? ['subject'] : ['spouse']);

function similarity(a: string | undefined | null, b: string | undefined | null) {
  if (!a || !b) return undefined;
  return keySimilarity(nameKeys(a), nameKeys(b));
}

function daysApart(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/** Whether one stored person is, by the rule, possibly the same as the asked one; with the score and reasons. */
export function comparePerson(rule: DuplicateRule, asked: PersonEntry, stored: StoredPerson) {
  const name = similarity(asked.name, stored.given_name);
  const surname = similarity(asked.surname, stored.surname);
  if (!name || name.score < rule.nameSimilarity) return undefined;
  const surnameFits =
    !surname ||
    surname.score >= rule.nameSimilarity ||
    (rule.surnameTypoSimilarity !== undefined && surname.jaroWinkler >= rule.surnameTypoSimilarity);
  if (!surnameFits) return undefined;
  const reasons = [`name:${name.reason}`];
  if (surname) reasons.push(`surname:${surname.reason}`);
  let dateScore = 0.5;
  if (
    asked.birthDate &&
    stored.birth_date &&
    isPlainDate(asked.birthDate) &&
    isPlainDate(stored.birth_date)
  ) {
    const apart = daysApart(asked.birthDate, stored.birth_date);
    if (apart > rule.birthDateWindowDays) return undefined;
    dateScore = 1 - apart / (rule.birthDateWindowDays + 1);
    reasons.push(apart === 0 ? 'birth-date:same' : `birth-date:${apart}d`);
  } else if (
    asked.birthDate &&
    stored.birth_date &&
    asked.birthDate.slice(0, 4) !== stored.birth_date.slice(0, 4)
  ) {
    return undefined;
  }
  const score = 0.4 * name.score + 0.4 * (surname?.score ?? name.score) + 0.2 * dateScore;
  return { score, reasons };
}

/** People with the asked given name read from the index: their surname keys, for a first filter. */
export interface BlockedPerson {
  id: number;
  role: string;
  historical: boolean;
  surname_key: string | null;
  surname_loose: string | null;
  surname_stem: string | null;
}

/** Rows with the asked given name and date read per check: every role and kind, bounded for the commonest names. */
const MAX_BLOCK_ROWS = 5000;

/**
 * Whether a stored surname may pass `comparePerson`, judged on its stored keys alone: equal by a key,
 * or close enough by Jaro–Winkler to score as the rule asks. A rule loose enough to accept the
 * second-pass key (not stored) lets every surname through to the full comparison.
 */
export function surnameMayFit(rule: DuplicateRule, asked: NameKeys | undefined, p: BlockedPerson): boolean {
  if (!asked || !p.surname_key || rule.nameSimilarity <= SIMILARITY_SCORES.secondPass) return true;
  if (p.surname_key === asked.matchKey || p.surname_loose === asked.looseKey) return true;
  if (p.surname_stem === asked.stemKey && SIMILARITY_SCORES.stem >= rule.nameSimilarity) return true;
  const typo = Math.min(rule.surnameTypoSimilarity ?? 1, rule.nameSimilarity / FUZZY_MAX_SCORE);
  return jaroWinkler(asked.matchKey, p.surname_key) >= typo;
}

/**
 * Records that may be the same event as this one, by the kind's duplicate rule: blocked on the
 * given name's loose key and the date of birth, then compared name by name (and mother,
 * for births). Pairs the back office has already judged are left out.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  record: { id: string; kind: string; data: unknown },
  against: readonly string[] = ['submitted', 'validated', 'registered'],
): Promise<DuplicateCandidate[]> {
  const rule = DUPLICATE_RULES[record.kind as keyof typeof DUPLICATE_RULES];
  const def = getActKind(record.kind);
  if (!rule || !def) return [];
  const people = def.persons(record.data as never);
  const compared = people.filter((p) => !p.historical && comparedRoles(rule).includes(p.role) && p.name);
  const first = compared[0];
  if (!first?.name) return [];
  // Blocking: the given name's loose key (covering its match key too) and the date of birth, read
  // from the index that carries the surname keys; then the full rows of those whose surname may fit.
  const keys = nameKeys(first.name);
  let block = db
    .selectFrom('record_persons as p')
    .select(['p.id', 'p.role', 'p.historical', 'p.surname_key', 'p.surname_loose', 'p.surname_stem'])
    .where('p.name_loose', '=', keys.looseKey);
  if (first.birthDate && isPlainDate(first.birthDate)) {
    block = block
      .where('p.birth_date', '>=', addDays(first.birthDate, -rule.birthDateWindowDays))
      .where('p.birth_date', '<=', addDays(first.birthDate, rule.birthDateWindowDays));
  } else if (first.birthDate) {
    block = block.where('p.birth_year', '=', Number(first.birthDate.slice(0, 4)));
  }
  const surname = first.surname ? nameKeys(first.surname) : undefined;
  const blocked = (await block.limit(MAX_BLOCK_ROWS).execute()).filter(
    (p) => !p.historical && comparedRoles(rule).includes(p.role) && surnameMayFit(rule, surname, p),
  );
  const rows = blocked.length
    ? await db
        .selectFrom('record_persons as p')
        .innerJoin('records as r', 'r.id', 'p.record_id')
        .select(['p.record_id', 'p.role', 'p.surname', 'p.given_name', 'p.birth_date'])
        .where(
          'p.id',
          'in',
          blocked.map((p) => p.id),
        )
        .where('r.kind', '=', record.kind)
        .where('r.id', '!=', record.id)
        .where('r.status', 'in', [...against])
        .execute()
    : [];
  const found = new Map<string, DuplicateCandidate>();
  for (const row of rows) {
    const hit = comparePerson(rule, first, row);
    if (!hit) continue;
    const prev = found.get(row.record_id);
    if (!prev || hit.score > prev.score) found.set(row.record_id, { candidateId: row.record_id, ...hit });
  }
  // The other spouse, the mother: both must fit too where both records name them.
  const second = compared[1];
  const mother = people.find((p) => p.role === 'mother');
  // one query for the people of every candidate, not one per candidate
  const everyone = found.size
    ? await db
        .selectFrom('record_persons')
        .select(['record_id', 'role', 'surname', 'given_name', 'birth_date'])
        .where('record_id', 'in', [...found.keys()])
        .where('historical', '=', false)
        .execute()
    : [];
  for (const c of [...found.values()]) {
    const others = everyone.filter((o) => o.record_id === c.candidateId);
    if (second) {
      const fits = others.some(
        (o) => comparedRoles(rule).includes(o.role) && o.given_name && comparePerson(rule, second, o),
      );
      if (!fits) found.delete(c.candidateId);
      else c.reasons.push('second-spouse');
    }
    if (rule.motherSimilarity && mother?.name) {
      const theirs = others.find((o) => o.role === 'mother');
      if (theirs?.given_name) {
        const sim = similarity(mother.name, theirs.given_name);
        if (!sim || sim.score < rule.motherSimilarity) found.delete(c.candidateId);
        else c.reasons.push(`mother:${sim.reason}`);
      }
    }
  }
  if (rule.sameBirthRecord) {
    const birthRecordId = (record.data as { deceased?: { birthRecordId?: string } }).deceased?.birthRecordId;
    if (birthRecordId) {
      const same = await db
        .selectFrom('records')
        .select('id')
        .where('kind', '=', record.kind)
        .where('id', '!=', record.id)
        .where('status', 'in', [...against])
        .where(sql<string>`data->'deceased'->>'birthRecordId'`, '=', birthRecordId)
        .execute();
      for (const s of same) found.set(s.id, { candidateId: s.id, score: 1, reasons: ['same-birth-record'] });
    }
  }
  if (found.size === 0) return [];
  const judged = await db
    .selectFrom('duplicate_candidates')
    .select(['candidate_id'])
    .where('record_id', '=', record.id)
    .where('status', '!=', 'open')
    .execute();
  for (const j of judged) found.delete(j.candidate_id);
  return [...found.values()]
    .map((c) => ({ ...c, score: Math.round(c.score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score);
}
