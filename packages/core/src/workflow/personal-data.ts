import type { Role } from './roles.ts';

/**
 * Who reads personal data, and how much of it: the read matrix, beside the action matrix. Every
 * read of records on the server asks `mayRead` (server: policies/records.ts) before it looks
 * anything up, and shows a record's data through `maskPersonalData`; the web app offers a screen
 * only where `mayRead` allows it. Jurisdiction (the user's office and the offices below it) and
 * adoption secrecy (sealing.ts) apply on top of this.
 *
 * - `list`: records listed by status, kind, office and flag (the work queues, GET /records).
 * - `search`: finding records by a name, a date, a place, a number or a document (GET /search).
 * - `record`: a record opened by its id, with its history, registered versions, amendment requests
 *   and possible duplicates.
 * - `certificates`: a record's certificates, their prints, previews and receipt slips (PDFs print
 *   what they print: there is no masked print).
 * - `audit`: the audit log, searched by who acted, the record an entry names, the event, the office
 *   and the period, with its chain's status, and exported for an inspection (GET /audit/entries):
 *   who did what to whom, so it is personal data too; its entries' details are shown masked as
 *   `masked` says.
 */
export const RECORD_READS = ['list', 'search', 'record', 'certificates', 'audit'] as const;
export type RecordRead = (typeof RECORD_READS)[number];

/**
 * Personal fields some roles see masked: an identity document's series, number, issuer and date
 * of issue (its type stays: "a passport"), and the street address of a place (the country,
 * district and settlement stay).
 */
export const PERSONAL_FIELDS = ['id-document', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export interface PersonalDataAccess {
  reads: readonly RecordRead[];
  masked: readonly PersonalField[];
}

/** Every read of the registry's records (the audit log is not among them). */
const ALL_READS = ['list', 'search', 'record', 'certificates'] as const;

/**
 * The read matrix as data, decided from each role's work:
 *
 * - Front and back office, registrar, head of office: take, check, register and certify acts, and
 *   hand certificates over to a person who shows a document: everything, in full.
 * - Central administrator: national search and data quality for the whole registry: everything,
 *   and the audit log (administering users and offices is checked from it).
 * - Archivist and verifier: digitise the archive books (scan, index, key in, verify by double
 *   entry) and find where a book's record already is: lists, search and records by names, dates,
 *   places and act numbers. They work from the book, not from a person at the counter: identity
 *   document numbers and street addresses are not needed to find, index or compare a record and
 *   are what makes a registry useful for impersonation, so they are masked, and search by a
 *   document number is refused (a hit would tell whose document it is). No certificates: issuing
 *   and handing over are the office's.
 * - Auditor: checks what was done, from the audit log: opens a record an audit entry names by its
 *   id, with its history, versions and certificates, unmasked (a changed document number is what an
 *   audit looks for); read-only (the action matrix gives it no verb) and every read audited. No
 *   lists and no search: an audit follows the log, it does not browse people. The audit log is
 *   its own work (searched by who acted, by a record's id, national id or act number), unmasked.
 * - Statistician: works on aggregates (the counts of the queues, reports): no record, no list,
 *   no search, no certificate.
 */
export const READ_MATRIX: Record<Role, PersonalDataAccess> = {
  front_office: { reads: ALL_READS, masked: [] },
  back_office: { reads: ALL_READS, masked: [] },
  registrar: { reads: ALL_READS, masked: [] },
  head_of_office: { reads: ALL_READS, masked: [] },
  central_admin: { reads: [...ALL_READS, 'audit'], masked: [] },
  archivist: { reads: ['list', 'search', 'record'], masked: ['id-document', 'address'] },
  verifier: { reads: ['list', 'search', 'record'], masked: ['id-document', 'address'] },
  auditor: { reads: ['record', 'certificates', 'audit'], masked: [] },
  statistician: { reads: [], masked: [] },
};

/** Whether a role may read records this way. */
export function mayRead(role: Role, read: RecordRead): boolean {
  return READ_MATRIX[role].reads.includes(read);
}

/** The personal fields a role sees masked. */
export function maskedFields(role: Role): readonly PersonalField[] {
  return READ_MATRIX[role].masked;
}

/** Whether a role may search by an identity document's number: not where it sees them masked (a hit would tell whose document it is). */
export function searchesByDocument(role: Role): boolean {
  return !maskedFields(role).includes('id-document');
}

/** What a masked value reads as, wherever a value stood. */
export const MASKED = '•••';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a data path (its keys, outermost first) names a field masked for these fields. */
export function pathMasked(path: readonly string[], fields: readonly PersonalField[]): boolean {
  if (fields.includes('address') && path.at(-1) === 'address') return true;
  if (fields.includes('id-document')) {
    const at = path.lastIndexOf('idDocument');
    if (at >= 0 && at === path.length - 2 && path.at(-1) !== 'type') return true;
  }
  return false;
}

/**
 * A record's data, or anything that carries it (an action's payload, a version, a merge patch, a
 * list of field differences `{ path, before, after }`), with these fields' values replaced by
 * `MASKED`. Absent values stay absent; the shape stays, so the record reads as it is.
 */
export function maskPersonalData<T>(value: T, fields: readonly PersonalField[]): T {
  if (fields.length === 0) return value;
  const walk = (v: unknown, path: string[]): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, path));
    if (isObject(v)) {
      // a field difference: its values are read at the path it names
      if (typeof v.path === 'string' && ('before' in v || 'after' in v)) {
        const at = v.path.split('.');
        return { ...v, before: walk(v.before, at), after: walk(v.after, at) };
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    }
    return pathMasked(path, fields) ? masked(v) : v;
  };
  return walk(value, []) as T;
}

const masked = (v: unknown) => (v === null || v === undefined || v === '' ? v : MASKED);
