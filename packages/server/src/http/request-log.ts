import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4 } from 'node:net';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * The request log: one JSON line per request (pino), with its request id, and nothing personal.
 * A line names the method, the route's pattern and the ids in it (a record's, a certificate's),
 * the status, the time, the client's address and the request id; never the query string (a
 * search's names and document numbers), a body, a header (cookies, tokens) or a verification code.
 */

/** A request id from a client: letters, digits and `._:-`, at most 128 characters. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The route parameters a log line may show: the ids of rows, never a code that opens a document. */
const LOGGED_PARAMS = new Set(['id', 'candidateId', 'action']);

/**
 * The id of each request: the X-Request-Id a trusted proxy (SABT_TRUSTED_PROXIES) sent, if it is
 * a well-formed one, else a new UUID. It is echoed in the answer's X-Request-Id and on every log
 * line of the request.
 */
export function requestIds(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const trusted = new BlockList();
  for (const item of trustedProxies) {
    const [address = '', bits] = item.split('/');
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(bits), family);
  }
  const fromTrusted = (address: string | undefined) => {
    if (!address || trustedProxies.length === 0) return false;
    const v4 = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : undefined;
    return v4 ? trusted.check(v4, 'ipv4') : trusted.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
  };
  return (req) => {
    const given = req.headers['x-request-id'];
    if (typeof given === 'string' && REQUEST_ID.test(given) && fromTrusted(req.socket?.remoteAddress))
      return given;
    return randomUUID();
  };
}

/** What the log shows of a request, an answer and an error. */
export const LOG_SERIALIZERS = {
  req(req: FastifyRequest) {
    const route = req.routeOptions?.url;
    const params = Object.entries((req.params ?? {}) as Record<string, unknown>).filter(([k]) =>
      LOGGED_PARAMS.has(k),
    );
    return {
      method: req.method,
      // the pattern of the route it matched; else the path as sent, without its query
      route: route ?? (req.url ?? '').split('?')[0]!.slice(0, 200),
      ...(params.length > 0 ? { params: Object.fromEntries(params) } : {}),
      remoteAddress: req.ip,
    };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
  /** The error's kind, message, code and stack; not the properties a driver adds (a row's values). */
  err(err: Error & { code?: unknown }) {
    return {
      type: err.constructor?.name ?? 'Error',
      message: err.message,
      ...(typeof err.code === 'string' ? { code: err.code } : {}),
      stack: err.stack ?? '',
    };
  },
};

/** One log line per request, when it is answered (method, route, address, status, time), not one more on arrival. */
export class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    if (error)
      reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
