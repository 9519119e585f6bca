import {
  addDays,
  DUPLICATE_RULES,
  type DuplicateRule,
  getActKind,
  isPlainDate,
  keySimilarity,
  nameKeys,
  type PersonEntry,
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

/**
 * Records that may be the same event as this one, by the kind's duplicate rule: blocked on the
 * given name's match or loose key and the date of birth, then compared name by name (and mother,
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
  const keys = nameKeys(first.name);
  let q = db
    .selectFrom('record_persons as p')
    .innerJoin('records as r', 'r.id', 'p.record_id')
    .select(['p.record_id', 'p.role', 'p.surname', 'p.given_name', 'p.birth_date'])
    .where('r.kind', '=', record.kind)
    .where('r.id', '!=', record.id)
    .where('r.status', 'in', [...against])
    .where('p.historical', '=', false)
    .where('p.role', 'in', comparedRoles(rule))
    .where((eb) => eb.or([eb('p.name_key', '=', keys.matchKey), eb('p.name_loose', '=', keys.looseKey)]));
  if (first.birthDate && isPlainDate(first.birthDate)) {
    q = q
      .where('p.birth_date', '>=', addDays(first.birthDate, -rule.birthDateWindowDays))
      .where('p.birth_date', '<=', addDays(first.birthDate, rule.birthDateWindowDays));
  } else if (first.birthDate) {
    q = q.where('p.birth_year', '=', Number(first.birthDate.slice(0, 4)));
  }
  const rows = await q.limit(200).execute();
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
