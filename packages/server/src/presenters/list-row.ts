import type { Actor } from '../auth/sessions.ts';
import { rowAccess } from '../policies/sealing.ts';

/** The columns of `records` a list row is made of (queries/records.ts LIST_ROW_COLUMNS). */
export interface ListRowSource {
  id: string;
  kind: string;
  status: string;
  flags: string[];
  office_id: string;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  event_date: string | null;
  number: number | null;
  year: number | null;
  national_id: string | null;
}

/** What a record's list row and its full view both begin with: what it is, where, and its number. */
export function recordHead(
  rec: Pick<ListRowSource, 'id' | 'kind' | 'status' | 'flags' | 'office_id' | 'number' | 'year'>,
) {
  return {
    id: rec.id,
    kind: rec.kind,
    status: rec.status,
    flags: rec.flags,
    office: rec.office_id,
    number: rec.number,
    year: rec.year,
  };
}

/**
 * A record as one row of a list, a work queue or search results. Adoption secrecy: the row of an
 * adoption record under seal names nobody (no names, date of birth or national id) for one who
 * may not see its data, as the record itself shows them no data.
 */
export function presentListRow(actor: Actor, rec: ListRowSource) {
  const masked = rowAccess(actor, rec) === 'masked';
  return {
    ...recordHead(rec),
    surname: masked ? null : rec.surname,
    name: masked ? null : rec.given_name,
    patronymic: masked ? null : rec.patronymic,
    birthDate: masked ? null : rec.birth_date,
    eventDate: rec.event_date,
    nationalId: masked ? null : rec.national_id,
  };
}
