import { expect } from 'vitest';
import { notifyDb } from '../../notifications/tables.ts';
import type { TestApp } from '../../test/harness.ts';
import { show } from '../../test/workflow.ts';
import { queuedSignInCode } from './sign-in-code.ts';

let citizens = 0;

/** A citizen signed in with the code their e-mail would carry, as a client with the portal's cookie. */
export async function signedInCitizen(t: TestApp, language = 'en') {
  const email = `citizen${++citizens}-${process.pid}-${Date.now()}@example.tj`;
  const asked = await t.anonymous().post('/api/v1/portal/sign-in/code', { to: { email }, language });
  expect(asked.status, show(asked)).toBe(202);
  const code = await queuedSignInCode(t.dbx, t.config, asked.body.challenge);
  const res = await t
    .anonymous()
    .post(
      '/api/v1/portal/sign-in',
      { challenge: asked.body.challenge, code },
      { 'accept-language': language },
    );
  expect(res.status, show(res)).toBe(200);
  const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
  const c = t.anonymous();
  const h = (extra: Record<string, string> = {}) => ({ cookie, ...extra });
  return {
    email,
    get: (url: string) => c.get(url, h()),
    post: (url: string, body?: unknown, extra?: Record<string, string>) => c.post(url, body, h(extra)),
    put: (url: string, body: unknown, extra?: Record<string, string>) => c.put(url, body, h(extra)),
  } as const;
}
export type CitizenClient = Awaited<ReturnType<typeof signedInCitizen>>;

/** The notifications queued for an e-mail address, oldest first. */
export async function noticesTo(t: TestApp, email: string) {
  return notifyDb(t.dbx.db)
    .selectFrom('notifications')
    .select(['template', 'params', 'language'])
    .where('recipient', '=', email)
    .orderBy('created_at')
    .execute();
}
