import { createHash, timingSafeEqual } from 'node:crypto';
import { LOCALES, pickLocale, t } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { ReplicaStatus } from '../../db/read-replica.ts';
import { Problem, problemBody } from '../../http/problem.ts';
import { appMetrics } from '../../monitoring/metrics.ts';
import { checkReadiness, type ReadinessDeps } from '../../monitoring/readiness.ts';
import type { FileStore } from '../../storage/file-store.ts';

export interface MonitoringDeps {
  config: Config;
  dbx: Db;
  files: FileStore;
  jobs?: ReadinessDeps['jobs'];
}

/** A request that is not for a route is counted under this name, never under its URL. */
const UNMATCHED = 'unmatched';

/**
 * The operator's routes, outside the API and its document: /health (the process answers; no
 * database), /ready (database, job queue and file store, 503 naming what fails), /metrics
 * (Prometheus, for a bearer of SABT_METRICS_TOKEN; 404 without one). Every answered request
 * is counted and timed by its route pattern.
 */
export async function monitoringRoutes(app: FastifyInstance, deps: MonitoringDeps): Promise<void> {
  const { config, dbx, files } = deps;
  const metrics = appMetrics(dbx, { timeoutMs: config.readyTimeoutMs });

  app.addHook('onResponse', async (req, reply) => {
    metrics.observe(
      req.method,
      req.routeOptions.url ?? UNMATCHED,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });

  app.get('/health', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  });

  app.get('/ready', { schema: { hide: true } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const checks = await checkReadiness({ dbx, files, jobs: deps.jobs, timeoutMs: config.readyTimeoutMs });
    const failed = checks.filter((c) => !c.ok);
    // a replica down or lagging does not stop this process serving (the primary reads): said, not failed
    const replica = dbx.replica ? { replica: replicaReport(dbx.replica.status()) } : {};
    if (failed.length === 0) return { status: 'ready', engine: dbx.engine, checks, ...replica };
    const named = Object.fromEntries(
      LOCALES.map((l) => [l, failed.map((c) => t(`ready.check.${c.name}`, l)).join(', ')]),
    );
    const problem = new Problem(503, 'problem.notReady', { failed: named }, [], { checks, ...replica });
    req.log.warn({ checks: failed }, 'not ready');
    return reply
      .code(503)
      .header('retry-after', '5')
      .type('application/problem+json')
      .send(problemBody(problem, pickLocale(req.headers['accept-language'])));
  });

  const expected = createHash('sha256').update(`Bearer ${config.metricsToken}`).digest();
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    // not the web app's page either: no metrics without a token
    if (!config.metricsToken)
      return reply
        .code(404)
        .type('application/problem+json')
        .send(problemBody(new Problem(404, 'problem.notFound'), locale));
    const given = createHash('sha256')
      .update(req.headers.authorization ?? '')
      .digest();
    if (!timingSafeEqual(given, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="sabt-metrics"')
        .type('application/problem+json')
        .send(problemBody(new Problem(401, 'problem.unauthenticated'), locale));
    }
    reply.header('cache-control', 'no-store').type(metrics.contentType);
    return metrics.scrape();
  });
}

/** The read replica on /ready: its state, its lag, and where the reads that may lag go meanwhile. */
function replicaReport(s: ReplicaStatus) {
  return {
    state: s.state,
    readsFrom: s.state === 'ok' ? 'replica' : 'primary',
    lagSeconds: s.lagSeconds,
    lagBytes: s.lagBytes,
    checkedAt: s.checkedAt?.toISOString() ?? null,
    ...(s.problem ? { problem: s.problem } : {}),
  };
}
