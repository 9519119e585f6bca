import { HEAD_TITLES, type OfficeKind, type SignatoryBasis, signatoryTitle } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { officeNames } from '../../offices/office-names.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertMay, stockOffice, visibleOffice } from '../policy.ts';
import { certDb } from '../tables.ts';

/**
 * Who signs an office's certificates and extracts: the head of office, or a person authorised to
 * sign for them, set by the head (or the central department) and kept with history. A document
 * names the signatory in force when it was issued; the clerk who printed it is never named as one.
 */

export interface SignatoryInput {
  officeId?: string | undefined;
  basis: SignatoryBasis;
  fullName: string;
  title: string;
  /** Whom an authorised signer signs for; the office kind's head title when left out. */
  headTitle?: string | undefined;
  /** The order or power of attorney that authorises them. */
  authority?: string | undefined;
}

type Row = {
  id: number;
  office_id: string;
  basis: SignatoryBasis;
  full_name: string;
  title: string;
  head_title: string | null;
  authority: string | null;
  valid_from: Date | string;
  set_at: Date | string;
  set_by_login?: string | null;
  set_by_name?: string | null;
};

/** A signatory as the API shows it, with the title line documents print. */
export function presentSignatory(r: Row) {
  return {
    id: Number(r.id),
    office: r.office_id,
    basis: r.basis,
    fullName: r.full_name,
    title: r.title,
    headTitle: r.head_title,
    authority: r.authority,
    printedTitle: printedTitle(r),
    validFrom: new Date(r.valid_from).toISOString(),
    setAt: new Date(r.set_at).toISOString(),
    setBy: r.set_by_login ? { login: r.set_by_login, name: r.set_by_name ?? null } : null,
  };
}

const printedTitle = (r: Pick<Row, 'basis' | 'title' | 'head_title'>) =>
  signatoryTitle({ basis: r.basis, fullName: '', title: r.title, headTitle: r.head_title });

function rows(db: Kysely<Database>, officeId: string) {
  return certDb(db)
    .selectFrom('office_signatories as s')
    .leftJoin('users as u', 'u.id', 's.set_by')
    .selectAll('s')
    .select(['u.login as set_by_login', 'u.full_name as set_by_name'])
    .where('s.office_id', '=', officeId);
}

/** The signatory in force at a moment (the latest put in force by then), or null when none was set. */
export async function signatoryAt(db: Kysely<Database>, officeId: string, at: Date) {
  const row = await rows(db, officeId)
    .where('s.valid_from', '<=', at)
    .orderBy('s.valid_from', 'desc')
    .orderBy('s.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? presentSignatory(row as Row) : null;
}

/**
 * What a document prints: the title line and full name of the signatory in force at `at`.
 * Refused when the office has none: a document must name who legally signs it.
 */
export async function signatoryFor(db: Kysely<Database>, officeId: string, at: Date) {
  const s = await signatoryAt(db, officeId, at);
  if (!s) {
    throw new DomainError('conflict', 'problem.certificate.noSignatory', {
      office: await officeNames(db, officeId),
    });
  }
  return { title: s.printedTitle, fullName: s.fullName };
}

/** An office's signatories, the one in force now first-class, and every earlier one (newest first). */
export async function officeSignatories(db: Kysely<Database>, actor: Actor, officeId: string | undefined) {
  assertMay(actor, 'read-blank-stock');
  const office = await visibleOffice(db, actor, officeId ?? actor.officeId);
  const history = (
    await rows(db, office.id).orderBy('s.valid_from', 'desc').orderBy('s.id', 'desc').execute()
  ).map((r) => presentSignatory(r as Row));
  const now = new Date();
  const current = history.find((h) => new Date(h.validFrom) <= now) ?? null;
  return {
    office: { id: office.id, nameTg: office.name_tg, nameRu: office.name_ru, nameEn: office.name_en },
    defaultHeadTitle: HEAD_TITLES[office.kind as OfficeKind]?.tg ?? HEAD_TITLES.district.tg,
    current,
    history,
  };
}

/** Puts a signatory in force for an office from now on; the earlier ones stay as history. */
export async function setSignatory(ctx: WriteContext, input: SignatoryInput) {
  assertMay(ctx.actor, 'set-signatory');
  const office = await stockOffice(ctx.trx, ctx.actor, input.officeId);
  const headTitle =
    input.basis === 'authorised'
      ? input.headTitle?.trim() || (HEAD_TITLES[office.kind as OfficeKind] ?? HEAD_TITLES.district).tg
      : null;
  const row = await certDb(ctx.trx)
    .insertInto('office_signatories')
    .values({
      office_id: office.id,
      basis: input.basis,
      full_name: input.fullName.trim(),
      title: input.title.trim(),
      head_title: headTitle,
      authority: input.basis === 'authorised' ? input.authority?.trim() || null : null,
      valid_from: ctx.now,
      set_by: ctx.actor.id,
      set_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit.push({
    event: 'certificate.signatory',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: office.id,
    detail: { signatoryId: Number(row.id), basis: input.basis, fullName: input.fullName.trim() },
  });
  const set = await rows(ctx.trx, office.id).where('s.id', '=', row.id).executeTakeFirstOrThrow();
  return presentSignatory(set as Row);
}
