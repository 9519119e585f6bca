import { pickLocale } from '@sabt/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error.ts';
import { Problem, problemBody, problemOf, RequestValidationError } from './problem.ts';

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'problem.malformedJson'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'problem.malformedJson'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'problem.payloadTooLarge'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'problem.unsupportedMediaType'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'problem.malformedJson'],
};

/** Every error leaves as problem+json in the user's language; only our own faults are 500s. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | DomainError | Problem | RequestValidationError, req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    let problem: Problem;
    if (err instanceof DomainError || err instanceof Problem) {
      problem = err instanceof DomainError ? problemOf(err) : err;
      // our own faults the user is told about (a damaged stored file …) are logged all the same
      if (problem.status >= 500) req.log.error({ err }, problem.message);
    } else if (err instanceof RequestValidationError) {
      const where = (err as unknown as { validationContext?: string }).validationContext;
      const issues = err.issues.map((i) => ({
        ...i,
        path: where && where !== 'body' ? [where, ...i.path] : i.path,
      }));
      problem = new Problem(400, 'problem.validation', {}, issues);
    } else if (err.code && FASTIFY_CODES[err.code]) {
      const [status, key] = FASTIFY_CODES[err.code]!;
      problem = new Problem(status, key);
    } else if (err instanceof SyntaxError || (err as { statusCode?: number }).statusCode === 400) {
      problem = new Problem(400, 'problem.malformedJson');
    } else if ((err as { statusCode?: number }).statusCode === 429) {
      problem = new Problem(429, 'problem.tooManyRequests');
    } else if ((err as { statusCode?: number }).statusCode === 413) {
      problem = new Problem(413, 'problem.payloadTooLarge');
    } else if ((err as { statusCode?: number }).statusCode === 415) {
      problem = new Problem(415, 'problem.unsupportedMediaType');
    } else if ((err as { statusCode?: number }).statusCode === 404) {
      problem = new Problem(404, 'problem.notFound');
    } else {
      req.log.error({ err }, 'unhandled error');
      problem = new Problem(500, 'problem.internal');
    }
    const wait = problem.params.retryAfter;
    if (problem.status === 429 && typeof wait === 'number') reply.header('retry-after', String(wait));
    return reply.code(problem.status).type('application/problem+json').send(problemBody(problem, locale));
  });
  app.setNotFoundHandler((req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problemBody(new Problem(404, 'problem.notFound'), locale));
  });
}
