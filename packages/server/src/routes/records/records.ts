import {
  historySchema,
  queueCountsSchema,
  recordListSchema,
  recordViewSchema,
  versionsSchema,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { createRecord } from '../../commands/create-record.ts';
import { editRecord } from '../../commands/edit-record.ts';
import { transitionRecord } from '../../commands/transition-record.ts';
import { shortenWaitingPeriod } from '../../commands/waiting-period.ts';
import { readDb } from '../../db/read-replica.ts';
import { actorOf, localeOf, type RouteDeps } from '../../http/context.ts';
import { Problem } from '../../http/problem.ts';
import {
  documentedRoutes,
  problems,
  readAnswers,
  responses,
  WRITE_PROBLEMS,
  writeAnswers,
} from '../../http/responses.ts';
import { sealedRowsShown } from '../../policies/sealing.ts';
import { presentListRow } from '../../presenters/list-row.ts';
import { historyView, recordView, versionsView } from '../../presenters/record-view.ts';
import { queueCounts } from '../../queries/record-counts.ts';
import { listRecords } from '../../queries/records.ts';
import { etag } from '../../unit-of-work/etag.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';
import {
  actionBody,
  actionParams,
  createRecordBody,
  historyQuery,
  listQuery,
  patchRecordBody,
  recordParams,
  shortenWaitingBody,
} from './schema.ts';
import { writeRecord } from './write-record.ts';

export async function recordRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { config, dbx } = deps;
  const { r, doc } = documentedRoutes(app, 'records');

  r.post(
    '/records',
    doc('Start a draft act record (send an Idempotency-Key or a client id so retries are safe)', {
      body: createRecordBody,
      response: responses({
        200: recordViewSchema.describe('The draft made before with this id or key'),
        201: recordViewSchema,
        ...WRITE_PROBLEMS,
      }),
    }),
    (req, reply) =>
      writeRecord(
        deps,
        req,
        reply,
        ['POST /records', req.body],
        async (ctx) => {
          const { id, created } = await createRecord(ctx, req.body);
          return { id, status: created ? 201 : 200 };
        },
        { location: true },
      ),
  );

  r.patch(
    '/records/:id',
    doc('Edit a draft (If-Match with the ETag you read is required)', {
      params: recordParams,
      body: patchRecordBody,
      response: writeAnswers(recordViewSchema),
    }),
    (req, reply) =>
      writeRecord(deps, req, reply, ['PATCH', req.params.id, req.body], async (ctx) => {
        await editRecord(ctx, req.params.id, req.headers['if-match'], req.body.data);
        return { id: req.params.id };
      }),
  );

  r.post(
    '/records/:id/:action',
    doc('Submit, validate, reject (with a reason) or register a record; cancel a draft (with a reason)', {
      params: actionParams,
      body: actionBody,
      response: writeAnswers(recordViewSchema),
    }),
    (req, reply) => {
      const { id, action } = req.params;
      return writeRecord(deps, req, reply, ['POST', id, action, req.body ?? {}], async (ctx) => {
        const done = await transitionRecord(ctx, id, action, {
          reason: req.body?.reason,
          ifMatch: req.headers['if-match'],
        });
        if (done.duplicates) {
          return {
            problem: new Problem(409, 'problem.possibleDuplicate', {}, [], { candidates: done.duplicates }),
          };
        }
        return { id };
      });
    },
  );

  r.post(
    '/records/:id/shorten-waiting',
    doc(
      "The head of office shortens (or waives) a marriage's month between application and registration: ground, reason, basis document",
      {
        params: recordParams,
        body: shortenWaitingBody,
        response: writeAnswers(recordViewSchema),
      },
    ),
    (req, reply) =>
      writeRecord(deps, req, reply, ['POST shorten-waiting', req.params.id, req.body], async (ctx) => {
        await shortenWaitingPeriod(ctx, req.params.id, { ...req.body, ifMatch: req.headers['if-match'] });
        return { id: req.params.id };
      }),
  );

  r.get(
    '/records/:id',
    doc('A record with its links, notations and allowed actions', {
      params: recordParams,
      response: readAnswers(recordViewSchema),
    }),
    async (req, reply) => {
      const actor = actorOf(req);
      const { body, sealedShown } = await recordView(dbx.db, config, actor, localeOf(req), req.params.id);
      await auditRead(dbx, [readEvent(actor, sealedShown ? 'record.sealed-read' : 'record.read', body.id)]);
      return reply.header('etag', etag(body.revision)).send(body);
    },
  );

  r.get(
    '/records/:id/history',
    doc(
      "The record's action log: who, role, office, when, what; a person's consecutive autosaves as one entry with the combined difference (autosaves=each: every save)",
      {
        params: recordParams,
        querystring: historyQuery,
        response: readAnswers(historySchema),
      },
    ),
    async (req) => {
      const actor = actorOf(req);
      const { rec, items, sealedShown } = await historyView(
        dbx.db,
        actor,
        req.params.id,
        req.query.autosaves !== 'each',
      );
      await auditRead(dbx, [
        readEvent(actor, sealedShown ? 'record.sealed-history' : 'record.history', rec.id),
      ]);
      return { items };
    },
  );

  r.get(
    '/records/:id/versions',
    doc('Every registered version of the record with the differences between them', {
      params: recordParams,
      response: readAnswers(versionsSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const { rec, items, sealedShown } = await versionsView(dbx.db, actor, req.params.id);
      await auditRead(dbx, [
        readEvent(actor, sealedShown ? 'record.sealed-versions' : 'record.versions', rec.id),
      ]);
      return { items };
    },
  );

  r.get(
    '/records/counts',
    doc(
      'How many records wait in each work queue of your jurisdiction (kept as records change, not counted per request)',
      {
        response: responses({ 200: queueCountsSchema, ...problems(401, 500) }),
      },
    ),
    // the header's counts may lag: from the replica, unless this user wrote since it last caught up
    async (req) => {
      const actor = actorOf(req);
      return queueCounts(readDb(dbx, actor.readAfterLsn), actor);
    },
  );

  r.get(
    '/records',
    doc(
      'Records in your jurisdiction by status, kind, office and flag; one page at a time by page token (`next`, `previous`), with the total (exact, or at least 10,000 where it is counted: see totalIs)',
      {
        querystring: listQuery,
        response: readAnswers(recordListSchema),
      },
    ),
    async (req) => {
      const actor = actorOf(req);
      const { total, totalIs, items, next, previous } = await listRecords(dbx.db, actor, req.query);
      const sealed = sealedRowsShown(actor, items);
      await auditRead(dbx, [
        readEvent(actor, 'records.list', null, {
          filter: req.query,
          records: items.map((i) => i.id),
          ...(sealed.length ? { sealed } : {}),
        }),
      ]);
      return {
        total,
        totalIs,
        limit: req.query.limit,
        next,
        previous,
        items: items.map((i) => ({
          ...presentListRow(actor, i),
          revision: i.revision,
          createdAt: new Date(i.created_at).toISOString(),
          updatedAt: new Date(i.updated_at).toISOString(),
        })),
      };
    },
  );
}
