import { randomUUID } from 'node:crypto';
import { addDays } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import type { Db } from '../../packages/server/src/db/connect.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../packages/server/src/demo/demo-data.ts';
import { TestAuthenticator } from '../../packages/server/src/test/authenticator.ts';
import { birthData } from '../../packages/server/src/test/fixtures.ts';
import { signInWithCode } from '../../packages/server/src/test/harness.ts';

/** The demo office's three desks a birth passes: taken, validated, registered. */
export type DeskLogin = 'front' | 'back' | 'registrar';

/** An answer's JSON; a created record's carries its id. */
export type Answer = { id?: string; [field: string]: unknown };

export interface Desk {
  app: FastifyInstance;
  /** A POST by a desk; the answer's JSON, or an error for any status from 300 on. */
  post(login: DeskLogin, path: string, body?: unknown, options?: { idempotent?: boolean }): Promise<Answer>;
  /** A GET by a desk; the answer's JSON, or an error for any status but 200. */
  get(login: DeskLogin, path: string): Promise<Answer>;
  /** A birth taken, submitted and validated: ready for its registration. */
  validatedBirth(): Promise<string>;
}

/**
 * The HTTP API in process (as the API tests call it) on `dbx` with the demo's offices and users,
 * the three desks signed in. Writes carry an Idempotency-Key unless told otherwise.
 */
export async function demoDesk(dbx: Db, options: { logger?: boolean } = {}): Promise<Desk> {
  await loadDemoData(dbx.db);
  const config = loadConfig({ SABT_LOGIN_RATE_LIMIT: '100000', SABT_DATA_DIR: 'memory://' });
  const app = await buildApp({ config, dbx, logger: options.logger ?? false });
  await app.ready();
  const cookies = {} as Record<DeskLogin, string>;
  // the registrar sets up two-factor sign-in at the first sign-in, as a person would
  const authenticator = new TestAuthenticator(config.twoFactor.toleranceSeconds);
  for (const login of ['front', 'back', 'registrar'] as const)
    cookies[login] = (await signInWithCode(app, authenticator, login, DEMO_PASSWORD)).cookie;
  const births = variedBirths();
  const desk: Desk = {
    app,
    async post(login, path, body, { idempotent = true } = {}) {
      const res = await app.inject({
        method: 'POST',
        url: path,
        headers: {
          cookie: cookies[login],
          ...(idempotent ? { 'idempotency-key': randomUUID() } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
      if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body);
    },
    async get(login, path) {
      const res = await app.inject({ method: 'GET', url: path, headers: { cookie: cookies[login] } });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body);
    },
    async validatedBirth() {
      const rec = await desk.post('front', '/api/v1/records', { kind: 'BIRTH', data: births() });
      await desk.post('front', `/api/v1/records/${rec.id}/submit`);
      await desk.post('back', `/api/v1/records/${rec.id}/validate`);
      return rec.id as string;
    },
  };
  return desk;
}

const GIVEN = ['Фирдавс', 'Сомон', 'Меҳрона', 'Шаҳзода', 'Рустам', 'Парвина', 'Амир', 'Зарина'];

/**
 * Birth applications unlike every other of the run: the family's surname is made of the number
 * (letters only, as names must be), the day of birth moves back a day each time (over `spreadDays`
 * days, then again) and the given name changes, so no two are candidates for the same event (the
 * same given name only every 8th day; the duplicate window is 5 days).
 */
export function variedBirths(spreadDays = 1500): () => ReturnType<typeof birthData> {
  const base = birthData();
  let n = 0;
  return () => {
    const i = n++;
    const letters = 'бвгдзклмнпрстфхш';
    const surname = `Ка${[...i.toString(16)].map((d) => letters[Number.parseInt(d, 16)]).join('')}ов`;
    const birthDate = addDays(base.child.birthDate, -(i % spreadDays));
    return {
      ...base,
      child: { ...base.child, surname, name: GIVEN[i % GIVEN.length]!, birthDate },
      birthBasis: { ...base.birthBasis, date: birthDate },
      mother: { ...base.mother, surname: `${surname}а` },
      ...(base.father ? { father: { ...base.father, surname } } : {}),
    };
  };
}
