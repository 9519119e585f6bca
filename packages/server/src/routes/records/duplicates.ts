import { duplicatesSchema, recordViewSchema, text } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveDuplicate } from '../../duplicates/resolve-duplicate.ts';
import { actorOf, localeOf, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { canRead } from '../../policies/records.ts';
import { recordView } from '../../presenters/record-view.ts';
import { findRecord } from '../../queries/records.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';
import { recordParams } from './schema.ts';
import { writeRecord } from './write-record.ts';

const candidateParams = z.strictObject({
  id: z.uuid({ error: 'error.uuid' }),
  candidateId: z.uuid({ error: 'error.uuid' }),
});

const verdictBody = z
  .strictObject({
    verdict: z.enum(['duplicate', 'not-duplicate']),
    reason: text(1000, { multiline: true }).optional(),
  })
  .meta({ examples: [{ verdict: 'not-duplicate', reason: 'Дугоникҳо: модар як, кӯдакон ду' }] });

/** Possible duplicates side by side, and the back office's verdict on each. */
export async function duplicateRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { config, dbx } = deps;
  const { r, doc } = documentedRoutes(app, 'duplicates');

  r.get(
    '/records/:id/duplicates',
    doc('Possible duplicates of a record, side by side with it, and the verdicts given', {
      params: recordParams,
      response: readAnswers(duplicatesSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const locale = localeOf(req);
      const rec = await findRecord(dbx.db, actor, req.params.id);
      const rows = await dbx.db
        .selectFrom('duplicate_candidates as d')
        .leftJoin('users as u', 'u.id', 'd.decided_by')
        .select([
          'd.candidate_id',
          'd.score',
          'd.reasons',
          'd.status',
          'd.found_at',
          'd.decided_at',
          'd.decision_reason',
          'u.login',
        ])
        .where('d.record_id', '=', rec.id)
        .orderBy('d.score', 'desc')
        .execute();
      const candidates = [];
      for (const row of rows) {
        const other = await dbx.db
          .selectFrom('records')
          .select(['office_path'])
          .where('id', '=', row.candidate_id)
          .executeTakeFirst();
        // a candidate in another jurisdiction is shown by its existence and score, not its data
        const visible = other && canRead(actor, other);
        candidates.push({
          candidateId: row.candidate_id,
          score: row.score,
          reasons: row.reasons,
          status: row.status,
          foundAt: new Date(row.found_at).toISOString(),
          decidedBy: row.login,
          decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
          decisionReason: row.decision_reason,
          record: visible ? (await recordView(dbx.db, config, actor, locale, row.candidate_id)).body : null,
        });
      }
      await auditRead(dbx, [
        readEvent(actor, 'record.duplicates', rec.id, { candidates: rows.map((c) => c.candidate_id) }),
      ]);
      return { record: (await recordView(dbx.db, config, actor, locale, rec.id)).body, candidates };
    },
  );

  r.post(
    '/records/:id/duplicates/:candidateId',
    doc('Mark a possible duplicate as a duplicate (with a reason) or not a duplicate', {
      params: candidateParams,
      body: verdictBody,
      response: writeAnswers(recordViewSchema),
    }),
    (req, reply) => {
      const { id, candidateId } = req.params;
      return writeRecord(deps, req, reply, ['POST duplicates', id, candidateId, req.body], async (ctx) => {
        await resolveDuplicate(ctx, id, candidateId, req.body);
        return { id };
      });
    },
  );
}
