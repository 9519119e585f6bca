import { BLANK_DOCUMENTS, BLANK_STATUSES, type BlankStatus, WRITTEN_OFF_STATUSES } from '@sabt/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { assertMay, visibleOffice } from '../policy.ts';
import { type BlankBatchesTable, certDb } from '../tables.ts';
import { formatBlankNumber } from './blank-numbers.ts';

type Counts = Record<BlankStatus, number>;
const noCounts = () => Object.fromEntries(BLANK_STATUSES.map((s) => [s, 0])) as Counts;
/** The official list's order (core's BLANK_DOCUMENTS): birth, marriage, … death. */
const documentOrder = (d: string) => {
  const i = (BLANK_DOCUMENTS as readonly string[]).indexOf(d);
  return i < 0 ? BLANK_DOCUMENTS.length : i;
};

/**
 * The stock report of an office: per document, in the order of the official list of forms, the
 * blanks it holds by status, how many are written off in all, how many it handed to offices below
 * and received from the office above, and the ranges of numbers.
 */
export async function stockReport(db: Kysely<Database>, actor: Actor, officeId: string | undefined) {
  assertMay(actor, 'read-blank-stock');
  const office = await visibleOffice(db, actor, officeId ?? actor.officeId);
  // gaps and islands: consecutive numbers of the same document, series and status form a range
  const ranges = await sql<{
    document: string;
    series: string;
    status: BlankStatus;
    first: number;
    last: number;
    count: number;
    digits: number;
  }>`
    SELECT document, series, status, min(number) AS first, max(number) AS last,
           count(*)::int AS count, max(digits) AS digits
    FROM (
      SELECT document, series, status, number, digits,
             number - row_number() OVER (PARTITION BY document, series, status ORDER BY number) AS island
      FROM blanks WHERE office_id = ${office.id}
    ) b
    GROUP BY document, series, status, island
    ORDER BY document, series, min(number)
  `.execute(db);
  const transfers = await certDb(db)
    .selectFrom('blank_transfers')
    .select((eb) => {
      // the blanks of the transfers on one side (sent from, or received by, this office)
      const count = (side: 'from_office_id' | 'to_office_id') =>
        eb.fn<number>('sum', [
          eb.case().when(side, '=', office.id).then(sql<number>`number_to - number_from + 1`).else(0).end(),
        ]);
      return ['document', count('from_office_id').as('out'), count('to_office_id').as('in')];
    })
    .where((eb) => eb.or([eb('from_office_id', '=', office.id), eb('to_office_id', '=', office.id)]))
    .groupBy('document')
    .execute();
  const byDocument = new Map<
    string,
    {
      counts: Counts;
      transferredOut: number;
      receivedByTransfer: number;
      ranges: { series: string; status: BlankStatus; from: string; to: string; count: number }[];
    }
  >();
  const entryOf = (document: string) => {
    let entry = byDocument.get(document);
    if (!entry) {
      entry = { counts: noCounts(), transferredOut: 0, receivedByTransfer: 0, ranges: [] };
      byDocument.set(document, entry);
    }
    return entry;
  };
  for (const r of ranges.rows) {
    const entry = entryOf(r.document);
    entry.counts[r.status] += Number(r.count);
    entry.ranges.push({
      series: r.series,
      status: r.status,
      from: formatBlankNumber(Number(r.first), Number(r.digits)),
      to: formatBlankNumber(Number(r.last), Number(r.digits)),
      count: Number(r.count),
    });
  }
  for (const t of transfers) {
    const entry = entryOf(t.document);
    entry.transferredOut += Number(t.out);
    entry.receivedByTransfer += Number(t.in);
  }
  return {
    office: { id: office.id, nameTg: office.name_tg, nameRu: office.name_ru, nameEn: office.name_en },
    documents: [...byDocument.entries()]
      .sort(([a], [b]) => documentOrder(a) - documentOrder(b))
      .map(([document, e]) => ({
        document,
        counts: e.counts,
        writtenOff: WRITTEN_OFF_STATUSES.reduce((n, s) => n + e.counts[s], 0),
        total: Object.values(e.counts).reduce((a, b) => a + b, 0),
        transferredOut: e.transferredOut,
        receivedByTransfer: e.receivedByTransfer,
        ranges: e.ranges,
      })),
  };
}

/** Transfers with the names of both offices and who made them. */
const transferRows = (db: Parameters<typeof certDb>[0]) =>
  certDb(db)
    .selectFrom('blank_transfers as t')
    .innerJoin('offices as f', 'f.id', 't.from_office_id')
    .innerJoin('offices as o', 'o.id', 't.to_office_id')
    .leftJoin('users as u', 'u.id', 't.transferred_by')
    .selectAll('t')
    .select([
      'f.name_tg as from_tg',
      'f.name_ru as from_ru',
      'f.name_en as from_en',
      'o.name_tg as to_tg',
      'o.name_ru as to_ru',
      'o.name_en as to_en',
      'u.login',
      'u.full_name',
    ]);

/** The blanks an office handed to offices below it or received from the office above, newest first. */
export async function listTransfers(db: Kysely<Database>, actor: Actor, officeId: string | undefined) {
  assertMay(actor, 'read-blank-stock');
  const office = await visibleOffice(db, actor, officeId ?? actor.officeId);
  const rows = await transferRows(db)
    .where((eb) => eb.or([eb('t.from_office_id', '=', office.id), eb('t.to_office_id', '=', office.id)]))
    .orderBy('t.transferred_at', 'desc')
    .orderBy('t.id')
    .execute();
  return rows.map(presentTransfer);
}

/** One transfer as recorded. */
export async function findTransfer(db: Parameters<typeof certDb>[0], id: string) {
  return presentTransfer(await transferRows(db).where('t.id', '=', id).executeTakeFirstOrThrow());
}

type TransferRow = Awaited<ReturnType<ReturnType<typeof transferRows>['executeTakeFirstOrThrow']>>;

function presentTransfer(t: TransferRow) {
  return {
    id: t.id,
    fromOffice: { id: t.from_office_id, nameTg: t.from_tg, nameRu: t.from_ru, nameEn: t.from_en },
    toOffice: { id: t.to_office_id, nameTg: t.to_tg, nameRu: t.to_ru, nameEn: t.to_en },
    document: t.document,
    series: t.series,
    from: formatBlankNumber(t.number_from, t.digits),
    to: formatBlankNumber(t.number_to, t.digits),
    count: t.number_to - t.number_from + 1,
    note: t.note,
    transferredBy: t.login,
    transferredByName: t.full_name,
    transferredAt: iso(t.transferred_at),
  };
}

export interface BlankFilter {
  office?: string | undefined;
  status?: BlankStatus | undefined;
  document?: string | undefined;
  series?: string | undefined;
  number?: string | undefined;
  id?: number | undefined;
  limit: number;
  offset: number;
}

/** Blanks of an office, filtered (e.g. the spoil requests waiting for the head of office). */
export async function listBlanks(db: Kysely<Database>, actor: Actor, f: BlankFilter) {
  assertMay(actor, 'read-blank-stock');
  const office = await visibleOffice(db, actor, f.office ?? actor.officeId);
  let q = certDb(db)
    .selectFrom('blanks as b')
    .leftJoin('certificates as c', 'c.blank_id', 'b.id')
    .leftJoin('users as r', 'r.id', 'b.spoil_requested_by')
    .leftJoin('users as d', 'd.id', 'b.spoil_decided_by')
    .where('b.office_id', '=', office.id);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (f.document) q = q.where('b.document', '=', f.document);
  if (f.series) q = q.where('b.series', '=', f.series);
  if (f.number !== undefined) q = q.where('b.number', '=', Number(f.number));
  if (f.id !== undefined) q = q.where('b.id', '=', f.id);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'b.id',
      'b.batch_id',
      'b.document',
      'b.series',
      'b.number',
      'b.digits',
      'b.status',
      'b.spoil_outcome',
      'b.spoil_reason',
      'b.spoil_requested_at',
      'b.spoil_decided_at',
      'b.spoil_decision_reason',
      'b.updated_at',
      'c.id as certificate_id',
      'c.record_id',
      'r.login as requested_by',
      'r.full_name as requested_by_name',
      'd.login as decided_by',
      'd.full_name as decided_by_name',
    ])
    .orderBy('b.document')
    .orderBy('b.series')
    .orderBy('b.number')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((b) => ({
      id: Number(b.id),
      batchId: b.batch_id,
      document: b.document,
      series: b.series,
      number: formatBlankNumber(b.number, b.digits),
      status: b.status,
      certificateId: b.certificate_id,
      recordId: b.record_id,
      spoil: b.spoil_reason
        ? {
            outcome: b.spoil_outcome,
            reason: b.spoil_reason,
            requestedBy: b.requested_by,
            requestedByName: b.requested_by_name,
            requestedAt: iso(b.spoil_requested_at),
            decidedBy: b.decided_by,
            decidedByName: b.decided_by_name,
            decidedAt: iso(b.spoil_decided_at),
            decisionReason: b.spoil_decision_reason,
          }
        : null,
      updatedAt: iso(b.updated_at),
    })),
  };
}

/** Batches an office has received, newest first. */
export async function listBatches(db: Kysely<Database>, actor: Actor, officeId: string | undefined) {
  assertMay(actor, 'read-blank-stock');
  const office = await visibleOffice(db, actor, officeId ?? actor.officeId);
  const rows = await certDb(db)
    .selectFrom('blank_batches as b')
    .leftJoin('users as u', 'u.id', 'b.received_by')
    .selectAll('b')
    .select(['u.login', 'u.full_name'])
    .where('b.office_id', '=', office.id)
    .orderBy('b.received_at', 'desc')
    .execute();
  return rows.map(presentBatch);
}

export function presentBatch(
  b: Omit<Selectable<BlankBatchesTable>, 'received_by' | 'received_at'> & {
    received_at: Date | string;
    login?: string | null;
    full_name?: string | null;
  },
) {
  return {
    id: b.id,
    office: b.office_id,
    document: b.document,
    series: b.series,
    from: formatBlankNumber(b.number_from, b.digits),
    to: formatBlankNumber(b.number_to, b.digits),
    count: b.number_to - b.number_from + 1,
    note: b.note,
    receivedBy: b.login ?? null,
    receivedByName: b.full_name ?? null,
    receivedAt: iso(b.received_at),
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
