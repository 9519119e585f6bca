import { type Kysely, type Selectable, sql } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { assertMay, visibleOffice } from '../policy.ts';
import { BLANK_STATUSES, type BlankBatchesTable, type BlankStatus, certDb } from '../tables.ts';
import { formatBlankNumber } from './blank-stock.ts';

/** The stock report of an office: per document, counts by status and the ranges of numbers. */
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
  const byDocument = new Map<
    string,
    {
      counts: Record<BlankStatus, number>;
      ranges: { series: string; status: BlankStatus; from: string; to: string; count: number }[];
    }
  >();
  for (const r of ranges.rows) {
    let entry = byDocument.get(r.document);
    if (!entry) {
      entry = {
        counts: Object.fromEntries(BLANK_STATUSES.map((s) => [s, 0])) as Record<BlankStatus, number>,
        ranges: [],
      };
      byDocument.set(r.document, entry);
    }
    entry.counts[r.status] += Number(r.count);
    entry.ranges.push({
      series: r.series,
      status: r.status,
      from: formatBlankNumber(Number(r.first), Number(r.digits)),
      to: formatBlankNumber(Number(r.last), Number(r.digits)),
      count: Number(r.count),
    });
  }
  return {
    office: { id: office.id, nameTg: office.name_tg, nameRu: office.name_ru, nameEn: office.name_en },
    documents: [...byDocument.entries()].map(([document, e]) => ({
      document,
      counts: e.counts,
      total: Object.values(e.counts).reduce((a, b) => a + b, 0),
      ranges: e.ranges,
    })),
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
