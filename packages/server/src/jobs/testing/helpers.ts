import { randomUUID } from 'node:crypto';
import { outboxEvent } from '@sabt/core';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { runWrite } from '../../unit-of-work/write.ts';

/** Test support for the outbox and the job queue. */

/** Someone writing (no session, no idempotency key: nothing refers to the user row). */
export const testActor: Actor = {
  id: '00000000-0000-4000-8000-00000000a11c',
  login: 'jobs-test',
  fullName: 'Jobs Test',
  role: 'registrar',
  officeId: 'DU-03-00',
  officeKind: 'district',
  officePath: 'x',
  sessionHash: 'x',
};

/** Commits one write with a `record.annulled` event about a new record id; returns the id. */
export async function writeEvent(dbx: Db, config: Config, recordId = randomUUID()): Promise<string> {
  await runWrite(dbx, testActor, config, { key: undefined, fingerprint: recordId }, async (ctx) => {
    ctx.audit.push({ event: 'test.event', recordId });
    ctx.events.push(
      outboxEvent('record.annulled', {
        recordId,
        kind: 'BIRTH',
        officeId: 'DU-03-00',
        nationalId: null,
        basis: 'DUPLICATE',
      }),
    );
    return { status: 200, body: {} };
  });
  return recordId;
}

/** Waits until `check` holds, looking every 25 ms, for at most `ms`; fails with `what` otherwise. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
