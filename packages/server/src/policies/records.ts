import {
  type Action,
  type ActKindCode,
  decide,
  maskedFields,
  maskPersonalData,
  mayRead,
  type RecordRead,
  type Status,
  searchesByDocument,
} from '@sabt/core';
import type { Actor } from '../auth/sessions.ts';
import { DomainError, forbidden, notFound } from '../errors/domain-error.ts';

export interface RecordScope {
  kind: string;
  status: string;
  office_id: string;
  office_path: string;
  flags: string[];
}

/**
 * The one gate of record reads by role (core READ_MATRIX): a list, a search, a record by its id,
 * certificates. Asked before anything is looked up, so a refusal is the same whether or not the
 * record exists (jurisdiction then hides what is outside it as missing).
 */
export function assertMayRead(actor: Actor, read: RecordRead): void {
  if (!mayRead(actor.role, read)) throw new DomainError('forbidden', `problem.read.${read}`);
}

/**
 * Search by an identity document's number, for a role that sees document numbers masked, is
 * refused: a hit would tell whose document it is.
 */
export function assertMaySearchByDocument(actor: Actor): void {
  if (!searchesByDocument(actor.role)) throw new DomainError('forbidden', 'problem.read.documentSearch');
}

/** A record's data (or a payload, version, patch or differences carrying it) as this reader sees it. */
export function personalView<T>(actor: Actor, value: T): T {
  return maskPersonalData(value, maskedFields(actor.role));
}

/** Users read records of their office and the offices below it; the central department reads all. */
export function canRead(actor: Actor, record: Pick<RecordScope, 'office_path'>): boolean {
  return record.office_path.startsWith(actor.officePath);
}

/** Reading outside one's jurisdiction looks like a missing record: existence is not disclosed. */
export function assertCanRead(actor: Actor, record: Pick<RecordScope, 'office_path'>): void {
  if (!canRead(actor, record)) throw notFound();
}

/**
 * The single gate for record actions: jurisdiction (users act in their own office), then the
 * action matrix (role × status × act kind × office kind) from core. `mine` is what this user did
 * to the record before (authorship, separation of duties).
 */
export function authorize(
  actor: Actor,
  action: Action,
  record: RecordScope | { kind: ActKindCode },
  mine: readonly string[] = [],
) {
  if ('office_id' in record) {
    assertCanRead(actor, record);
    if (record.office_id !== actor.officeId) throw new DomainError('forbidden', 'problem.outsideOffice');
  }
  const decision = decide(
    action,
    { role: actor.role, officeKind: actor.officeKind },
    'status' in record
      ? { kind: record.kind as ActKindCode, status: record.status as Status, flags: record.flags, mine }
      : { kind: record.kind },
  );
  if (decision.allowed) return decision;
  switch (decision.why) {
    case 'office-kind':
      throw new DomainError('forbidden', 'problem.kindNotAllowedInOffice');
    case 'status':
      throw new DomainError('conflict', 'problem.transitionNotAllowed', {
        action,
        status: 'status' in record ? record.status : '-',
      });
    case 'flag':
      if (decision.flag === 'possible-duplicate')
        throw new DomainError('conflict', 'problem.possibleDuplicate');
      throw new DomainError('conflict', 'problem.conflict', {}, [], { flag: decision.flag });
    case 'missing-flag':
      throw new DomainError('conflict', 'problem.conflict', {}, [], { flag: decision.flag });
    case 'kind':
      throw new DomainError('conflict', 'problem.conflict');
    case 'not-author':
      throw new DomainError('forbidden', 'problem.notAuthor');
    case 'duties':
      throw new DomainError('forbidden', 'problem.selfRegistration');
    default:
      throw forbidden();
  }
}
