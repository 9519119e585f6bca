import { randomUUID } from 'node:crypto';
import {
  addDays,
  MATCH_RESULTS,
  type MatchResult,
  matchStatement,
  readBankStatement,
  type StatementSummaryView,
  type StatementView,
  statementPeriod,
  type TransferPayment,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { sha256Hex } from '../../storage/file-store.ts';
import { recordStoredFile } from '../../storage/tables.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { cashOffice } from './policy.ts';
import { type CashDatabase, cashDb } from './tables.ts';

/**
 * Bank statements: the CSV (core readBankStatement) kept in the file store, each line matched to
 * the bank-transfer payments of the importing office and the offices under it (core
 * matchStatement), what matched kept with the line. The same file imported again for the same
 * office is the same import. A payment's transfer is looked for among the payments of the
 * statement's period and the LOOKBACK_DAYS before it, and by its exact reference at any date.
 */

export const LOOKBACK_DAYS = 90;

type Db = Kysely<CashDatabase>;

/** Bank-transfer payments of offices under `path`, not undone by a correction. */
function transfers(db: Db, path: string) {
  return db
    .selectFrom('fee_payments as p')
    .innerJoin('offices as o', 'o.id', 'p.office_id')
    .select([
      'p.id',
      'p.external_reference',
      'p.amount_minor',
      'p.currency',
      'p.business_date',
      'p.receipt_number',
    ])
    .where('p.kind', '=', 'payment')
    .where('p.method', '=', 'bank-transfer')
    .where('o.path', 'like', `${path}%`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('fee_payments as c').select('c.id').whereRef('c.corrects', '=', 'p.id'))),
    );
}

type TransferRow = {
  id: string;
  external_reference: string | null;
  amount_minor: number;
  currency: string;
  business_date: string;
  receipt_number: string | null;
};

const toTransfer = (r: TransferRow): TransferPayment & { receiptNumber: string | null } => ({
  id: r.id,
  reference: r.external_reference ?? '',
  amountMinor: r.amount_minor,
  currency: r.currency as 'TJS' | 'USD',
  businessDate: r.business_date,
  receiptNumber: r.receipt_number,
});

async function matchedIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('bank_statement_lines')
    .select('payment_id')
    .where('result', '=', 'matched')
    .where('payment_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.payment_id!));
}

/** The bank-transfer payments of a period under an office that no import has matched. */
async function missingOf(db: Db, path: string, from: string, to: string) {
  const rows = await transfers(db, path)
    .where('p.business_date', '>=', from)
    .where('p.business_date', '<=', to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('bank_statement_lines as l')
            .select('l.payment_id')
            .whereRef('l.payment_id', '=', 'p.id')
            .where('l.result', '=', 'matched'),
        ),
      ),
    )
    .orderBy('p.business_date')
    .orderBy('p.external_reference')
    .orderBy('p.id')
    .execute();
  return rows.map(toTransfer);
}

/** Imports a statement for an office (the user's own unless named): 201 when new, 200 when the same file was imported before. */
export async function importStatement(
  ctx: WriteContext,
  files: FileStore,
  input: { content: string; fileName?: string; office?: string },
): Promise<{ created: boolean; statement: StatementView }> {
  const office = await cashOffice(ctx.trx, ctx.actor, 'import-bank-statement', input.office);
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length === 0) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['content'], key: 'error.statement.empty' },
    ]);
  }
  const db = cashDb(ctx.trx);
  // imports one at a time: two statements never match the same payment
  await sql`SELECT pg_advisory_xact_lock(hashtext('sabt.bank-statements'))`.execute(ctx.trx);
  const sha256 = sha256Hex(bytes);
  const before = await db
    .selectFrom('bank_statements')
    .select('id')
    .where('office_id', '=', office.id)
    .where('file_sha256', '=', sha256)
    .executeTakeFirst();
  if (before) return { created: false, statement: await statementView(db, before.id) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['content'], key: 'error.statement.encoding' },
    ]);
  }
  const read = readBankStatement(text);
  if (!read.ok) throw new DomainError('invalid', 'problem.validation', {}, read.issues);
  const period = statementPeriod(read.lines);
  const rawRefs = [...new Set(read.lines.map((l) => l.reference))];
  const candidates = (
    await transfers(db, office.path)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('p.business_date', '>=', addDays(period.from, -LOOKBACK_DAYS)),
            eb('p.business_date', '<=', period.to),
          ]),
          eb('p.external_reference', 'in', rawRefs),
        ]),
      )
      .execute()
  ).map(toTransfer);
  const periodPayments = candidates.filter(
    (p) => p.businessDate >= period.from && p.businessDate <= period.to,
  );
  const { lines } = matchStatement({
    lines: read.lines,
    payments: candidates,
    matchedBefore: await matchedIds(
      db,
      candidates.map((c) => c.id),
    ),
    periodPayments,
  });
  const stored = await files.put(bytes, { purpose: 'report', claimed: input.fileName });
  await recordStoredFile(ctx.trx, stored, ctx.now);
  const id = randomUUID();
  await db
    .insertInto('bank_statements')
    .values({
      id,
      office_id: office.id,
      file_sha256: sha256,
      file_name: input.fileName ?? null,
      period_from: period.from,
      period_to: period.to,
      line_count: lines.length,
      imported_by: ctx.actor.id,
      imported_at: ctx.now,
    })
    .execute();
  for (let i = 0; i < lines.length; i += 500) {
    await db
      .insertInto('bank_statement_lines')
      .values(
        lines.slice(i, i + 500).map((l) => ({
          statement_id: id,
          line_number: l.line,
          value_date: l.valueDate,
          amount_minor: l.amountMinor,
          currency: l.currency,
          reference: l.reference,
          payer: l.payer,
          purpose: l.purpose,
          result: l.result,
          payment_id: l.paymentId,
        })),
      )
      .execute();
  }
  const counts = countResults(lines.map((l) => l.result));
  ctx.audit.push({
    event: 'fees.statement-imported',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: office.id,
    detail: { statementId: id, fileSha256: sha256, periodFrom: period.from, periodTo: period.to, counts },
  });
  return { created: true, statement: await statementView(db, id) };
}

function countResults(results: MatchResult[]): Record<MatchResult, number> {
  const counts = Object.fromEntries(MATCH_RESULTS.map((r) => [r, 0])) as Record<MatchResult, number>;
  for (const r of results) counts[r] += 1;
  return counts;
}

const summaryQuery = (db: Db) =>
  db
    .selectFrom('bank_statements as s')
    .innerJoin('users as u', 'u.id', 's.imported_by')
    .innerJoin('offices as o', 'o.id', 's.office_id')
    .selectAll('s')
    .select(['u.login', 'u.full_name', 'o.path']);

async function summaries(
  db: Db,
  rows: Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>,
): Promise<StatementSummaryView[]> {
  if (!rows.length) return [];
  const results = await db
    .selectFrom('bank_statement_lines')
    .select(['statement_id', 'result', sql<number>`count(*)::int`.as('n')])
    .where(
      'statement_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy(['statement_id', 'result'])
    .execute();
  return rows.map((s) => {
    const counts = countResults([]);
    for (const r of results) if (r.statement_id === s.id) counts[r.result] = Number(r.n);
    return {
      id: s.id,
      officeId: s.office_id,
      fileName: s.file_name,
      fileSha256: s.file_sha256.trim(),
      periodFrom: s.period_from,
      periodTo: s.period_to,
      lineCount: s.line_count,
      counts,
      importedBy: { id: s.imported_by, login: s.login, fullName: s.full_name },
      importedAt: new Date(s.imported_at).toISOString(),
    };
  });
}

async function statementView(db: Db, id: string): Promise<StatementView> {
  const s = await summaryQuery(db).where('s.id', '=', id).executeTakeFirstOrThrow();
  const [summary] = await summaries(db, [s]);
  const lines = await db
    .selectFrom('bank_statement_lines as l')
    .leftJoin('fee_payments as p', 'p.id', 'l.payment_id')
    .selectAll('l')
    .select('p.amount_minor as payment_amount')
    .where('l.statement_id', '=', id)
    .orderBy('l.line_number')
    .execute();
  return {
    ...summary!,
    lines: lines.map((l) => ({
      line: l.line_number,
      valueDate: l.value_date,
      amountMinor: l.amount_minor,
      currency: l.currency,
      reference: l.reference,
      payer: l.payer,
      purpose: l.purpose,
      result: l.result,
      paymentId: l.payment_id,
      expectedMinor: l.result === 'amount-differs' ? (l.payment_amount ?? null) : null,
    })),
    missing: await missingOf(db, s.path, s.period_from, s.period_to),
  };
}

/** One statement with its lines and the payments of its period still missing (within the user's subtree). */
export async function readStatement(kdb: Kysely<Database>, actor: Actor, id: string): Promise<StatementView> {
  const db = cashDb(kdb);
  const s = await db
    .selectFrom('bank_statements')
    .select(['id', 'office_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) throw notFound();
  await cashOffice(kdb, actor, 'read-bank-statements', s.office_id);
  return statementView(db, id);
}

/** The statements imported for an office and the offices under it, newest first. */
export async function listStatements(kdb: Kysely<Database>, actor: Actor, officeId: string | undefined) {
  const office = await cashOffice(kdb, actor, 'read-bank-statements', officeId);
  const db = cashDb(kdb);
  const rows = await summaryQuery(db)
    .where('o.path', 'like', `${office.path}%`)
    .orderBy('s.imported_at', 'desc')
    .orderBy('s.id')
    .limit(200)
    .execute();
  return { items: await summaries(db, rows) };
}
