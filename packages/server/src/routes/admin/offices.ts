import {
  adminOfficeListSchema,
  adminOfficeSchema,
  moveOfficeSchema,
  newOfficeSchema,
  newVisitSchema,
  officeDetailsSchema,
  publicOfficeSchema,
  renameOfficeSchema,
  todayIn,
  visitListSchema,
  visitQuerySchema,
  visitSchema,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addVisit,
  cancelVisit,
  listAdminOffices,
  listVisits,
  moveOffice,
  openOffice,
  renameOffice,
  setOfficeOpen,
} from '../../admin/offices.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { publishOfficeDetails } from '../../portal/office-details.ts';

const officeParams = z.strictObject({ id: z.string().min(2).max(20) });
const visitParams = z.strictObject({ id: z.string().min(2).max(20), visit: z.uuid({ error: 'error.uuid' }) });
const none = z.strictObject({}).nullish();

/**
 * The office tree kept in the workspace (the central department: open, close, reopen, rename,
 * move) and the mobile offices' visits (their head of office too). Idempotent, audited commands in
 * admin/offices.ts; who may is core's ADMIN_MATRIX, checked by policies/administration.ts.
 */
export async function adminOfficeRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'administration');
  const write = answerWrite.bind(null, { dbx, config });

  r.get(
    '/admin/offices',
    doc('The offices in your jurisdiction, in tree order, with their official names, status and users', {
      response: readAnswers(adminOfficeListSchema),
    }),
    async (req) => ({ items: await listAdminOffices(dbx.db, actorOf(req)) }),
  );

  r.post(
    '/admin/offices',
    doc('Open a jamoat or a mobile office under a district, or a consulate under the centre', {
      body: newOfficeSchema,
      response: writeAnswers(adminOfficeSchema, 201),
    }),
    async (req, reply) =>
      write(req, reply, ['POST /admin/offices', req.body], async (ctx) => ({
        status: 201,
        body: await openOffice(ctx, req.body),
      })),
  );

  r.patch(
    '/admin/offices/:id',
    doc('Rename an office: its three names and the official name documents print', {
      params: officeParams,
      body: renameOfficeSchema,
      response: writeAnswers(adminOfficeSchema),
    }),
    async (req, reply) =>
      write(req, reply, ['PATCH /admin/offices', req.params.id, req.body], async (ctx) => ({
        status: 200,
        body: await renameOffice(ctx, req.params.id, req.body),
      })),
  );

  for (const [path, open, summary] of [
    ['close', false, 'Close an office: no new records; what it holds stays readable'],
    ['reopen', true, 'Open a closed office again'],
  ] as const) {
    r.post(
      `/admin/offices/:id/${path}`,
      doc(summary, { params: officeParams, body: none, response: writeAnswers(adminOfficeSchema) }),
      async (req, reply) =>
        write(req, reply, [`POST /admin/offices/${path}`, req.params.id], async (ctx) => ({
          status: 200,
          body: await setOfficeOpen(ctx, req.params.id, open),
        })),
    );
  }

  r.put(
    '/admin/offices/:id/details',
    doc(
      'Publish what the citizen portal shows of an office: its address (tg, ru, en), telephone and opening hours; null withdraws one',
      { params: officeParams, body: officeDetailsSchema, response: writeAnswers(publicOfficeSchema) },
    ),
    async (req, reply) =>
      write(req, reply, ['PUT /admin/offices/details', req.params.id, req.body], async (ctx) => ({
        status: 200,
        body: await publishOfficeDetails(ctx, req.params.id, req.body),
      })),
  );

  r.post(
    '/admin/offices/:id/move',
    doc('Move a jamoat or a mobile office to another district, its records with it', {
      params: officeParams,
      body: moveOfficeSchema,
      response: writeAnswers(adminOfficeSchema),
    }),
    async (req, reply) =>
      write(req, reply, ['POST /admin/offices/move', req.params.id, req.body], async (ctx) => ({
        status: 200,
        body: await moveOffice(ctx, req.params.id, req.body.parent),
      })),
  );

  r.get(
    '/admin/offices/:id/visits',
    doc("A mobile office's visits from a day on (today when not asked)", {
      params: officeParams,
      querystring: visitQuerySchema,
      response: readAnswers(visitListSchema),
    }),
    async (req) => ({
      items: await listVisits(
        dbx.db,
        actorOf(req),
        req.params.id,
        req.query.from ?? todayIn(config.timeZone),
      ),
    }),
  );

  r.post(
    '/admin/offices/:id/visits',
    doc("Plan a mobile office's visit: the day, the hours and where the minivan stands", {
      params: officeParams,
      body: newVisitSchema,
      response: writeAnswers(visitSchema, 201),
    }),
    async (req, reply) =>
      write(req, reply, ['POST /admin/offices/visits', req.params.id, req.body], async (ctx) => ({
        status: 201,
        body: await addVisit(ctx, req.params.id, req.body),
      })),
  );

  r.post(
    '/admin/offices/:id/visits/:visit/cancel',
    doc('Call a planned visit off (it stays in the list, marked cancelled)', {
      params: visitParams,
      body: none,
      response: writeAnswers(visitSchema),
    }),
    async (req, reply) =>
      write(
        req,
        reply,
        ['POST /admin/offices/visits/cancel', req.params.id, req.params.visit],
        async (ctx) => ({
          status: 200,
          body: await cancelVisit(ctx, req.params.id, req.params.visit),
        }),
      ),
  );
}
