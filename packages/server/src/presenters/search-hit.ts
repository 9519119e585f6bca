import { type HitSpouse, type SpouseNamed, spousesOf } from '@sabt/core';
import type { Actor } from '../auth/sessions.ts';
import { rowAccess } from '../policies/sealing.ts';
import type { SearchHit } from '../search/search-records.ts';
import { type ListRowSource, presentListRow } from './list-row.ts';

/** The acts whose row names two spouses, not one person. */
const SPOUSE_ACTS: readonly string[] = ['MARRIAGE', 'DIVORCE'];

export const namesSpouses = (kind: string) => SPOUSE_ACTS.includes(kind);

type Person = NonNullable<SearchHit['person']>;

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLocaleLowerCase('tg') === (b ?? '').trim().toLocaleLowerCase('tg');

/**
 * Which spouse the search matched, and how: the matched person's name is the spouse's name now, or
 * (an earlier name) the surname they bore before the act; a name only an earlier version of the
 * record had is the spouse with the same given name, patronymic and date of birth.
 */
function matchedSpouse(
  spouses: SpouseNamed[],
  p: Person | null,
): { side: string; how: HitSpouse['matched'] } | null {
  if (p?.role !== 'spouse') return null;
  const person = (s: SpouseNamed) => same(s.name, p.name) && same(s.patronymic, p.patronymic);
  const how = p.historical ? 'earlier-name' : 'current-name';
  const bySurname = spouses.find(
    (s) => person(s) && same(p.historical ? (s.earlierSurname ?? s.surname) : s.surname, p.surname),
  );
  const found =
    bySurname ?? spouses.find((s) => person(s) && (!p.birthDate || same(s.birthDate, p.birthDate)));
  return found ? { side: found.side, how } : null;
}

/** Both spouses of a marriage or divorce hit, the matched one marked with how it was matched. */
export function presentSpouses(data: unknown, matched: Person | null): HitSpouse[] {
  const spouses = spousesOf((data ?? {}) as Parameters<typeof spousesOf>[0]);
  const hit = matchedSpouse(spouses, matched);
  return spouses.map((s) => ({
    side: s.side,
    surname: s.surname ?? null,
    earlierSurname: s.earlierSurname ?? null,
    name: s.name ?? null,
    patronymic: s.patronymic ?? null,
    birthDate: s.birthDate ?? null,
    matched: hit?.side === s.side ? hit.how : null,
  }));
}

/**
 * One search result: the record's list row, how well and why it matched, who was matched, and for
 * a marriage or divorce both spouses (the matched one marked). A sealed adoption record's row names
 * nobody for one who may not see it, as its list row does.
 */
export function presentSearchHit(actor: Actor, rec: ListRowSource, hit: SearchHit, data: unknown) {
  const masked = rowAccess(actor, rec) === 'masked';
  return {
    ...presentListRow(actor, rec),
    score: hit.score,
    reasons: hit.reasons,
    matched: masked ? null : hit.person,
    spouses: !masked && namesSpouses(rec.kind) ? presentSpouses(data, hit.person) : null,
  };
}
