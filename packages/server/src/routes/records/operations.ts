import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { annulRecord, decideAmendment, requestAmendment } from '../../commands/amend-record.ts';
import { createRecord } from '../../commands/create-record.ts';
import { auditRead, readEvent, runWrite } from '../../commands/write.ts';
import { actorOf, idempotencyKey, localeOf, type RouteDeps, sendWrite } from '../../http/context.ts';
import { recordView } from '../../queries/record-view.ts';
import { amendmentRequests, findRecord } from '../../queries/records.ts';
import { sealInfo } from '../../queries/sealing.ts';
import { amendmentBody, annulBody, decisionBody, recordParams, restorationBody } from './schema.ts';

/** Operations on registered records: amendment (request, approve, reject), annulment, restoration. */
export async function recordOperationRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/records/restorations',
    {
      schema: {
        tags: ['operations'],
        summary: 'Restore a lost or destroyed record on a court decision: a new draft flagged restored',
        body: restorationBody,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const locale = localeOf(req);
      const { court, original, ...input } = req.body;
      const result = await runWrite(
        dbx,
        actor,
        config,
        { key: idempotencyKey(req), fingerprint: ['POST /records/restorations', req.body] },
        async (ctx) => {
          const { id, created } = await createRecord(ctx, input, { court, original });
          return {
            status: created ? 201 : 200,
            body: (await recordView(ctx.trx, config, actor, locale, id)).body,
          };
        },
      );
      reply.header('location', `/api/v1/records/${result.body.id}`);
      return sendWrite(reply, result);
    },
  );

  r.post(
    '/records/:id/amendments',
    {
      schema: {
        tags: ['operations'],
        summary: 'Ask for a correction or change of a registered record (reason and basis document)',
        params: recordParams,
        body: amendmentBody,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const locale = localeOf(req);
      const { id } = req.params;
      const result = await runWrite(
        dbx,
        actor,
        config,
        { key: idempotencyKey(req), fingerprint: ['POST amendments', id, req.body] },
        async (ctx) => {
          await requestAmendment(ctx, id, req.body);
          return { status: 201, body: (await recordView(ctx.trx, config, actor, locale, id)).body };
        },
      );
      return sendWrite(reply, result);
    },
  );

  r.get(
    '/records/:id/amendments',
    {
      schema: {
        tags: ['operations'],
        summary: 'Amendment requests of a record: pending, approved and rejected',
        params: recordParams,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const rec = await findRecord(dbx.db, actor, req.params.id);
      const rows = await amendmentRequests(dbx.db, rec.id);
      const seal = await sealInfo(dbx.db, actor, rec);
      const hidden = (baseVersion: number) => !seal.canSee && (seal.whole || seal.versions.has(baseVersion));
      await auditRead(dbx, [readEvent(actor, 'record.amendments', rec.id)]);
      return {
        items: rows.map((a) => ({
          id: a.id,
          status: a.status,
          baseVersion: a.base_version,
          patch: hidden(a.base_version) ? null : a.patch,
          sealed: hidden(a.base_version),
          reason: hidden(a.base_version) ? null : a.reason,
          basis: hidden(a.base_version) ? null : a.basis,
          requestedBy: a.requested_by,
          requestedAt: new Date(a.requested_at).toISOString(),
          decidedBy: a.decided_by,
          decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null,
          decisionReason: a.decision_reason,
          resultVersion: a.result_version,
        })),
      };
    },
  );

  for (const verdict of ['approve', 'reject'] as const) {
    r.post(
      `/records/:id/amendments/${verdict}`,
      {
        schema: {
          tags: ['operations'],
          summary:
            verdict === 'approve'
              ? 'Approve the pending amendment: the record gets a new version'
              : 'Reject the pending amendment, with a reason',
          params: recordParams,
          body: decisionBody,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const locale = localeOf(req);
        const { id } = req.params;
        const result = await runWrite(
          dbx,
          actor,
          config,
          { key: idempotencyKey(req), fingerprint: [`POST amendments/${verdict}`, id, req.body ?? {}] },
          async (ctx) => {
            await decideAmendment(ctx, id, verdict === 'approve', { reason: req.body?.reason });
            return { status: 200, body: (await recordView(ctx.trx, config, actor, locale, id)).body };
          },
        );
        return sendWrite(reply, result);
      },
    );
  }

  r.post(
    '/records/:id/annul',
    {
      schema: {
        tags: ['operations'],
        summary: 'Annul a registered record on a court decision or as a duplicate; it is kept forever',
        params: recordParams,
        body: annulBody,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const locale = localeOf(req);
      const { id } = req.params;
      const result = await runWrite(
        dbx,
        actor,
        config,
        { key: idempotencyKey(req), fingerprint: ['POST annul', id, req.body] },
        async (ctx) => {
          await annulRecord(ctx, id, req.body);
          return { status: 200, body: (await recordView(ctx.trx, config, actor, locale, id)).body };
        },
      );
      return sendWrite(reply, result);
    },
  );
}
