import { ACT_KINDS, plainDate, queryNumber, STATUSES, searchResultsSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readDb } from '../../db/read-replica.ts';
import { actorOf, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, problems, responses } from '../../http/responses.ts';
import { sealedRowsShown } from '../../policies/sealing.ts';
import { namesSpouses, presentSearchHit } from '../../presenters/search-hit.ts';
import { LIST_ROW_COLUMNS } from '../../queries/records.ts';
import { searchRecords } from '../../search/search-records.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';

const text = z.string().trim().min(1).max(100);

export const searchQuery = z.strictObject({
  q: text.optional().describe('any name parts in any script or spelling, e.g. "Rakhimov Jamshed"'),
  surname: text.optional(),
  name: text.optional(),
  patronymic: text.optional(),
  birthDate: plainDate.optional(),
  birthYear: queryNumber(z.number().int().min(1800).max(2200)).optional(),
  mother: text.optional().describe("mother's name, to narrow a birth search"),
  father: text.optional(),
  kind: z.enum(ACT_KINDS).optional(),
  status: z.enum(STATUSES).optional(),
  office: z.string().max(20).optional(),
  place: z.string().max(10).optional().describe('district or city code of the event, e.g. DU-03'),
  from: plainDate.optional().describe('event date from'),
  to: plainDate.optional().describe('event date to'),
  actNumber: queryNumber(z.number().int().min(1).max(999999)).optional(),
  year: queryNumber(z.number().int().min(1800).max(2200)).optional(),
  nationalId: z.string().max(30).optional(),
  document: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .optional()
    .describe('identity document number, with or without series'),
  mode: z
    .enum(['exact', 'broad'])
    .default('exact')
    .describe(
      'broad also finds surname changes (-ов → -зода) and shows the weaker matches exact mode leaves out',
    ),
  limit: queryNumber(z.number().int().min(1).max(100).default(20)),
});

export async function searchRoutes(app: FastifyInstance, { dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'search');
  r.get(
    '/search',
    doc('Find records by any name in any script or spelling, dates, places, parents, numbers or documents', {
      querystring: searchQuery,
      response: responses({ 200: searchResultsSchema, ...problems(400, 401, 403, 500) }),
    }),
    async (req) => {
      const actor = actorOf(req);
      // the search may lag: from the replica, unless this user wrote since it last caught up
      const reads = readDb(dbx, actor.readAfterLsn);
      const { hits, weaker } = await searchRecords(reads, actor, req.query);
      const rows = hits.length
        ? await reads
            .selectFrom('records')
            .select([...LIST_ROW_COLUMNS])
            .where(
              'id',
              'in',
              hits.map((h) => h.recordId),
            )
            .execute()
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      // a marriage's or divorce's row names both spouses: their names are in the record's data
      const couples = rows.filter((r) => namesSpouses(r.kind)).map((r) => r.id);
      const dataOf = new Map(
        couples.length
          ? (
              await reads.selectFrom('records').select(['id', 'data']).where('id', 'in', couples).execute()
            ).map((r) => [r.id, r.data])
          : [],
      );
      const sealed = sealedRowsShown(
        actor,
        hits.flatMap((h) => {
          const rec = byId.get(h.recordId);
          return rec ? [{ ...rec, sealedMatch: h.sealedMatch }] : [];
        }),
      );
      await auditRead(dbx, [
        readEvent(actor, 'search', null, {
          query: req.query,
          results: hits.map((h) => h.recordId),
          ...(sealed.length ? { sealed } : {}),
        }),
      ]);
      return {
        weaker,
        items: hits.flatMap((h) => {
          const rec = byId.get(h.recordId);
          if (!rec) return [];
          return [presentSearchHit(actor, rec, h, dataOf.get(rec.id))];
        }),
      };
    },
  );
}
