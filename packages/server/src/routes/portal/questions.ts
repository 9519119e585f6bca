import {
  newQuestionSchema,
  questionListSchema,
  questionMessageBodySchema,
  questionThreadSchema,
} from '@sabt/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { citizenOf, idempotencyKey, localeOf, type RouteDeps, sendWrite } from '../../http/context.ts';
import { documentedRoutes, problems, responses } from '../../http/responses.ts';
import { type CitizenWriteContext, runCitizenWrite } from '../../portal/citizen-write.ts';
import {
  addCitizenMessage,
  askQuestion,
  citizenQuestion,
  citizenQuestions,
} from '../../portal/questions/citizen.ts';
import type { WriteResult } from '../../unit-of-work/write.ts';

/** The citizen's own routes carry the portal's cookie (never the staff's session). */
const CITIZEN = [{ citizen: [] }];
const signedIn = { config: { public: true } };
const threadParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
/** A citizen's write takes an Idempotency-Key, as a staff member's does: a retry gets the first answer. */
const writeHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Any string unique to this request: a retry with the same key gets the first answer'),
});
const WRITE = problems(400, 401, 403, 404, 409, 413, 415, 422, 500);

/**
 * A citizen's questions to staff (portal/questions/citizen.ts): ask an office, write further in one's own
 * thread, read one's own threads. Another citizen's thread is not found, as a missing one is.
 */
export async function portalQuestionRoutes(
  app: FastifyInstance,
  { config, dbx }: Pick<RouteDeps, 'config' | 'dbx'>,
) {
  const { r, doc } = documentedRoutes(app, 'portal');
  const write = <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    fingerprint: unknown[],
    command: (ctx: CitizenWriteContext) => Promise<WriteResult<T>>,
  ) =>
    runCitizenWrite(dbx, citizenOf(req), config, { key: idempotencyKey(req), fingerprint }, command).then(
      (result) => sendWrite(reply, result),
    );

  r.get(
    '/portal/questions',
    doc(
      'The signed-in citizen’s own questions to staff, latest first (another citizen’s never)',
      { security: CITIZEN, response: responses({ 200: questionListSchema, ...problems(401, 500) }) },
      signedIn,
    ),
    async (req) => ({ items: await citizenQuestions(dbx.db, citizenOf(req).id) }),
  );

  r.post(
    '/portal/questions',
    doc(
      'Ask an office a question (about an online application or in general): opens a thread answered in the citizen’s language',
      {
        security: CITIZEN,
        headers: writeHeaders,
        body: newQuestionSchema,
        response: responses({ 201: questionThreadSchema, ...WRITE }),
      },
      signedIn,
    ),
    async (req, reply) => {
      const language = req.body.language ?? localeOf(req);
      return write(req, reply, ['POST /portal/questions', req.body, language], async (ctx) => ({
        status: 201,
        body: await askQuestion(ctx, { ...req.body, language }),
      }));
    },
  );

  r.get(
    '/portal/questions/:id',
    doc(
      'One of the citizen’s own questions with its messages, oldest first',
      {
        security: CITIZEN,
        params: threadParams,
        response: responses({ 200: questionThreadSchema, ...problems(400, 401, 404, 500) }),
      },
      signedIn,
    ),
    async (req) => citizenQuestion(dbx.db, citizenOf(req).id, req.params.id),
  );

  r.post(
    '/portal/questions/:id/messages',
    doc(
      'Write further in one’s own question: it waits for staff again (a closed question takes none)',
      {
        security: CITIZEN,
        headers: writeHeaders,
        params: threadParams,
        body: questionMessageBodySchema,
        response: responses({ 201: questionThreadSchema, ...WRITE }),
      },
      signedIn,
    ),
    async (req, reply) =>
      write(req, reply, ['POST /portal/questions/:id/messages', req.params.id, req.body], async (ctx) => ({
        status: 201,
        body: await addCitizenMessage(ctx, req.params.id, req.body.text),
      })),
  );
}
