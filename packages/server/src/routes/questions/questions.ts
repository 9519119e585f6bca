import {
  cannedAnswerBodySchema,
  cannedAnswerListSchema,
  cannedAnswerQuerySchema,
  cannedAnswerSchema,
  inboxQuerySchema,
  inboxSchema,
  questionAnswerBodySchema,
  staffQuestionSchema,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { cannedAnswers, changeCannedAnswer, createCannedAnswer } from '../../portal/questions/canned.ts';
import { answerQuestion, closeQuestion, inbox, staffQuestion } from '../../portal/questions/staff.ts';

const idParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
const none = z.strictObject({}).nullish();

/**
 * Citizens' questions in the workspace (portal/questions/): an office's inbox, a thread, an
 * answer (free text or a canned answer in the citizen's language), closing; and the canned
 * answers, kept by the head of office and the central administrator. Who may: core questionReach
 * and cannedAnswerReach. Every write idempotent and audited; a read of a thread audited.
 */
export async function questionRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'questions');
  const write = answerWrite.bind(null, { dbx, config });

  r.get(
    '/questions',
    doc('An office’s citizens’ questions of one status: open ones oldest waiting first, with the counts', {
      querystring: inboxQuerySchema,
      response: readAnswers(inboxSchema),
    }),
    async (req) => inbox(dbx.db, actorOf(req), req.query),
  );

  r.get(
    '/questions/:id',
    doc('A citizen’s question with its messages, as its office sees it (the read is audited)', {
      params: idParams,
      response: readAnswers(staffQuestionSchema),
    }),
    async (req) => staffQuestion(dbx, actorOf(req), req.params.id),
  );

  r.post(
    '/questions/:id/answers',
    doc(
      'Answer a question in free text or with a canned answer (sent in the citizen’s language); the citizen is notified',
      { params: idParams, body: questionAnswerBodySchema, response: writeAnswers(staffQuestionSchema, 201) },
    ),
    async (req, reply) =>
      write(req, reply, ['POST /questions/:id/answers', req.params.id, req.body], async (ctx) => ({
        status: 201,
        body: await answerQuestion(ctx, req.params.id, req.body),
      })),
  );

  r.post(
    '/questions/:id/close',
    doc('Close a question: it takes no more messages', {
      params: idParams,
      body: none,
      response: writeAnswers(staffQuestionSchema),
    }),
    async (req, reply) =>
      write(req, reply, ['POST /questions/:id/close', req.params.id], async (ctx) => ({
        status: 200,
        body: await closeQuestion(ctx, req.params.id),
      })),
  );

  r.get(
    '/canned-answers',
    doc('The canned answers of an office (its own and those for every office), by title', {
      querystring: cannedAnswerQuerySchema,
      response: readAnswers(cannedAnswerListSchema),
    }),
    async (req) =>
      cannedAnswers(dbx.db, actorOf(req), { office: req.query.office, all: req.query.all === 'true' }),
  );

  r.post(
    '/canned-answers',
    doc(
      'Keep a new canned answer in Tajik, Russian and English (the head of office, the central administrator)',
      {
        body: cannedAnswerBodySchema,
        response: writeAnswers(cannedAnswerSchema, 201),
      },
    ),
    async (req, reply) =>
      write(req, reply, ['POST /canned-answers', req.body], async (ctx) => ({
        status: 201,
        body: await createCannedAnswer(ctx, req.body),
      })),
  );

  r.put(
    '/canned-answers/:id',
    doc('Change a canned answer: its title, its three texts, whether it is offered', {
      params: idParams,
      body: cannedAnswerBodySchema,
      response: writeAnswers(cannedAnswerSchema),
    }),
    async (req, reply) =>
      write(req, reply, ['PUT /canned-answers/:id', req.params.id, req.body], async (ctx) => ({
        status: 200,
        body: await changeCannedAnswer(ctx, req.params.id, req.body),
      })),
  );
}
