import { feeChargeInputSchema, feeEntryInputSchema, recordFeesSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { recordFeeCharge, recordFeeEntry } from '../../fees/payments/commands.ts';
import { recordFees } from '../../fees/payments/record-fees.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';
import { recordParams } from '../records/schema.ts';

/**
 * A record's fees at the front office: what is due and paid (GET), a charge computed and stored,
 * and an entry of its ledger (payment, refund, waiver, correction); idempotent, audited writes.
 */
export async function recordFeeRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { dbx, config } = deps;
  const { r, doc } = documentedRoutes(app, 'fees');

  r.get(
    '/records/:id/fees',
    doc(
      "A record's fees: the charges in force with their ledgers and balances, what the registration would cost if nothing is stored yet, and whether it may be registered",
      { params: recordParams, response: readAnswers(recordFeesSchema) },
    ),
    async (req) => {
      const actor = actorOf(req);
      const answer = await recordFees(dbx.db, config, actor, req.params.id);
      await auditRead(dbx, [readEvent(actor, 'record.fees', req.params.id)]);
      return answer;
    },
  );

  r.post(
    '/records/:id/fees/charges',
    doc(
      "Compute the fee of a service for this record (its application and event dates, the applicant's category, the consular tariff at a consulate) and store it; a charge computed again for the same purpose replaces the one in force",
      { params: recordParams, body: feeChargeInputSchema, response: writeAnswers(recordFeesSchema, 201) },
    ),
    (req, reply) =>
      answerWrite(deps, req, reply, ['POST fees/charges', req.params.id, req.body], async (ctx) => {
        await recordFeeCharge(ctx, req.params.id, req.body);
        return { status: 201, body: await recordFees(ctx.trx, config, ctx.actor, req.params.id) };
      }),
  );

  r.post(
    '/records/:id/fees/entries',
    doc(
      'Record a payment (with its receipt number), a refund, a waiver or a correction against a charge of this record: a new entry, never an edit (refunds, waivers and corrections by the head of office, with a reason)',
      { params: recordParams, body: feeEntryInputSchema, response: writeAnswers(recordFeesSchema, 201) },
    ),
    (req, reply) =>
      answerWrite(deps, req, reply, ['POST fees/entries', req.params.id, req.body], async (ctx) => {
        await recordFeeEntry(ctx, req.params.id, req.body);
        return { status: 201, body: await recordFees(ctx.trx, config, ctx.actor, req.params.id) };
      }),
  );
}
