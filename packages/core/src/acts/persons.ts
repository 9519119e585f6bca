import { LOOKALIKE_CAPITALS } from '../numbering/lookalikes.ts';
import { ID_DOCUMENT_TYPES, type IdDocumentType, ORGANISATION_APPLICANTS } from './common.ts';
import type { PersonEntry, RecordSummary } from './kind.ts';

interface Names {
  surname?: unknown;
  name?: unknown;
  patronymic?: unknown;
  birthDate?: unknown;
}

/** A record's summary: the person it is about (names, date of birth) and its event's date and place. */
export function summaryOf(
  person: Names | undefined,
  event: { eventDate?: unknown; placeUnit?: unknown } = {},
) {
  const { surname, name, patronymic, birthDate } = person ?? {};
  return { surname, name, patronymic, birthDate, ...event } as RecordSummary;
}

/** Keeps only a person's name parts, date of birth and markers: what search needs of them. */
export function pick(
  p: Names & { role: PersonEntry['role']; historical?: boolean; sealed?: boolean },
): PersonEntry {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const out: PersonEntry = { role: p.role };
  if (str(p.surname)) out.surname = str(p.surname);
  if (str(p.name)) out.name = str(p.name);
  if (str(p.patronymic)) out.patronymic = str(p.patronymic);
  if (str(p.birthDate)) out.birthDate = str(p.birthDate);
  if (p.historical) out.historical = true;
  if (p.sealed) out.sealed = true;
  return out;
}

/** Every identity document number a record's data names (passports of parents, spouses …). */
export function documentNumbers(data: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === 'idDocument' && x && typeof x === 'object') {
        const { series, number } = x as { series?: unknown; number?: unknown };
        if (typeof number === 'string' && number.trim()) {
          out.add(normalizeDocumentNumber(number));
          if (typeof series === 'string' && series.trim()) out.add(normalizeDocumentNumber(series + number));
        }
      } else walk(x, depth + 1);
    }
  };
  walk(data, 0);
  return [...out].sort();
}

/**
 * Document numbers compare without spaces, dashes or case, and with look-alike Cyrillic letters
 * read as Latin (А23710935 = A23710935; numbering/lookalikes.ts). Migrations 010 and 017 apply the
 * same fold to stored numbers.
 */
export function normalizeDocumentNumber(s: string): string {
  let out = '';
  for (const ch of s.replace(/[\s\-–.№#]/gu, '').toUpperCase()) out += LOOKALIKE_CAPITALS[ch] ?? ch;
  return out;
}

interface SpouseNames {
  surnameBefore?: string | undefined;
  surnameAfter?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
  birthDate?: string | undefined;
}

/** One spouse of a marriage or divorce as search results show them: their name now and before. */
export interface SpouseNamed {
  side: 'husband' | 'wife';
  surname?: string | undefined;
  /** The surname they bore before the act, where it differs from the one they bear now. */
  earlierSurname?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
  birthDate?: string | undefined;
}

/** Both spouses of a marriage or divorce, husband first, by their surname now and before. */
export function spousesOf(d: {
  husband?: SpouseNames | undefined;
  wife?: SpouseNames | undefined;
}): SpouseNamed[] {
  return (['husband', 'wife'] as const).flatMap((side) => {
    const s = d[side];
    if (!s) return [];
    const { surname, name, patronymic, birthDate } = pick({
      role: 'spouse',
      ...s,
      surname: s.surnameAfter ?? s.surnameBefore,
    });
    const before = pick({ role: 'spouse', surname: s.surnameBefore }).surname;
    return [
      {
        side,
        surname,
        ...(before && before !== surname ? { earlierSurname: before } : {}),
        name,
        patronymic,
        birthDate,
      },
    ];
  });
}

/** Both spouses of a marriage or divorce, by their surname now and (as an earlier name) before. */
export function spousePersons(d: {
  husband?: SpouseNames | undefined;
  wife?: SpouseNames | undefined;
}): PersonEntry[] {
  return spousesOf(d).flatMap((s) => {
    const now = pick({ role: 'spouse', ...s });
    return s.earlierSurname
      ? [now, pick({ role: 'spouse', ...s, surname: s.earlierSurname, historical: true })]
      : [now];
  });
}

/** An identity document as a record states it. */
export interface StatedIdDocument {
  type: IdDocumentType;
  series?: string | undefined;
  number: string;
  issuer?: string | undefined;
  issueDate?: string | undefined;
}

/** Who applied for a record, as the one who may collect its certificate: the name and the document. */
export interface ApplicantRecipient {
  name: string;
  idDocument: StatedIdDocument | null;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function statedDocument(v: unknown): StatedIdDocument | null {
  if (!v || typeof v !== 'object') return null;
  const d = v as Record<string, unknown>;
  const type = ID_DOCUMENT_TYPES.find((t) => t === d.type);
  const number = text(d.number);
  if (!type || !number) return null;
  return {
    type,
    number,
    ...(text(d.series) ? { series: text(d.series) } : {}),
    ...(text(d.issuer) ? { issuer: text(d.issuer) } : {}),
    ...(text(d.issueDate) ? { issueDate: text(d.issueDate) } : {}),
  };
}

/**
 * The applicant of a record as the person who may collect its certificate: their full name, and
 * their identity document — the applicant's own, else that of the person of the record they are
 * (the mother, a spouse …: same given name and a surname they bear or bore). Null for an
 * organisation or a record without a named applicant.
 */
export function applicantRecipient(data: unknown): ApplicantRecipient | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  const a = d.applicant as Record<string, unknown> | undefined;
  if (!a || typeof a !== 'object' || ORGANISATION_APPLICANTS.includes(String(a.type))) return null;
  const name = [text(a.surname), text(a.name), text(a.patronymic)].filter(Boolean).join(' ');
  if (!name) return null;
  const low = (v: unknown) => text(v)?.toLocaleLowerCase('tg');
  const samePerson = (p: Record<string, unknown>) =>
    low(p.name) === low(a.name) &&
    [p.surname, p.surnameBefore, p.surnameAfter].some(
      (s) => low(s) !== undefined && low(s) === low(a.surname),
    );
  const person = Object.entries(d)
    .filter(([k, v]) => k !== 'applicant' && v !== null && typeof v === 'object' && !Array.isArray(v))
    .map(([, v]) => v as Record<string, unknown>)
    .find((p) => samePerson(p) && statedDocument(p.idDocument));
  return { name, idDocument: statedDocument(a.idDocument) ?? statedDocument(person?.idDocument) };
}
