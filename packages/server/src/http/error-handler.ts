import type { Socket } from 'node:net';
import { pickLocale } from '@sabt/core';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  const allowed = routeMethods(app);
  app.setNotFoundHandler((req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    const path = req.url.split('?')[0]!;
    const methods = allowed(path);
    if (methods.length > 0 && !methods.includes(req.method)) {
      return reply
        .code(405)
        .header('allow', methods.join(', '))
        .type('application/problem+json')
        .send(problemBody(new Problem(405, 'problem.methodNotAllowed'), locale));
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problemBody(new Problem(404, 'problem.notFound'), locale));
  });
}

/**
 * The methods the API's routes take at a path, to tell a method a path does not take (405, with
 * Allow) from a path that does not exist (404). Routes are collected as they are added: call this
 * before registering them.
 */
/** Fastify's default limit on a path parameter's length; a longer one matches no route. */
const MAX_PARAM_LENGTH = 100;

function routeMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    // the API's routes only: the web app's catch-all takes GET anywhere
    if (!route.url.startsWith('/api/v1/')) return;
    const source = route.url
      .split('/')
      .map((segment) =>
        segment.startsWith(':')
          ? `[^/]{1,${MAX_PARAM_LENGTH}}`
          : segment === '*'
            ? '.*'
            : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    routes.push({ pattern: new RegExp(`^${source}$`), methods: [route.method].flat() });
  });
  return (path) => [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort();
}

/** What the framework finds wrong with a URL before any route sees it, as the problem that answers it. */
const FRAMEWORK_CODES: Record<string, [number, string]> = {
  FST_ERR_BAD_URL: [400, 'problem.badUrl'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'problem.uriTooLong'],
};

/**
 * Fastify's `frameworkErrors`: a URL the router cannot read (bad percent-encoding, an over-long path
 * parameter). The answer is a problem in the user's language and does not repeat the URL.
 */
export function onFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const [status, key] = FRAMEWORK_CODES[err.code] ?? [500, 'problem.internal'];
  if (status >= 500) req.log.error({ err }, 'framework error');
  const body = problemBody(new Problem(status, key), pickLocale(req.headers['accept-language']));
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

/** Node's parser errors that have an answer of their own; any other request it cannot read is a 400. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'problem.headersTooLarge'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'problem.requestTimeout'],
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser cannot read (oversized headers, raw
 * non-ASCII or control bytes in the request line, a broken header). There is no request to answer, so
 * the problem is written on the socket, in the language the request's own Accept-Language asked for
 * (when its bytes show one), and the connection is closed.
 */
export function onClientError(err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, key] = CLIENT_ERRORS[err.code] ?? [400, 'problem.badRequest'];
  // typed as a Buffer's JSON, a Buffer when it comes
  const raw: unknown = err.rawPacket;
  const received = Buffer.isBuffer(raw) ? raw.toString('latin1') : '';
  const asked = /\r\naccept-language:[ \t]*([\x20-\x7e]{0,200})/i.exec(received);
  const body = JSON.stringify(problemBody(new Problem(status, key), pickLocale(asked?.[1])));
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else socket.destroy();
}
