import {
  CERTIFICATE_OFFICE_KINDS,
  type CertificateAction,
  mayCertificate,
  type OfficeKind,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { DomainError, forbidden, notFound } from '../errors/domain-error.ts';

/**
 * Who may do what with certificates and blanks: the role table in core (CERTIFICATE_MATRIX), then
 * jurisdiction as for records: read within one's subtree, act in one's own office (the central
 * department may receive blanks for any office below it).
 */
export function assertMay(actor: Actor, action: CertificateAction): void {
  if (!mayCertificate(action, { role: actor.role, officeKind: actor.officeKind })) throw forbidden();
}

export interface OfficeRow {
  id: string;
  kind: string;
  path: string;
  name_tg: string;
  name_ru: string;
  name_en: string;
}

/** An office this user may see (within their subtree); others look missing. */
export async function visibleOffice(
  db: Kysely<Database>,
  actor: Actor,
  officeId: string,
): Promise<OfficeRow> {
  const office = await db
    .selectFrom('offices')
    .select(['id', 'kind', 'path', 'name_tg', 'name_ru', 'name_en'])
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (!office?.path.startsWith(actor.officePath)) throw notFound();
  return office;
}

/**
 * The office whose blanks this user manages: their own, or (central administrators) any they see;
 * it must be of one of `kinds` (by default those that print certificates).
 */
export async function stockOffice(
  db: Kysely<Database>,
  actor: Actor,
  officeId: string | undefined,
  kinds: readonly OfficeKind[] = CERTIFICATE_OFFICE_KINDS,
): Promise<OfficeRow> {
  const office = await visibleOffice(db, actor, officeId ?? actor.officeId);
  if (office.id !== actor.officeId && actor.role !== 'central_admin') {
    throw new DomainError('forbidden', 'problem.outsideOffice');
  }
  if (!kinds.includes(office.kind as OfficeKind)) {
    throw new DomainError('conflict', 'problem.blank.officeKind');
  }
  return office;
}

/** Acting on a blank or certificate: only in one's own office. */
export function assertOwnOffice(actor: Actor, row: { office_id: string }, path?: string): void {
  if (path !== undefined && !path.startsWith(actor.officePath)) throw notFound();
  if (row.office_id !== actor.officeId) throw new DomainError('forbidden', 'problem.outsideOffice');
}
