import { keySimilarity, type NameKeys, nameKeys, normalizeDocumentNumber, type Status } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { assertMayRead, assertMaySearchByDocument } from '../policies/records.ts';
import { searchesSealed } from '../policies/sealing.ts';
import { typedIdentifier } from './identifier.ts';
import { nameCandidates, type RecordScope, recordsInScope } from './name-candidates.ts';
import { type AskedName, keysMemo, scorePerson } from './score.ts';

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
  /** Found by a name an adoption sealed (only for those who may see sealed data). */
  sealedMatch?: boolean;
}

/** The hits a search returns, and how many weaker matches exact mode left out. */
export interface SearchResult {
  hits: SearchHit[];
  weaker: number;
}

/**
 * In exact mode, a hit whose name is only similar to the one asked (not equal by a key nor a single
 * slip of it: Исҳоқова for Исмоилова) is left out, and counted, when another hit matches better than
 * that, or when it scores more than this below the best similar one: a namesake born the same day
 * with a similar name is noise next to the person asked for. Broad mode shows them all.
 */
export const SIMILAR_MARGIN = 0.1;
/** The lowest score a name match may have to be shown at all. */
const MIN_SCORE = 0.5;

const keysOrUndefined = (s: string | undefined) => {
  const k = s?.trim() ? nameKeys(s) : undefined;
  return k?.matchKey ? k : undefined;
};

/**
 * Finds records by any name in any script or spelling (everyone born on the asked date, or the
 * match keys, stems in broad mode and trigrams as a last resort), by numbers and documents, ranked
 * by match quality with the reasons.
 * Sealed names and sealed adoption records are searched only for those who may see them; who may
 * search at all, and by a document's number, the read policy decides.
 */
export async function searchRecords(
  db: Kysely<Database>,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchResult> {
  assertMayRead(actor, 'search');
  // A number typed into the one search box is looked up as the number it is.
  const typed = query.q ? typedIdentifier(query.q) : undefined;
  const q: SearchQuery = typed ? { ...query, ...typed, q: undefined } : query;
  if (q.document) assertMaySearchByDocument(actor);
  const limit = Math.min(q.limit ?? 20, 100);
  const seeSealed = searchesSealed(actor);
  const scope: RecordScope = { ...q, officePath: actor.officePath, seeSealed };

  // Identifiers: exact, strongest.
  const byId: SearchHit[] = [];
  if (q.nationalId || q.document || q.actNumber) {
    let r = recordsInScope(db, scope).select(['r.id']);
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
    if (!q.q && !q.surname && !q.name) return { hits: byId, weaker: 0 };
  }

  // Names: the asked parts, or the words of a free-text query tried as surname, name, patronymic.
  const asked: AskedName = {
    surname: keysOrUndefined(q.surname),
    name: keysOrUndefined(q.name),
    patronymic: keysOrUndefined(q.patronymic),
    words: (q.q ?? '')
      .split(/\s+/u)
      .filter(Boolean)
      .slice(0, 3)
      .map(keysOrUndefined)
      .filter((k): k is NameKeys => !!k),
    broad: q.mode === 'broad',
  };
  if (!asked.surname && !asked.name && asked.words.length === 0) return { hits: byId, weaker: 0 };
  const rows = await nameCandidates(db, asked, { birthDate: q.birthDate, birthYear: q.birthYear }, scope);
  const keys = keysMemo();

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
      const names = [p.surname, p.given_name].filter((x): x is string => !!x).map(keys);
      if (k.every((w) => names.some((n) => keySimilarity(w, n).score >= 0.8))) keep.add(p.record_id);
    }
    return keep;
  };
  let ids = new Set(rows.map((r) => r.record_id));
  ids = await parentFilter('mother', q.mother, ids);
  ids = await parentFilter('father', q.father, ids);

  const best = new Map<string, SearchHit>();
  const similarOnly = new Set<string>();
  for (const p of rows) {
    if (!ids.has(p.record_id)) continue;
    const sameDate = !!q.birthDate && p.birth_date === q.birthDate;
    const scored = scorePerson(asked, p, { sameDate, keys });
    if (!scored) continue;
    let score = scored.score;
    const reasons = scored.reasons;
    if (sameDate) reasons.push('birth-date');
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
      if (scored.similarOnly) similarOnly.add(p.record_id);
      else similarOnly.delete(p.record_id);
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
        ...(p.sealed ? { sealedMatch: true } : {}),
      });
    }
  }
  const seen = new Set(byId.map((h) => h.recordId));
  const ranked = [...best.values()]
    .filter((h) => h.score >= MIN_SCORE && !seen.has(h.recordId))
    .sort((a, b) => b.score - a.score || a.recordId.localeCompare(b.recordId));
  const similar = (h: SearchHit) => similarOnly.has(h.recordId);
  const similarFloor = ranked.some((h) => !similar(h))
    ? Number.POSITIVE_INFINITY
    : (ranked[0]?.score ?? 0) - SIMILAR_MARGIN;
  const shown = asked.broad ? ranked : ranked.filter((h) => !similar(h) || h.score >= similarFloor - 1e-9);
  return { hits: [...byId, ...shown].slice(0, limit), weaker: ranked.length - shown.length };
}

function words2keys(text: string): NameKeys[] {
  return text
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => nameKeys(w))
    .filter((k) => k.matchKey);
}
