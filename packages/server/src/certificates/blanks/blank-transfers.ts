import { randomUUID } from 'node:crypto';
import { BLANK_STATUS_LABELS, BLANK_STOCK_OFFICE_KINDS, type OfficeKind } from '@sabt/core';
import { DomainError } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertMay, stockOffice } from '../policy.ts';
import { certDb } from '../tables.ts';
import type { DocumentKind } from '../types.ts';
import { formatBlankNumber, rangeIssues } from './blank-numbers.ts';

export interface TransferInput {
  /** The sending office (central administrators); default: the user's own. */
  officeId?: string | undefined;
  toOffice: string;
  document: DocumentKind;
  series: string;
  from: string;
  to: string;
  note?: string | undefined;
}

/**
 * Hands a range of blanks over from an office to one below it (a region's to its district, a
 * district's to its jamoat or mobile office): every blank of the range must be in the sender's stock, unused; they then belong
 * to the receiving office, which prints on them, and the sender can no longer take them. The
 * movement is recorded (blank_transfers) and audited.
 */
export async function transferBlanks(ctx: WriteContext, input: TransferInput) {
  assertMay(ctx.actor, 'transfer-blanks');
  const sender = await stockOffice(ctx.trx, ctx.actor, input.officeId, BLANK_STOCK_OFFICE_KINDS);
  const { issues, series } = rangeIssues(input, ctx.config);
  const target = await ctx.trx
    .selectFrom('offices')
    .select(['id', 'kind', 'path', 'name_tg', 'name_ru', 'name_en'])
    .where('id', '=', input.toOffice)
    .executeTakeFirst();
  if (
    !target ||
    target.id === sender.id ||
    !target.path.startsWith(sender.path) ||
    !BLANK_STOCK_OFFICE_KINDS.includes(target.kind as OfficeKind)
  ) {
    issues.unshift({
      path: ['toOffice'],
      key: 'error.blank.transferTarget',
      params: { office: namesOf(sender) },
    });
  }
  if (issues.length > 0 || !target) throw new DomainError('invalid', 'problem.validation', {}, issues);
  const from = Number(input.from);
  const to = Number(input.to);
  const db = certDb(ctx.trx);
  const rows = await db
    .selectFrom('blanks')
    .select(['id', 'office_id', 'number', 'digits', 'status'])
    .where('document', '=', input.document)
    .where('series', '=', series)
    .where('number', '>=', from)
    .where('number', '<=', to)
    .orderBy('number')
    .forUpdate()
    .execute();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const digits = ctx.config.blankNumberDigits;
  for (let n = from; n <= to; n++) {
    const row = byNumber.get(n);
    const number = formatBlankNumber(n, row?.digits ?? digits);
    if (!row || row.office_id !== sender.id) {
      throw new DomainError('conflict', 'problem.blank.transferNotHeld', {
        series,
        number,
        office: namesOf(sender),
      });
    }
    if (row.status !== 'IN_STOCK') {
      throw new DomainError('conflict', 'problem.blank.transferNotFree', {
        series,
        number,
        status: BLANK_STATUS_LABELS[row.status] ?? row.status,
      });
    }
  }
  const moved = await db
    .updateTable('blanks')
    .set({ office_id: target.id, updated_at: ctx.now })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .where('office_id', '=', sender.id)
    .where('status', '=', 'IN_STOCK')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== rows.length) throw new DomainError('conflict', 'problem.conflict');
  const id = randomUUID();
  await db
    .insertInto('blank_transfers')
    .values({
      id,
      from_office_id: sender.id,
      to_office_id: target.id,
      document: input.document,
      series,
      number_from: from,
      number_to: to,
      digits: rows[0]?.digits ?? digits,
      note: input.note ?? null,
      transferred_by: ctx.actor.id,
      transferred_at: ctx.now,
    })
    .execute();
  const detail = {
    transferId: id,
    fromOffice: sender.id,
    toOffice: target.id,
    document: input.document,
    series,
    from: input.from,
    to: input.to,
  };
  const entry = { actorId: ctx.actor.id, actorLogin: ctx.actor.login, detail };
  ctx.audit.push(
    { event: 'blanks.transfer-out', officeId: sender.id, ...entry },
    { event: 'blanks.transfer-in', officeId: target.id, ...entry },
  );
  return { id, count: to - from + 1 };
}

const namesOf = (o: { name_tg: string; name_ru: string; name_en: string }) => ({
  tg: o.name_tg,
  ru: o.name_ru,
  en: o.name_en,
});
