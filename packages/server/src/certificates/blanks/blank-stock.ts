import { randomUUID } from 'node:crypto';
import {
  BLANK_STATUS_LABELS,
  BLANK_STOCK_OFFICE_KINDS,
  type BlankStatus,
  DOCUMENT_LABELS,
  type FieldIssue,
  foldSeries,
  type OfficeKind,
} from '@sabt/core';
import { sql } from 'kysely';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertMay, assertOwnOffice, stockOffice } from '../policy.ts';
import { certDb } from '../tables.ts';
import type { DocumentKind } from '../types.ts';

/**
 * Strict-accountability blanks: an office receives numbered batches, each print uses the next free
 * blank (or the one the clerk has in the printer), and a spoiled or lost blank is written off only
 * when a second person (the head of office) confirms the clerk's report.
 */

/** The most blanks one batch may hold (one box of forms is far fewer). */
export const MAX_BATCH = 10_000;

export interface BatchInput {
  officeId?: string | undefined;
  document: DocumentKind;
  series: string;
  from: string;
  to: string;
  note?: string | undefined;
}

export const formatBlankNumber = (n: number, digits: number) => String(n).padStart(digits, '0');

const isBlankNumber = (value: string, digits: number) => new RegExp(`^\\d{${digits}}$`).test(value);

/** A blank number as printed (exactly the configured digits) → its integer. */
export function parseBlankNumber(value: string, digits: number, path = 'number'): number {
  if (!isBlankNumber(value, digits)) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: [path], key: 'error.blank.number', params: { digits } },
    ]);
  }
  return Number(value);
}

/**
 * What is wrong with a range as typed (a batch received, blanks handed over): the series against
 * the set format (look-alike letters of the other keyboard read as the format wants them), both
 * numbers, the range. The series as it is kept.
 */
function rangeIssues(
  input: { series: string; from: string; to: string },
  config: WriteContext['config'],
): { issues: FieldIssue[]; series: string } {
  const digits = config.blankNumberDigits;
  const issues: FieldIssue[] = [];
  const series = foldSeries(input.series, new RegExp(config.blankSeriesPattern, 'u'));
  if (series === null) {
    issues.push({
      path: ['series'],
      key: 'error.blank.series',
      params: { example: config.blankSeriesExample },
    });
  }
  for (const path of ['from', 'to'] as const) {
    if (!isBlankNumber(input[path], digits))
      issues.push({ path: [path], key: 'error.blank.number', params: { digits } });
  }
  if (issues.length === 0) {
    const from = Number(input.from);
    const to = Number(input.to);
    if (to < from || to - from + 1 > MAX_BATCH) {
      issues.push({ path: ['to'], key: 'error.blank.range', params: { max: MAX_BATCH } });
    }
  }
  return { issues, series: series ?? input.series };
}

/** A blank series as kept (the format's letters), for finding blanks by a series typed on either keyboard. */
export function keptSeries(series: string, config: WriteContext['config']): string {
  return foldSeries(series, new RegExp(config.blankSeriesPattern, 'u')) ?? series;
}

/** Receives a batch of blanks into an office's stock: one row per blank, all IN_STOCK. */
export async function receiveBatch(ctx: WriteContext, input: BatchInput) {
  assertMay(ctx.actor, 'receive-blanks');
  const office = await stockOffice(ctx.trx, ctx.actor, input.officeId, BLANK_STOCK_OFFICE_KINDS);
  const digits = ctx.config.blankNumberDigits;
  const { issues, series } = rangeIssues(input, ctx.config);
  if (issues.length > 0) throw new DomainError('invalid', 'problem.validation', {}, issues);
  const from = Number(input.from);
  const to = Number(input.to);
  const db = certDb(ctx.trx);
  const taken = await db
    .selectFrom('blanks')
    .select('id')
    .where('document', '=', input.document)
    .where('series', '=', series)
    .where('number', '>=', from)
    .where('number', '<=', to)
    .limit(1)
    .executeTakeFirst();
  const rangeTaken = () =>
    new DomainError('conflict', 'problem.blank.rangeTaken', {
      series,
      from: input.from,
      to: input.to,
    });
  if (taken) throw rangeTaken();
  const id = randomUUID();
  await db
    .insertInto('blank_batches')
    .values({
      id,
      office_id: office.id,
      document: input.document,
      series,
      number_from: from,
      number_to: to,
      digits,
      note: input.note ?? null,
      received_by: ctx.actor.id,
      received_at: ctx.now,
    })
    .execute();
  try {
    await sql`
      INSERT INTO blanks (batch_id, office_id, document, series, number, digits, status, updated_at)
      SELECT ${id}, ${office.id}, ${input.document}, ${series}, n, ${digits}, 'IN_STOCK', ${ctx.now}
      FROM generate_series(${from}::int, ${to}::int) AS n
    `.execute(ctx.trx);
  } catch (err) {
    // a batch of the same numbers received at the same moment by someone else
    if ((err as { code?: string }).code === '23505') throw rangeTaken();
    throw err;
  }
  ctx.audit.push({
    event: 'blanks.receive',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: office.id,
    detail: { batchId: id, document: input.document, series, from: input.from, to: input.to },
  });
  return { id, officeId: office.id, count: to - from + 1 };
}

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

/**
 * Locks a blank the user acts on: one of their own office's, or (`below`) one of an office within
 * their subtree — the head of a district confirms the write-offs of the jamoats and mobile offices
 * under it, which have no head of their own.
 */
async function lockBlank(ctx: WriteContext, id: number, reach: 'own' | 'below' = 'own') {
  const row = await certDb(ctx.trx)
    .selectFrom('blanks as b')
    .innerJoin('offices as o', 'o.id', 'b.office_id')
    .selectAll('b')
    .select('o.path')
    .where('b.id', '=', id)
    .forUpdate('b')
    .executeTakeFirst();
  if (!row) throw notFound();
  if (reach === 'below') {
    if (!row.path.startsWith(ctx.actor.officePath)) throw notFound();
  } else assertOwnOffice(ctx.actor, row, row.path);
  return row;
}

/** A clerk reports a blank spoiled (or lost) with a reason; it stays counted until confirmed. */
export async function reportSpoiled(
  ctx: WriteContext,
  id: number,
  input: { reason: string; lost?: boolean },
) {
  assertMay(ctx.actor, 'report-spoiled-blank');
  const blank = await lockBlank(ctx, id);
  if (blank.status !== 'IN_STOCK' && blank.status !== 'ISSUED') {
    throw new DomainError('conflict', 'problem.blank.wrongStatus', {
      status: BLANK_STATUS_LABELS[blank.status] ?? blank.status,
    });
  }
  const outcome = input.lost ? 'LOST' : 'SPOILED';
  await certDb(ctx.trx)
    .updateTable('blanks')
    .set({
      status: 'SPOIL_REQUESTED',
      status_before: blank.status,
      spoil_outcome: outcome,
      spoil_reason: input.reason,
      spoil_requested_by: ctx.actor.id,
      spoil_requested_at: ctx.now,
      spoil_decided_by: null,
      spoil_decided_at: null,
      spoil_decision_reason: null,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  ctx.audit.push(blankEvent(ctx, 'blank.spoil-request', blank, { outcome, reason: input.reason }));
}

/**
 * The head of office (of the blank's office or one above it) confirms a report (never their own):
 * the blank is written off for good, and
 * a certificate printed on it is marked spoiled. Or rejects it: the blank returns to where it was.
 */
export async function decideSpoiled(
  ctx: WriteContext,
  id: number,
  verdict:
    | { confirm: true; status?: 'SPOILED' | 'LOST' | 'WRITTEN_OFF' }
    | { confirm: false; reason: string },
) {
  assertMay(ctx.actor, 'confirm-spoiled-blank');
  const blank = await lockBlank(ctx, id, 'below');
  if (blank.status !== 'SPOIL_REQUESTED') {
    throw new DomainError('conflict', 'problem.blank.wrongStatus', {
      status: BLANK_STATUS_LABELS[blank.status] ?? blank.status,
    });
  }
  if (blank.spoil_requested_by === ctx.actor.id)
    throw new DomainError('conflict', 'problem.blank.secondPerson');
  const db = certDb(ctx.trx);
  const status: BlankStatus = verdict.confirm
    ? (verdict.status ?? blank.spoil_outcome ?? 'SPOILED')
    : (blank.status_before ?? 'IN_STOCK');
  await db
    .updateTable('blanks')
    .set({
      status,
      spoil_decided_by: ctx.actor.id,
      spoil_decided_at: ctx.now,
      spoil_decision_reason: verdict.confirm ? null : verdict.reason,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  let certificateId: string | null = null;
  if (verdict.confirm) {
    const cert = await db
      .updateTable('certificates')
      .set({ status: 'spoiled' })
      .where('blank_id', '=', id)
      .returning(['id', 'record_id'])
      .executeTakeFirst();
    certificateId = cert?.id ?? null;
    if (cert) {
      ctx.audit.push({
        ...blankEvent(ctx, 'certificate.spoiled', blank, { certificateId: cert.id }),
        recordId: cert.record_id,
      });
    }
  }
  ctx.audit.push(
    blankEvent(ctx, verdict.confirm ? 'blank.spoil-confirm' : 'blank.spoil-reject', blank, {
      status,
      ...(verdict.confirm ? {} : { reason: verdict.reason }),
      reportedBy: blank.spoil_requested_by,
    }),
  );
  return { status, certificateId };
}

function blankEvent(
  ctx: WriteContext,
  event: string,
  blank: { id: number; office_id: string; document: string; series: string; number: number; digits: number },
  detail: Record<string, unknown>,
) {
  return {
    event,
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: blank.office_id,
    detail: {
      blankId: Number(blank.id),
      document: blank.document,
      series: blank.series,
      number: formatBlankNumber(blank.number, blank.digits),
      ...detail,
    },
  };
}
