import { ACT_KIND_DEFINITIONS, actKindJsonSchema, actKindListSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/context.ts';
import { problems, responses } from '../../http/responses.ts';

export async function actKindRoutes(app: FastifyInstance, _deps: RouteDeps) {
  const items = ACT_KIND_DEFINITIONS.map((k) => ({
    code: k.code,
    labels: k.labels,
    schemaVersion: k.schemaVersion,
    jsonSchema: actKindJsonSchema(k),
    example: k.example,
  }));
  app.get(
    '/act-kinds',
    {
      schema: {
        tags: ['records'],
        summary: 'Each act kind with its schema version, JSON Schema and a valid example',
        response: responses({ 200: actKindListSchema, ...problems(401, 500) }),
      },
    },
    async () => ({ items }),
  );
}
