import { auditAnchorSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { latestAnchor } from '../../audit/anchor.ts';
import { notFound } from '../../errors/domain-error.ts';
import type { RouteDeps } from '../../http/context.ts';
import { documentedRoutes, problems, responses } from '../../http/responses.ts';

/**
 * The audit chain's newest anchor, public (no sign-in, rate-limited as the public checks are): it
 * tells only how many audit entries there are and their chain's hash, and whoever keeps its answers
 * can later hold the registry to them (`sabt audit verify --anchors`).
 */
export async function auditRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'audit');
  r.get(
    '/audit/anchors/latest',
    doc(
      'The newest signed anchor of the audit chain (no sign-in)',
      {
        security: [],
        response: responses({
          200: auditAnchorSchema,
          ...problems(404, 429, 500),
        }),
      },
      {
        config: {
          public: true,
          rateLimit: { max: deps.config.verifyRateLimitPerMinute, timeWindow: '1 minute' },
        },
      },
    ),
    async () => {
      const anchor = await latestAnchor(deps.dbx.db);
      if (!anchor) throw notFound();
      return anchor;
    },
  );
}
