import {
  applicationDraftBodySchema,
  applicationLinkBodySchema,
  applicationReturnBodySchema,
  applicationSaveBodySchema,
  applicationSubmitBodySchema,
  attachmentBodySchema,
  citizenApplicationDetailSchema,
  citizenApplicationListSchema,
  citizenAttachmentSchema,
  onlineApplicationDetailSchema,
  onlineApplicationListSchema,
  onlineApplicationQuerySchema,
  trackedApplicationSchema,
  trackQuerySchema,
} from '@sabt/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  actorOf,
  answerWrite,
  citizenOf,
  idempotencyKey,
  type RouteDeps,
  sendWrite,
} from '../../http/context.ts';
import {
  documentedRoutes,
  noContent,
  problems,
  readAnswers,
  responses,
  writeAnswers,
} from '../../http/responses.ts';
import {
  attachApplicationFile,
  citizenApplication,
  citizenApplicationFile,
  createApplicationDraft,
  listCitizenApplications,
  removeApplicationFile,
  saveApplicationDraft,
  submitApplication,
  trackApplication,
} from '../../portal/applications.ts';
import { type CitizenWriteContext, runCitizenWrite } from '../../portal/citizen-write.ts';
import {
  acceptOnlineApplication,
  linkOnlineApplication,
  listOnlineApplications,
  onlineApplication,
  onlineApplicationFile,
  returnOnlineApplication,
} from '../../portal/online-applications.ts';
import type { WriteResult } from '../../unit-of-work/write.ts';

const CITIZEN = [{ citizen: [] }];
const idParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
const fileParams = idParams.extend({ fileId: z.uuid({ error: 'error.uuid' }) });
const CITIZEN_WRITE = problems(400, 401, 404, 409, 413, 415, 422, 500);
const citizenOnly = { config: { public: true } };

/** A scan as it was sent: its own type, shown in the browser under its file name. */
const SCAN = {
  description: 'The file',
  content: Object.fromEntries(
    ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'].map((type) => [
      type,
      { schema: z.string().meta({ format: 'binary' }) },
    ]),
  ),
};
const sendScan = (reply: FastifyReply, file: { bytes: Buffer; contentType: string; fileName: string }) =>
  reply
    .type(file.contentType)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.bytes);

/**
 * Online applications: the citizen's (/portal/applications…: drafts, scans, submission; their
 * own only), the tracking by code and date of birth without sign-in (/portal/track, rate-limited),
 * and the office's queue of them (/online-applications…, staff). Registered by portal.ts.
 */
export async function applicationRoutes(app: FastifyInstance, { config, dbx, files }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'portal');
  const open = {
    config: { public: true, rateLimit: { max: config.verifyRateLimitPerMinute, timeWindow: '1 minute' } },
  };

  /** A citizen's write, answered as a staff write is (idempotent, one transaction). */
  const citizenWrite = async <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    fingerprint: unknown[],
    command: (ctx: CitizenWriteContext) => Promise<WriteResult<T>>,
  ) => {
    const result = await runCitizenWrite(
      dbx,
      citizenOf(req),
      config,
      { key: idempotencyKey(req), fingerprint },
      command,
    );
    return sendWrite(reply, result);
  };

  r.get(
    '/portal/applications',
    doc(
      'The signed-in citizen’s own applications, newest first (another citizen’s never)',
      {
        security: CITIZEN,
        response: responses({ 200: citizenApplicationListSchema, ...problems(401, 500) }),
      },
      citizenOnly,
    ),
    async (req) => ({ items: await listCitizenApplications(dbx.db, citizenOf(req).id) }),
  );

  r.post(
    '/portal/applications',
    doc(
      'Start an application for an act kind: a draft with the staff forms’ data schema (it may be incomplete, never wrong) and, if chosen, the office (one that registers the kind). Idempotency-Key: a retry gets the first answer',
      {
        security: CITIZEN,
        body: applicationDraftBodySchema,
        response: responses({ 201: citizenApplicationDetailSchema, ...CITIZEN_WRITE }),
      },
      citizenOnly,
    ),
    async (req, reply) =>
      citizenWrite(req, reply, ['POST /portal/applications', req.body], async (ctx) => ({
        status: 201,
        body: await createApplicationDraft(ctx, req.body),
      })),
  );

  r.get(
    '/portal/applications/:id',
    doc(
      'One of the citizen’s applications with its data and scans (another citizen’s is not found)',
      {
        security: CITIZEN,
        params: idParams,
        response: responses({ 200: citizenApplicationDetailSchema, ...problems(400, 401, 404, 500) }),
      },
      citizenOnly,
    ),
    async (req) => citizenApplication(dbx.db, citizenOf(req).id, req.params.id),
  );

  r.put(
    '/portal/applications/:id',
    doc(
      'Save a draft (or an application returned for correction): its whole data and its office',
      {
        security: CITIZEN,
        params: idParams,
        body: applicationSaveBodySchema,
        response: responses({ 200: citizenApplicationDetailSchema, ...CITIZEN_WRITE }),
      },
      citizenOnly,
    ),
    async (req, reply) =>
      citizenWrite(req, reply, ['PUT /portal/applications/:id', req.params.id, req.body], async (ctx) => ({
        status: 200,
        body: await saveApplicationDraft(ctx, req.params.id, req.body),
      })),
  );

  r.post(
    '/portal/applications/:id/attachments',
    {
      ...doc(
        'Attach a scan (PDF, JPEG, PNG or TIFF, base64; its kind is read from its bytes) to a draft',
        {
          security: CITIZEN,
          params: idParams,
          body: attachmentBodySchema,
          response: responses({ 201: citizenAttachmentSchema, ...CITIZEN_WRITE }),
        },
        citizenOnly,
      ),
      bodyLimit: Math.ceil((files.limits.attachment * 4) / 3) + 4096,
    },
    async (req, reply) =>
      citizenWrite(
        req,
        reply,
        ['POST /portal/applications/:id/attachments', req.params.id, req.body],
        async (ctx) => ({
          status: 201,
          body: await attachApplicationFile(ctx, files, req.params.id, req.body),
        }),
      ),
  );

  r.get(
    '/portal/applications/:id/attachments/:fileId',
    doc(
      'A scan the citizen attached to their own application, as they sent it (another citizen’s is not found)',
      {
        security: CITIZEN,
        params: fileParams,
        response: responses({ 200: SCAN, ...problems(400, 401, 404, 500) }),
      },
      citizenOnly,
    ),
    async (req, reply) =>
      sendScan(
        reply,
        await citizenApplicationFile(dbx.db, files, citizenOf(req).id, req.params.id, req.params.fileId),
      ),
  );

  r.post(
    '/portal/applications/:id/attachments/:fileId/remove',
    doc(
      'Remove a scan from a draft',
      {
        security: CITIZEN,
        params: fileParams,
        response: responses({ 204: noContent('Removed'), ...problems(400, 401, 404, 409, 500) }),
      },
      citizenOnly,
    ),
    async (req, reply) =>
      citizenWrite(
        req,
        reply,
        ['POST /portal/applications/:id/attachments/:fileId/remove', req.params],
        async (ctx) => {
          await removeApplicationFile(ctx, req.params.id, req.params.fileId);
          return { status: 204, body: null };
        },
      ),
  );

  r.post(
    '/portal/applications/:id/submit',
    doc(
      'Submit the application to its office: the data complete and right, an office that registers the kind; answers its tracking code (status received). The applicant’s own date of birth opens the tracking without sign-in',
      {
        security: CITIZEN,
        params: idParams,
        body: applicationSubmitBodySchema,
        response: responses({ 200: citizenApplicationDetailSchema, ...CITIZEN_WRITE }),
      },
      citizenOnly,
    ),
    async (req, reply) =>
      citizenWrite(
        req,
        reply,
        ['POST /portal/applications/:id/submit', req.params.id, req.body],
        async (ctx) => ({
          status: 200,
          body: await submitApplication(ctx, req.params.id, req.body),
        }),
      ),
  );

  r.get(
    '/portal/track',
    doc(
      'An application’s status by its tracking code and the applicant’s date of birth as given on submission (no sign-in; a wrong pair answers as an unknown code)',
      {
        security: [],
        querystring: trackQuerySchema,
        response: responses({ 200: trackedApplicationSchema, ...problems(400, 404, 429, 500) }),
      },
      open,
    ),
    async (req) => trackApplication(dbx, req.query.code, req.query.birthDate),
  );

  // the office's side

  r.get(
    '/online-applications',
    doc(
      'The online applications to the reader’s office: received (default), waiting for the visit, returned for correction',
      {
        querystring: onlineApplicationQuerySchema,
        response: readAnswers(onlineApplicationListSchema),
      },
    ),
    async (req) => listOnlineApplications(dbx.db, actorOf(req), req.query.status, req.query.after),
  );

  r.get(
    '/online-applications/:id',
    doc('An online application to the reader’s office, with its data and scans (audited)', {
      params: idParams,
      response: readAnswers(onlineApplicationDetailSchema),
    }),
    async (req) => onlineApplication(dbx, actorOf(req), req.params.id),
  );

  r.get(
    '/online-applications/:id/files/:fileId',
    doc('A scan attached to an online application, as the citizen sent it (audited)', {
      params: fileParams,
      response: responses({ 200: SCAN, ...problems(400, 401, 403, 404, 500) }),
    }),
    async (req, reply) =>
      sendScan(
        reply,
        await onlineApplicationFile(dbx, files, actorOf(req), req.params.id, req.params.fileId),
      ),
  );

  r.post(
    '/online-applications/:id/accept',
    doc(
      'The originals checked: a draft record made of the application in the clerk’s office, linked to it; the citizen is told to come (waiting for your visit)',
      {
        params: idParams,
        response: writeAnswers(
          z
            .object({ application: onlineApplicationDetailSchema, recordId: z.string() })
            .describe('The application and its record'),
        ),
      },
    ),
    async (req, reply) =>
      answerWrite(
        { dbx, config },
        req,
        reply,
        ['POST /online-applications/:id/accept', req.params.id],
        async (ctx) => ({
          status: 200,
          body: await acceptOnlineApplication(ctx, req.params.id),
        }),
      ),
  );

  r.post(
    '/online-applications/:id/link',
    doc(
      'A request for a repeat certificate or an extract: the registered record found (of the clerk’s office, of the kind asked) linked to it; its fee charged on the record as a service on request (paid before the print); the citizen is told to come (waiting for your visit). The print makes it ready for collection',
      {
        params: idParams,
        body: applicationLinkBodySchema,
        response: writeAnswers(onlineApplicationDetailSchema),
      },
    ),
    async (req, reply) =>
      answerWrite(
        { dbx, config },
        req,
        reply,
        ['POST /online-applications/:id/link', req.params.id, req.body],
        async (ctx) => ({
          status: 200,
          body: await linkOnlineApplication(ctx, req.params.id, req.body.recordId),
        }),
      ),
  );

  r.post(
    '/online-applications/:id/return',
    doc('Send the application back to the citizen with what to correct (needs correction)', {
      params: idParams,
      body: applicationReturnBodySchema,
      response: writeAnswers(onlineApplicationDetailSchema),
    }),
    async (req, reply) =>
      answerWrite(
        { dbx, config },
        req,
        reply,
        ['POST /online-applications/:id/return', req.params.id, req.body],
        async (ctx) => ({
          status: 200,
          body: await returnOnlineApplication(ctx, req.params.id, req.body.message),
        }),
      ),
  );
}
