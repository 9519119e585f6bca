import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import { connect } from '../db/connect.ts';
import { throwawayDatabase } from '../test/harness.ts';
import { main } from './main.ts';

const saved = { DATABASE_URL: process.env.DATABASE_URL, SABT_DATA_DIR: process.env.SABT_DATA_DIR };
let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sabt-cli-users-'));
  process.env.SABT_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const server = process.env.SABT_TEST_DATABASE_URL;
  if (server) {
    const db = await throwawayDatabase(server, 'sabt_cli');
    process.env.DATABASE_URL = db.url;
    dropDatabase = db.drop;
  }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `sabt users create` in-process with `stdin` as its standard input (a pipe: no terminal). */
async function create(stdin: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(`${a.join(' ')}\n`)),
  ];
  const prompts: string[] = [];
  const stderr = new Writable({
    write(chunk, _enc, done) {
      prompts.push(String(chunk));
      done();
    },
  });
  try {
    const code = await main(['users', 'create', ...argv], { stdin: Readable.from([stdin]), stderr });
    return { code, out: out.join(''), err: err.join(''), prompts: prompts.join('') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

async function users() {
  const dbx = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir });
  try {
    return await dbx.db.selectFrom('users').selectAll().orderBy('login').execute();
  } finally {
    await dbx.close();
  }
}

const registrar = (login: string) => ['--login', login, '--role', 'registrar', '--office', 'DU-03-00'];

describe('sabt users create', () => {
  it('reads the password from standard input, never from the command line', async () => {
    const created = await create(
      'Dushanbe-spring-2026\nthe rest is ignored\n',
      ...registrar('nilufar'),
      '--name',
      'Нилуфар Шарипова',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('user nilufar created');
    expect(created.prompts).toBe('');
    const [user] = await users();
    expect(user).toMatchObject({ login: 'nilufar', role: 'registrar', full_name: 'Нилуфар Шарипова' });
    expect(await verifyPassword(user!.password_hash, 'Dushanbe-spring-2026')).toBe(true);

    const argument = await create('', ...registrar('someone'), '--password', 'Dushanbe-spring-2026');
    expect(argument.code).toBe(2);
    expect(argument.err).toMatch(/--password is not accepted.*ps and the shell history/);
  }, 120_000);

  it.each([
    ['12345678', 'too short: at least 12'],
    ['password', 'too short: at least 12'],
    ['sabt-demo', 'too short: at least 12'],
    ['        ', 'cannot be only spaces'],
    ['            ', 'cannot be only spaces'],
    ['123456789012', 'most common passwords'],
    ['1qaz2wsx3edc', 'most common passwords'],
    ['QWERTY123456', 'most common passwords'],
    ['my-login-is-farrukh', 'must not contain the login'],
    ['x'.repeat(129), 'too long: at most 128'],
    ['x'.repeat(2000), 'too long: at most 128'],
  ])('refuses %j (exit 2): %s', async (password, message) => {
    const res = await create(`${password}\n`, ...registrar('farrukh'), '--lang', 'en');
    expect(res.code).toBe(2);
    expect(res.err).toContain(message);
  });

  it('says why in Tajik and Russian too', async () => {
    const tg = await create('12345678\n', ...registrar('farrukh'), '--lang', 'tg');
    expect(tg.err).toContain('Парол кӯтоҳ аст: на камтар аз 12 аломат.');
    const ru = await create('leavemealone\n', ...registrar('farrukh'), '--lang', 'ru');
    expect(ru.err).toContain('Это один из самых распространённых паролей');
  }, 120_000);

  it('refuses a bad role, a missing option or a taken login with exit code 2', async () => {
    const badRole = await create(
      'Dushanbe-spring-2026\n',
      '--login',
      'someone',
      '--role',
      'emperor',
      '--office',
      'DU-03-00',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('unknown role "emperor"');

    const missing = await create('', '--login', 'someone', '--role', 'registrar');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--office');

    const taken = await create('Another-long-phrase-1\n', ...registrar('nilufar'));
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('taken');
    // none of the refused passwords above made a user
    expect((await users()).map((u) => u.login)).toEqual(['nilufar']);
  }, 120_000);
});
