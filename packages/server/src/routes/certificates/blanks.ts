import {
  batchListSchema,
  batchSchema,
  blankListSchema,
  blankSchema,
  nextBlankSchema,
  stockReportSchema,
  transferListSchema,
  transferSchema,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { keptSeries } from '../../certificates/blanks/blank-numbers.ts';
import {
  findTransfer,
  listBatches,
  listBlanks,
  listTransfers,
  presentBatch,
  stockReport,
} from '../../certificates/blanks/blank-queries.ts';
import { receiveBatch } from '../../certificates/blanks/blank-receiving.ts';
import { peekBlank } from '../../certificates/blanks/blank-taking.ts';
import { transferBlanks } from '../../certificates/blanks/blank-transfers.ts';
import { decideSpoiled, reportSpoiled } from '../../certificates/blanks/blank-write-offs.ts';
import { assertMay } from '../../certificates/policy.ts';
import { certDb } from '../../certificates/tables.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, problems, readAnswers, responses, writeAnswers } from '../../http/responses.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';
import {
  batchBody,
  blankParams,
  blanksQuery,
  confirmBody,
  nextBlankQuery,
  officeQuery,
  rejectSpoilBody,
  spoilBody,
  transferBody,
} from './schema.ts';

/** Strict-accountability blanks: batches received, the stock report, spoiled blanks written off by two people. */
export async function blankRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'blanks');

  r.post(
    '/blanks/batches',
    doc('Receive a batch of blanks (series and number range) into an office', {
      body: batchBody,
      response: writeAnswers(batchSchema, 201),
    }),
    async (req, reply) => {
      const { office, ...rest } = req.body;
      return answerWrite({ dbx, config }, req, reply, ['POST /blanks/batches', req.body], async (ctx) => {
        const { id } = await receiveBatch(ctx, { ...rest, officeId: office });
        const row = await certDb(ctx.trx)
          .selectFrom('blank_batches as b')
          .leftJoin('users as u', 'u.id', 'b.received_by')
          .selectAll('b')
          .select(['u.login', 'u.full_name'])
          .where('b.id', '=', id)
          .executeTakeFirstOrThrow();
        return { status: 201, body: presentBatch(row) };
      });
    },
  );

  r.get(
    '/blanks/batches',
    doc('Batches an office has received', {
      querystring: officeQuery,
      response: readAnswers(batchListSchema),
    }),
    async (req) => ({ items: await listBatches(dbx.db, actorOf(req), req.query.office) }),
  );

  r.post(
    '/blanks/transfers',
    doc(
      'Hand blanks over to an office below (from a region to a district, from a district to a jamoat or a mobile office): a series and number range, every blank unused in the sending office',
      { body: transferBody, response: writeAnswers(transferSchema, 201) },
    ),
    async (req, reply) => {
      const { office, ...rest } = req.body;
      return answerWrite({ dbx, config }, req, reply, ['POST /blanks/transfers', req.body], async (ctx) => {
        const { id } = await transferBlanks(ctx, { ...rest, officeId: office });
        return { status: 201, body: await findTransfer(ctx.trx, id) };
      });
    },
  );

  r.get(
    '/blanks/transfers',
    doc('Blanks an office handed to offices below it or received from the office above', {
      querystring: officeQuery,
      response: readAnswers(transferListSchema),
    }),
    async (req) => ({ items: await listTransfers(dbx.db, actorOf(req), req.query.office) }),
  );

  r.get(
    '/blanks/stock',
    doc('Stock report of an office: per document, counts by status and the number ranges', {
      querystring: officeQuery,
      response: readAnswers(stockReportSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const report = await stockReport(dbx.db, actor, req.query.office);
      await auditRead(dbx, [readEvent(actor, 'blanks.stock', null, { office: report.office.id })]);
      return report;
    },
  );

  r.get(
    '/blanks/next',
    doc("The blank the next print of a document takes in the user's office (null: none in stock)", {
      querystring: nextBlankQuery,
      response: responses({ 200: nextBlankSchema, ...problems(400, 401, 403, 500) }),
    }),
    async (req) => {
      const actor = actorOf(req);
      assertMay(actor, 'issue-certificate');
      const blank = await peekBlank(
        dbx.db,
        config.blankNumberDigits,
        actor.officeId,
        req.query.document,
      ).catch((err: unknown) => {
        if (err instanceof DomainError && err.key === 'problem.blank.noneInStock') return null;
        throw err;
      });
      return { document: req.query.document, blank };
    },
  );

  r.get(
    '/blanks',
    doc('Blanks of an office by status, document, series or number (e.g. spoil requests to confirm)', {
      querystring: blanksQuery,
      response: readAnswers(blankListSchema),
    }),
    async (req) => {
      const { series, ...rest } = req.query;
      // a series typed on either keyboard is the series as kept
      const filter = { ...rest, ...(series ? { series: keptSeries(series, config) } : {}) };
      return listBlanks(dbx.db, actorOf(req), filter as never);
    },
  );

  r.post(
    '/blanks/:id/spoil',
    doc('Report a blank spoiled or lost, with a reason; the head of office confirms', {
      params: blankParams,
      body: spoilBody,
      response: writeAnswers(blankSchema),
    }),
    async (req, reply) => {
      const { id } = req.params;
      return answerWrite({ dbx, config }, req, reply, ['POST spoil', id, req.body], async (ctx) => {
        await reportSpoiled(ctx, id, req.body);
        return { status: 200, body: await blankView(ctx.trx, ctx.actor, id) };
      });
    },
  );

  for (const verdict of ['confirm', 'reject'] as const) {
    r.post(
      `/blanks/:id/spoil/${verdict}`,
      {
        schema: {
          tags: ['blanks'],
          summary:
            verdict === 'confirm'
              ? 'Confirm a spoil report (head of office, not the reporter): the blank is written off'
              : 'Reject a spoil report, with a reason: the blank returns to where it was',
          params: blankParams,
          body: verdict === 'confirm' ? confirmBody : rejectSpoilBody,
          response: writeAnswers(blankSchema),
        },
      },
      async (req, reply) => {
        const { id } = req.params;
        const body = (req.body ?? {}) as { status?: 'SPOILED' | 'LOST' | 'WRITTEN_OFF'; reason?: string };
        return answerWrite({ dbx, config }, req, reply, [`POST spoil/${verdict}`, id, body], async (ctx) => {
          await decideSpoiled(
            ctx,
            id,
            verdict === 'confirm'
              ? { confirm: true, status: body.status }
              : { confirm: false, reason: body.reason! },
          );
          return { status: 200, body: await blankView(ctx.trx, ctx.actor, id) };
        });
      },
    );
  }
}

async function blankView(
  db: Parameters<typeof listBlanks>[0],
  actor: Parameters<typeof listBlanks>[1],
  id: number,
) {
  const blank = await certDb(db)
    .selectFrom('blanks')
    .select(['office_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const { items } = await listBlanks(db, actor, { office: blank.office_id, limit: 1, offset: 0, id });
  return items[0];
}
