import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, idempotencyKey, localeOf, type RouteDeps, sendWrite } from '../../http/context.ts';
import { type Problem, problemBody } from '../../http/problem.ts';
import { recordView } from '../../presenters/record-view.ts';
import { runWrite, type WriteContext } from '../../unit-of-work/write.ts';

/** What a record command answers: the record it acted on (and a status other than 200), or a problem to commit and report. */
export type RecordOutcome = { id: string; status?: number } | { problem: Problem };

/**
 * Runs one command on a record in a write transaction (idempotent by the request's key) and
 * answers with the record as this user now sees it — or with the problem the command reported.
 */
export async function writeRecord(
  { config, dbx }: RouteDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  fingerprint: unknown[],
  command: (ctx: WriteContext) => Promise<RecordOutcome>,
  opts: { location?: boolean } = {},
) {
  const actor = actorOf(req);
  const locale = localeOf(req);
  const result = await runWrite(
    dbx,
    actor,
    config,
    { key: idempotencyKey(req), fingerprint },
    async (ctx) => {
      const out = await command(ctx);
      if ('problem' in out)
        return { status: out.problem.status, body: problemBody(out.problem, locale) as never };
      const body = (await recordView(ctx.trx, config, actor, locale, out.id)).body;
      return { status: out.status ?? 200, body };
    },
  );
  if (opts.location && result.status < 300)
    reply.header('location', `/api/v1/records/${(result.body as { id: string }).id}`);
  return sendWrite(reply, result);
}
