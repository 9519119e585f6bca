import { officeSignatoriesSchema, signatorySchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { officeSignatories, setSignatory } from '../../certificates/signatories/signatories.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { officeQuery, signatoryBody } from './schema.ts';

/** Who signs an office's certificates and extracts: read by those who print, set by the head of office. */
export async function signatoryRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'certificates');

  r.get(
    '/signatories',
    doc("Who signs an office's documents now, and who signed before (newest first)", {
      querystring: officeQuery,
      response: readAnswers(officeSignatoriesSchema),
    }),
    async (req) => officeSignatories(dbx.db, actorOf(req), req.query.office),
  );

  r.post(
    '/signatories',
    doc(
      'Put a signatory in force for an office from now on (head of office, central administrators); earlier ones stay as history',
      {
        body: signatoryBody,
        response: writeAnswers(signatorySchema, 201),
      },
    ),
    async (req, reply) => {
      const { office, ...rest } = req.body;
      return answerWrite({ dbx, config }, req, reply, ['POST /signatories', req.body], async (ctx) => ({
        status: 201,
        body: await setSignatory(ctx, { ...rest, officeId: office }),
      }));
    },
  );
}
