import { DOCUMENT_LABELS } from '@sabt/core';
import { DomainError } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { certDb } from '../tables.ts';
import type { DocumentKind } from '../types.ts';
import { formatBlankNumber, keptSeries, parseBlankNumber } from './blank-numbers.ts';

export interface TakenBlank {
  id: number;
  series: string;
  number: string;
}

type BlankRow = { id: number; series: string; number: number; digits: number; status: string };
type Db = Parameters<typeof certDb>[0];

/** The blanks of an office with the number the clerk names (one per series). */
function namedBlanks(db: Db, officeId: string, document: DocumentKind, number: number, series?: string) {
  let q = certDb(db)
    .selectFrom('blanks')
    .select(['id', 'series', 'number', 'digits', 'status'])
    .where('office_id', '=', officeId)
    .where('document', '=', document)
    .where('number', '=', number);
  if (series) q = q.where('series', '=', series);
  return q.orderBy('id');
}

/** The next free blank of a document: the lowest number in stock, whatever the series. */
function nextFreeBlank(db: Db, officeId: string, document: DocumentKind) {
  return certDb(db)
    .selectFrom('blanks')
    .select(['id', 'series', 'number', 'digits', 'status'])
    .where('office_id', '=', officeId)
    .where('document', '=', document)
    .where('status', '=', 'IN_STOCK')
    .orderBy('number')
    .orderBy('id')
    .limit(1);
}

/** The one in stock among the blanks of the named number, or why there is none. */
function pickNamed(rows: BlankRow[], wanted: Wanted): BlankRow {
  const inStock = rows.filter((r) => r.status === 'IN_STOCK');
  if (inStock.length > 1)
    throw new DomainError('conflict', 'problem.blank.ambiguous', { number: wanted.number });
  if (!inStock[0]) {
    throw new DomainError('conflict', 'problem.blank.notInStock', {
      series: wanted.series ?? '',
      number: wanted.number,
    });
  }
  return inStock[0];
}

const taken = (row: BlankRow): TakenBlank => ({
  id: Number(row.id),
  series: row.series,
  number: formatBlankNumber(row.number, row.digits),
});

type Wanted = { series?: string | undefined; number: string };

/**
 * The blank a print would take now, without taking it (the preview, the issue dialog): the one
 * the clerk names or the next free one, refused as a print would be refused.
 */
export async function peekBlank(
  db: Db,
  digits: number,
  officeId: string,
  document: DocumentKind,
  wanted?: Wanted,
): Promise<TakenBlank> {
  if (wanted) {
    const number = parseBlankNumber(wanted.number, digits, 'blankNumber');
    return taken(
      pickNamed(await namedBlanks(db, officeId, document, number, wanted.series).execute(), wanted),
    );
  }
  const row = await nextFreeBlank(db, officeId, document).executeTakeFirst();
  if (!row)
    throw new DomainError('conflict', 'problem.blank.noneInStock', { document: DOCUMENT_LABELS[document] });
  return taken(row);
}

/**
 * Takes a blank for a print and marks it ISSUED: the one the clerk names (it must be IN_STOCK in
 * the office), or the lowest free number of the document. Concurrent prints skip each other's
 * locked rows, so two prints never get the same blank; the unique blank_id on certificates is the
 * last line of defence.
 */
export async function takeBlank(
  ctx: WriteContext,
  officeId: string,
  document: DocumentKind,
  wanted?: Wanted,
): Promise<TakenBlank> {
  let row: BlankRow | undefined;
  if (wanted) {
    const number = parseBlankNumber(wanted.number, ctx.config.blankNumberDigits, 'blankNumber');
    const series = wanted.series ? keptSeries(wanted.series, ctx.config) : undefined;
    const rows = await namedBlanks(ctx.trx, officeId, document, number, series).forUpdate().execute();
    row = pickNamed(rows, wanted);
  } else {
    row = await nextFreeBlank(ctx.trx, officeId, document).forUpdate().skipLocked().executeTakeFirst();
    if (!row)
      throw new DomainError('conflict', 'problem.blank.noneInStock', { document: DOCUMENT_LABELS[document] });
  }
  const updated = await certDb(ctx.trx)
    .updateTable('blanks')
    .set({ status: 'ISSUED', updated_at: ctx.now })
    .where('id', '=', row.id)
    .where('status', '=', 'IN_STOCK')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('conflict', 'problem.conflict');
  return taken(row);
}
