import {
  keySimilarity,
  type NameKeys,
  nameKeys,
  normalizeDocumentNumber,
  SEALED_READERS,
  type Status,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';

export interface SearchQuery {
  q?: string | undefined;
  surname?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
  birthDate?: string | undefined;
  birthYear?: number | undefined;
  mother?: string | undefined;
  father?: string | undefined;
  kind?: string | undefined;
  status?: Status | undefined;
  office?: string | undefined;
  place?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  actNumber?: number | undefined;
  year?: number | undefined;
  nationalId?: string | undefined;
  document?: string | undefined;
  mode?: 'exact' | 'broad' | undefined;
  limit?: number | undefined;
}

export interface SearchHit {
  recordId: string;
  score: number;
  reasons: string[];
  person: {
    role: string;
    surname: string | null;
    name: string | null;
    patronymic: string | null;
    birthDate: string | null;
    historical: boolean;
  } | null;
}

const WEIGHTS = { surname: 0.4, name: 0.4, patronymic: 0.2 } as const;
type Part = keyof typeof WEIGHTS;

interface PersonCandidate {
  record_id: string;
  role: string;
  historical: boolean;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
}

const keysOrUndefined = (s: string | undefined) => {
  const k = s?.trim() ? nameKeys(s) : undefined;
  return k?.matchKey ? k : undefined;
};

/** A typo, not a different name: fuzzy matches count only this close (Jaro–Winkler on match keys). */
const TYPO_SIMILARITY = 0.9;

/** Whether a part similarity counts as a match: stems (legal surname changes) only in broad mode. */
function counts(sim: ReturnType<typeof keySimilarity>, broad: boolean): boolean {
  if (sim.reason === 'stem') return broad;
  if (sim.reason === 'fuzzy') return sim.jaroWinkler >= TYPO_SIMILARITY;
  return true;
}

/** Scores one stored person against the asked name parts: weighted similarity with the reasons; null when a part does not match. */
function scorePerson(asked: Partial<Record<Part, NameKeys>>, p: PersonCandidate, broad: boolean) {
  let total = 0;
  let weight = 0;
  const reasons: string[] = [];
  const stored: Record<Part, string | null> = {
    surname: p.surname,
    name: p.given_name,
    patronymic: p.patronymic,
  };
  for (const part of ['surname', 'name', 'patronymic'] as const) {
    const a = asked[part];
    if (!a) continue;
    weight += WEIGHTS[part];
    const s = stored[part];
    if (!s) continue;
    const sim = keySimilarity(a, nameKeys(s));
    if (!counts(sim, broad)) return null;
    total += WEIGHTS[part] * sim.score;
    reasons.push(`${part}:${sim.reason}`);
  }
  return { score: weight > 0 ? total / weight : 0, reasons };
}

/**
 * Finds records by any name in any script or spelling (match keys, then stems in broad mode,
 * then trigrams for typos), by numbers and documents, ranked by match quality with the reasons.
 * Sealed names are searched only for roles that may see sealed data.
 */
export async function searchRecords(
  db: Kysely<Database>,
  actor: Actor,
  q: SearchQuery,
): Promise<SearchHit[]> {
  const limit = Math.min(q.limit ?? 20, 100);
  const seeSealed = SEALED_READERS.includes(actor.role);
  const scope = (query: ReturnType<typeof baseRecords>) => {
    let r = query.where('r.office_path', 'like', `${actor.officePath}%`);
    if (q.kind) r = r.where('r.kind', '=', q.kind);
    if (q.status) r = r.where('r.status', '=', q.status);
    if (q.office) r = r.where('r.office_id', '=', q.office);
    if (q.place) r = r.where('r.place_unit', '=', q.place);
    if (q.from) r = r.where('r.event_date', '>=', q.from);
    if (q.to) r = r.where('r.event_date', '<=', `${q.to}~`);
    return r;
  };
  const baseRecords = () => db.selectFrom('records as r');

  // Identifiers: exact, strongest.
  const byId: SearchHit[] = [];
  if (q.nationalId || q.document || q.actNumber) {
    let r = scope(baseRecords()).select(['r.id']);
    if (q.nationalId) r = r.where('r.national_id', '=', q.nationalId.replace(/\D/g, ''));
    if (q.document)
      r = r.where('r.documents', '@>', sql<string[]>`ARRAY[${normalizeDocumentNumber(q.document)}]::text[]`);
    if (q.actNumber) {
      r = r.where('r.number', '=', q.actNumber);
      if (q.year) r = r.where('r.year', '=', q.year);
    }
    const rows = await r.limit(limit).execute();
    const reason = q.nationalId ? 'national-id' : q.document ? 'document' : 'act-number';
    for (const row of rows) byId.push({ recordId: row.id, score: 1, reasons: [reason], person: null });
    if (!q.q && !q.surname && !q.name) return byId;
  }

  // Names: the asked parts, or the words of a free-text query tried as surname, name, patronymic.
  const asked: Partial<Record<Part, NameKeys>> = {
    surname: keysOrUndefined(q.surname),
    name: keysOrUndefined(q.name),
    patronymic: keysOrUndefined(q.patronymic),
  };
  const words = (q.q ?? '')
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 3)
    .map(keysOrUndefined)
    .filter((k): k is NameKeys => !!k);
  if (!asked.surname && !asked.name && words.length === 0) return byId;
  const broad = q.mode === 'broad';

  let persons = db
    .selectFrom('record_persons as p')
    .innerJoin('records as r', 'r.id', 'p.record_id')
    .select([
      'p.record_id',
      'p.role',
      'p.historical',
      'p.surname',
      'p.given_name',
      'p.patronymic',
      'p.birth_date',
    ]);
  persons = persons.where((eb) => {
    const ors = [];
    const part = (
      keyCol: 'surname_key' | 'name_key',
      looseCol: 'surname_loose' | 'name_loose',
      k: NameKeys,
    ) => {
      const alts = [eb(`p.${keyCol}`, '=', k.matchKey), eb(`p.${looseCol}`, '=', k.looseKey)];
      if (broad && keyCol === 'surname_key') alts.push(eb('p.surname_stem', '=', k.stemKey));
      return eb.or(alts);
    };
    if (asked.surname && asked.name) {
      ors.push(
        eb.and([
          part('surname_key', 'surname_loose', asked.surname),
          part('name_key', 'name_loose', asked.name),
        ]),
      );
    } else if (asked.surname) ors.push(part('surname_key', 'surname_loose', asked.surname));
    else if (asked.name) ors.push(part('name_key', 'name_loose', asked.name));
    for (const w of words) {
      ors.push(part('surname_key', 'surname_loose', w));
      ors.push(part('name_key', 'name_loose', w));
    }
    return eb.or(ors);
  });
  if (!seeSealed) persons = persons.where('p.sealed', '=', false);
  if (q.birthDate) persons = persons.where('p.birth_date', '=', q.birthDate);
  if (q.birthYear) persons = persons.where('p.birth_year', '=', q.birthYear);
  persons = persons.where('r.office_path', 'like', `${actor.officePath}%`);
  if (q.kind) persons = persons.where('r.kind', '=', q.kind);
  if (q.status) persons = persons.where('r.status', '=', q.status);
  if (q.office) persons = persons.where('r.office_id', '=', q.office);
  if (q.place) persons = persons.where('r.place_unit', '=', q.place);
  if (q.from) persons = persons.where('r.event_date', '>=', q.from);
  if (q.to) persons = persons.where('r.event_date', '<=', `${q.to}~`);
  let rows = (await persons.limit(1000).execute()) as PersonCandidate[];

  // Typos no key catches: trigram similarity on the canonical Latin of the whole name.
  if (rows.length < limit) {
    const latin = [
      asked.surname?.latin,
      asked.name?.latin,
      asked.patronymic?.latin,
      ...words.map((w) => w.latin),
    ]
      .filter(Boolean)
      .join(' ');
    if (latin.length >= 4) {
      let fuzzy = db
        .selectFrom('record_persons as p')
        .innerJoin('records as r', 'r.id', 'p.record_id')
        .select([
          'p.record_id',
          'p.role',
          'p.historical',
          'p.surname',
          'p.given_name',
          'p.patronymic',
          'p.birth_date',
        ])
        .where(sql<boolean>`p.latin % ${latin}`)
        .where('r.office_path', 'like', `${actor.officePath}%`);
      if (!seeSealed) fuzzy = fuzzy.where('p.sealed', '=', false);
      if (q.kind) fuzzy = fuzzy.where('r.kind', '=', q.kind);
      if (q.birthDate) fuzzy = fuzzy.where('p.birth_date', '=', q.birthDate);
      if (q.birthYear) fuzzy = fuzzy.where('p.birth_year', '=', q.birthYear);
      rows = rows.concat((await fuzzy.limit(200).execute()) as PersonCandidate[]);
    }
  }

  // Parents named in the query must appear in the same record.
  const parentFilter = async (role: 'mother' | 'father', text: string | undefined, ids: Set<string>) => {
    const k = text ? words2keys(text) : undefined;
    if (!k || ids.size === 0) return ids;
    const parents = await db
      .selectFrom('record_persons')
      .select(['record_id', 'surname', 'given_name'])
      .where('record_id', 'in', [...ids])
      .where('role', '=', role)
      .execute();
    const keep = new Set<string>();
    for (const p of parents) {
      const names = [p.surname, p.given_name].filter((x): x is string => !!x).map((x) => nameKeys(x));
      if (k.every((w) => names.some((n) => keySimilarity(w, n).score >= 0.8))) keep.add(p.record_id);
    }
    return keep;
  };
  let ids = new Set(rows.map((r) => r.record_id));
  ids = await parentFilter('mother', q.mother, ids);
  ids = await parentFilter('father', q.father, ids);

  const best = new Map<string, SearchHit>();
  for (const p of rows) {
    if (!ids.has(p.record_id)) continue;
    let scored = scorePerson(asked, p, broad);
    if (!scored) continue;
    if (words.length > 0) {
      // free text: each word takes the best-fitting part of the stored name
      const parts = [p.surname, p.given_name, p.patronymic].map((s) => (s ? nameKeys(s) : undefined));
      let sum = 0;
      const reasons: string[] = [];
      for (const w of words) {
        let top = { score: 0, reason: 'none' as string, part: '' };
        parts.forEach((k, i) => {
          if (!k) return;
          const sim = keySimilarity(w, k);
          if (sim.score > top.score)
            top = { score: sim.score, reason: sim.reason, part: ['surname', 'name', 'patronymic'][i]! };
        });
        sum += top.score;
        if (top.part) reasons.push(`${top.part}:${top.reason}`);
      }
      const textScore = sum / words.length;
      scored =
        asked.surname || asked.name
          ? { score: (scored.score + textScore) / 2, reasons: [...scored.reasons, ...reasons] }
          : { score: textScore, reasons };
    }
    let score = scored.score;
    const reasons = scored.reasons;
    if (q.birthDate && p.birth_date === q.birthDate) reasons.push('birth-date');
    if (p.historical) {
      reasons.push('earlier-name');
      score -= 0.02;
    }
    if (p.role !== 'subject' && p.role !== 'spouse') {
      reasons.push(`as-${p.role}`);
      score -= 0.05;
    }
    const prev = best.get(p.record_id);
    if (!prev || score > prev.score) {
      best.set(p.record_id, {
        recordId: p.record_id,
        score: Math.round(score * 1000) / 1000,
        reasons,
        person: {
          role: p.role,
          surname: p.surname,
          name: p.given_name,
          patronymic: p.patronymic,
          birthDate: p.birth_date,
          historical: p.historical,
        },
      });
    }
  }
  const ranked = [...best.values()]
    .filter((h) => h.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.recordId.localeCompare(b.recordId));
  const seen = new Set(byId.map((h) => h.recordId));
  return [...byId, ...ranked.filter((h) => !seen.has(h.recordId))].slice(0, limit);
}

function words2keys(text: string): NameKeys[] {
  return text
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => nameKeys(w))
    .filter((k) => k.matchKey);
}
