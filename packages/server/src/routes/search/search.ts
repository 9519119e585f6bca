import { ACT_KINDS, plainDate, STATUSES } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, type RouteDeps } from '../../http/context.ts';
import { searchRecords } from '../../search/search-records.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';

const text = z.string().trim().min(1).max(100);

export const searchQuery = z.strictObject({
  q: text.optional().describe('any name parts in any script or spelling, e.g. "Rakhimov Jamshed"'),
  surname: text.optional(),
  name: text.optional(),
  patronymic: text.optional(),
  birthDate: plainDate.optional(),
  birthYear: z.coerce.number().int().min(1800).max(2200).optional(),
  mother: text.optional().describe("mother's name, to narrow a birth search"),
  father: text.optional(),
  kind: z.enum(ACT_KINDS).optional(),
  status: z.enum(STATUSES).optional(),
  office: z.string().max(20).optional(),
  place: z.string().max(10).optional().describe('district or city code of the event, e.g. DU-03'),
  from: plainDate.optional().describe('event date from'),
  to: plainDate.optional().describe('event date to'),
  actNumber: z.coerce.number().int().min(1).max(999999).optional(),
  year: z.coerce.number().int().min(1800).max(2200).optional(),
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
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export async function searchRoutes(app: FastifyInstance, { dbx }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Find records by any name in any script or spelling, dates, places, parents, numbers or documents',
        querystring: searchQuery,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { hits, weaker } = await searchRecords(dbx.db, actor, req.query);
      const rows = hits.length
        ? await dbx.db
            .selectFrom('records')
            .select([
              'id',
              'kind',
              'status',
              'flags',
              'office_id',
              'surname',
              'given_name',
              'patronymic',
              'birth_date',
              'event_date',
              'number',
              'year',
              'national_id',
            ])
            .where(
              'id',
              'in',
              hits.map((h) => h.recordId),
            )
            .execute()
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      await auditRead(dbx, [
        readEvent(actor, 'search', null, { query: req.query, results: hits.map((h) => h.recordId) }),
      ]);
      return {
        weaker,
        items: hits.flatMap((h) => {
          const rec = byId.get(h.recordId);
          if (!rec) return [];
          const sealedRecord = rec.kind === 'ADOPTION' && rec.flags.includes('sealed');
          return [
            {
              id: rec.id,
              kind: rec.kind,
              status: rec.status,
              flags: rec.flags,
              office: rec.office_id,
              surname: sealedRecord ? null : rec.surname,
              name: sealedRecord ? null : rec.given_name,
              patronymic: sealedRecord ? null : rec.patronymic,
              birthDate: sealedRecord ? null : rec.birth_date,
              eventDate: rec.event_date,
              number: rec.number,
              year: rec.year,
              nationalId: rec.national_id,
              score: h.score,
              reasons: h.reasons,
              matched: h.person,
            },
          ];
        }),
      };
    },
  );
}
