import { amendmentsSchema, recordViewSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { annulRecord, decideAmendment, requestAmendment } from '../../commands/amend-record.ts';
import { createRecord } from '../../commands/create-record.ts';
import { actorOf, type RouteDeps } from '../../http/context.ts';
import {
  documentedRoutes,
  readAnswers,
  responses,
  WRITE_PROBLEMS,
  writeAnswers,
} from '../../http/responses.ts';
import { personalView } from '../../policies/records.ts';
import { sealInfo, versionHidden } from '../../policies/sealing.ts';
import { amendmentRequests, findRecord } from '../../queries/records.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';
import { amendmentBody, annulBody, decisionBody, recordParams, restorationBody } from './schema.ts';
import { writeRecord } from './write-record.ts';

/** Operations on registered records: amendment (request, approve, reject), annulment, restoration. */
export async function recordOperationRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { dbx } = deps;
  const { r, doc } = documentedRoutes(app, 'operations');

  r.post(
    '/records/restorations',
    doc('Restore a lost or destroyed record on a court decision: a new draft flagged restored', {
      body: restorationBody,
      response: responses({
        200: recordViewSchema.describe('The restoration made before with this id or key'),
        201: recordViewSchema,
        ...WRITE_PROBLEMS,
      }),
    }),
    (req, reply) => {
      const { court, original, ...input } = req.body;
      return writeRecord(
        deps,
        req,
        reply,
        ['POST /records/restorations', req.body],
        async (ctx) => {
          const { id, created } = await createRecord(ctx, input, { court, original });
          return { id, status: created ? 201 : 200 };
        },
        { location: true },
      );
    },
  );

  r.post(
    '/records/:id/amendments',
    doc('Ask for a correction or change of a registered record (reason and basis document)', {
      params: recordParams,
      body: amendmentBody,
      response: writeAnswers(recordViewSchema, 201),
    }),
    (req, reply) =>
      writeRecord(deps, req, reply, ['POST amendments', req.params.id, req.body], async (ctx) => {
        await requestAmendment(ctx, req.params.id, req.body);
        return { id: req.params.id, status: 201 };
      }),
  );

  r.get(
    '/records/:id/amendments',
    doc('Amendment requests of a record: pending, approved and rejected', {
      params: recordParams,
      response: readAnswers(amendmentsSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const rec = await findRecord(dbx.db, actor, req.params.id);
      const rows = await amendmentRequests(dbx.db, rec.id);
      const seal = await sealInfo(dbx.db, actor, rec);
      const hidden = (baseVersion: number) => versionHidden(seal, baseVersion);
      await auditRead(dbx, [readEvent(actor, 'record.amendments', rec.id)]);
      return {
        items: rows.map((a) => ({
          id: a.id,
          status: a.status,
          baseVersion: a.base_version,
          patch: hidden(a.base_version) ? null : personalView(actor, a.patch),
          sealed: hidden(a.base_version),
          reason: hidden(a.base_version) ? null : a.reason,
          basis: hidden(a.base_version) ? null : a.basis,
          requestedBy: a.requested_by,
          requestedByName: a.requested_by_name,
          requestedAt: new Date(a.requested_at).toISOString(),
          decidedBy: a.decided_by,
          decidedByName: a.decided_by_name,
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
          response: writeAnswers(recordViewSchema),
        },
      },
      (req, reply) =>
        writeRecord(
          deps,
          req,
          reply,
          [`POST amendments/${verdict}`, req.params.id, req.body ?? {}],
          async (ctx) => {
            await decideAmendment(ctx, req.params.id, verdict === 'approve', { reason: req.body?.reason });
            return { id: req.params.id };
          },
        ),
    );
  }

  r.post(
    '/records/:id/annul',
    doc('Annul a registered record on a court decision or as a duplicate; it is kept forever', {
      params: recordParams,
      body: annulBody,
      response: writeAnswers(recordViewSchema),
    }),
    (req, reply) =>
      writeRecord(deps, req, reply, ['POST annul', req.params.id, req.body], async (ctx) => {
        await annulRecord(ctx, req.params.id, req.body);
        return { id: req.params.id };
      }),
  );
}
