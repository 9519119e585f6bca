import { type Locale, pickLocale } from '@sabt/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { CitizenActor } from '../portal/sessions.ts';
import type { FileStore } from '../storage/file-store.ts';
import { etag } from '../unit-of-work/etag.ts';
import { runWrite, type WriteContext, type WriteResult } from '../unit-of-work/write.ts';
import { Problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The portal's signed-in citizen (routes under /api/v1/portal only; never a staff user). */
    citizen: CitizenActor | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session. */
    public?: boolean;
  }
}

/** What every route module receives. */
export interface RouteDeps {
  config: Config;
  dbx: Db;
  /** Where files live (certificate PDFs …): content-addressed, checked on read. */
  files: FileStore;
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Problem(401, 'problem.unauthenticated');
  return req.actor;
}

export function citizenOf(req: FastifyRequest): CitizenActor {
  if (!req.citizen) throw new Problem(401, 'problem.portal.signInRequired');
  return req.citizen;
}

export function localeOf(req: FastifyRequest): Locale {
  return pickLocale(req.headers['accept-language']);
}

export function idempotencyKey(req: FastifyRequest): string | undefined {
  const v = req.headers['idempotency-key'];
  return Array.isArray(v) ? v[0] : v;
}

export function sendWrite<T>(reply: FastifyReply, result: WriteResult<T>) {
  if (result.replayed) reply.header('idempotency-replayed', 'true');
  const body = result.body as { revision?: number } | null;
  if (body && typeof body.revision === 'number') reply.header('etag', etag(body.revision));
  if (result.status >= 400) reply.type('application/problem+json');
  return reply.code(result.status).send(result.body);
}

/**
 * A route's write: the command runs as one transaction under the request's Idempotency-Key (a
 * retry gets the stored answer), and its answer is sent. `fingerprint` names the request, so that
 * a key used again for another request is refused.
 */
export async function answerWrite<T>(
  { dbx, config }: Pick<RouteDeps, 'dbx' | 'config'>,
  req: FastifyRequest,
  reply: FastifyReply,
  fingerprint: unknown[],
  command: (ctx: WriteContext) => Promise<WriteResult<T>>,
) {
  const result = await runWrite(
    dbx,
    actorOf(req),
    config,
    { key: idempotencyKey(req), fingerprint },
    command,
  );
  return sendWrite(reply, result);
}
