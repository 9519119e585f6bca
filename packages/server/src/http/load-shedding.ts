import underPressure from '@fastify/under-pressure';
import { pickLocale } from '@sabt/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OverloadConfig } from '../config.ts';
import { Problem, problemBody } from './problem.ts';

/** What is still served when overloaded: the liveness probe and the metrics that show the overload. */
const ALWAYS_SERVED = new Set(['/health', '/metrics']);

/**
 * Load shedding (@fastify/under-pressure): while the event loop lags or memory is past its
 * configured limit (SABT_OVERLOAD_*), a request is refused before any work with 503, Retry-After
 * and a problem+json in the user's language; /health and /metrics are still answered.
 */
export async function shedLoad(app: FastifyInstance, overload: OverloadConfig): Promise<void> {
  const mb = 1024 * 1024;
  await app.register(underPressure, {
    maxEventLoopDelay: overload.maxEventLoopDelayMs,
    maxHeapUsedBytes: overload.maxHeapMb * mb,
    maxRssBytes: overload.maxRssMb * mb,
    retryAfter: overload.retryAfterSeconds,
    // returning a payload answers the request with it (the types say void; the plugin sends it)
    pressureHandler: ((req: FastifyRequest, reply: FastifyReply) => {
      if (ALWAYS_SERVED.has(req.routeOptions.url ?? '')) return undefined;
      const problem = new Problem(503, 'problem.overloaded', { retryAfter: overload.retryAfterSeconds });
      reply
        .code(503)
        .header('retry-after', String(overload.retryAfterSeconds))
        .type('application/problem+json');
      return JSON.stringify(problemBody(problem, pickLocale(req.headers['accept-language'])));
    }) as unknown as () => void,
  });
}
