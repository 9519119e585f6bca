import { OFFICE_KINDS, officeListSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../../http/context.ts';
import { documentedRoutes, problems, responses } from '../../http/responses.ts';

const query = z.strictObject({
  kind: z.enum(OFFICE_KINDS).optional(),
  parent: z.string().max(20).optional(),
  region: z.string().max(2).optional(),
});

export async function officeRoutes(app: FastifyInstance, { dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'offices');
  r.get(
    '/offices',
    doc('The office tree: central department, regions, districts, jamoats, mobile offices, consulates', {
      querystring: query,
      response: responses({ 200: officeListSchema, ...problems(400, 401, 500) }),
    }),
    async (req) => {
      let q = dbx.db
        .selectFrom('offices')
        .select([
          'id',
          'parent_id',
          'kind',
          'numeric_code',
          'region',
          'unit',
          'name_tg',
          'name_ru',
          'name_en',
          'active',
        ])
        .orderBy('path');
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      if (req.query.parent) q = q.where('parent_id', '=', req.query.parent);
      if (req.query.region) q = q.where('region', '=', req.query.region);
      const rows = await q.execute();
      return {
        items: rows.map((o) => ({
          id: o.id,
          parent: o.parent_id,
          kind: o.kind,
          numericCode: o.numeric_code,
          region: o.region,
          unit: o.unit,
          name: { tg: o.name_tg, ru: o.name_ru, en: o.name_en },
          active: o.active,
        })),
      };
    },
  );
}
