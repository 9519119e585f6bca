import {
  cashDayQuerySchema,
  cashDaySchema,
  cashReportParams,
  cashReportSchema,
  feeReportQuerySchema,
  feeReportSchema,
  handInAnswerSchema,
  handInBodySchema,
  prepareCashReportBodySchema,
  statementImportBodySchema,
  statementListQuerySchema,
  statementListSchema,
  statementSchema,
  todayIn,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { readDb } from '../../db/read-replica.ts';
import { cashDay, handInCash, prepareCashReport, signCashReport } from '../../fees/cash/cash-reports.ts';
import { feeReportOf } from '../../fees/cash/fee-reports.ts';
import { importStatement, listStatements, readStatement } from '../../fees/cash/statements.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, responses, writeAnswers } from '../../http/responses.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';

/**
 * The day's cash (reports per clerk and per office, cash handed in, the head's sign-off), bank
 * statements matched to the bank-transfer payments, and the fee reports per office, service and
 * period. Roles and reach: core CASH_MATRIX (fees/cash/policy.ts).
 */
export async function cashRoutes(app: FastifyInstance, { config, dbx, files }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'fees');

  r.get(
    '/fees/cash/day',
    doc(
      "An office's business day: its cash report and each clerk's, as prepared and as the ledger gives them now, with the cash handed in (the office's clerks, its head, the offices above, auditors)",
      { querystring: cashDayQuerySchema, response: readAnswers(cashDaySchema) },
    ),
    async (req) => cashDay(dbx.db, actorOf(req), todayIn(config.timeZone), req.query),
  );

  r.post(
    '/fees/cash/reports',
    doc(
      "Prepare the day's cash report of one's own drawer or of one's office from the ledger: cash received, refunded, corrected, handed in; terminal and bank transfers apart; the opening is the previous signed report's closing. Unchanged: the same report (200); a signed report is replaced only with a reason",
      {
        body: prepareCashReportBodySchema,
        response: responses({ ...writeAnswers(cashReportSchema, 201), 200: cashReportSchema }),
      },
    ),
    async (req, reply) =>
      answerWrite({ dbx, config }, req, reply, ['POST /fees/cash/reports', req.body], async (ctx) => {
        const { created, report } = await prepareCashReport(ctx, req.body);
        return { status: created ? 201 : 200, body: report };
      }),
  );

  r.post(
    '/fees/cash/handovers',
    doc("Hand in cash from one's drawer: never more than it holds, never on a day whose report is signed", {
      body: handInBodySchema,
      response: writeAnswers(handInAnswerSchema, 201),
    }),
    async (req, reply) =>
      answerWrite({ dbx, config }, req, reply, ['POST /fees/cash/handovers', req.body], async (ctx) => ({
        status: 201,
        body: await handInCash(ctx, req.body),
      })),
  );

  r.post(
    '/fees/cash/reports/:id/sign',
    doc(
      "Sign a cash report (the head of office of its office or one above): never one's own, only the report in force and as the ledger still gives it; signed, it never changes",
      { params: cashReportParams, response: writeAnswers(cashReportSchema) },
    ),
    async (req, reply) =>
      answerWrite(
        { dbx, config },
        req,
        reply,
        ['POST /fees/cash/reports/:id/sign', req.params],
        async (ctx) => ({
          status: 200,
          body: await signCashReport(ctx, req.params.id),
        }),
      ),
  );

  r.post(
    '/fees/statements',
    doc(
      'Import a bank statement (CSV, base64; see README: semicolon or comma separated, dd.mm.yyyy, decimal comma, a header in tg/ru/en) and match its lines to the bank-transfer payments by reference and amount. The same file again for the same office is the same import (200)',
      {
        body: statementImportBodySchema,
        response: responses({ ...writeAnswers(statementSchema, 201), 200: statementSchema }),
      },
    ),
    async (req, reply) =>
      answerWrite({ dbx, config }, req, reply, ['POST /fees/statements', req.body], async (ctx) => {
        const { created, statement } = await importStatement(ctx, files, req.body);
        return { status: created ? 201 : 200, body: statement };
      }),
  );

  r.get(
    '/fees/statements',
    doc('The bank statements imported for an office and the offices under it, newest first', {
      querystring: statementListQuerySchema,
      response: readAnswers(statementListSchema),
    }),
    async (req) => listStatements(dbx.db, actorOf(req), req.query.office),
  );

  r.get(
    '/fees/statements/:id',
    doc(
      "A statement's lines with what each matched (matched, amount differs, unknown reference, duplicate, matched before) and the bank-transfer payments of its period no import matched",
      { params: cashReportParams, response: readAnswers(statementSchema) },
    ),
    async (req) => readStatement(dbx.db, actorOf(req), req.params.id),
  );

  r.get(
    '/fees/reports',
    doc(
      'The fee report of an office and the offices under it for a period, optionally one service: charges, paid, refunded, waived, outstanding per office, service and currency',
      { querystring: feeReportQuerySchema, response: readAnswers(feeReportSchema) },
    ),
    async (req) => {
      const actor = actorOf(req);
      // a report over days may lag: from the replica, unless this user wrote since it last caught up
      const report = await feeReportOf(readDb(dbx, actor.readAfterLsn), actor, config.timeZone, req.query);
      await auditRead(dbx, [
        readEvent(actor, 'fees.report-read', null, {
          office: report.officeId,
          from: report.from,
          to: report.to,
          service: report.service,
        }),
      ]);
      return report;
    },
  );
}
