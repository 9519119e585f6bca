import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import { runCli, useCliDatabase } from '../test/cli.ts';

const cli = useCliDatabase('cli-users');

/** Runs `sabt users create` in-process with `stdin` as its standard input (a pipe: no terminal). */
async function create(stdin: string, ...argv: string[]) {
  const prompts: string[] = [];
  const stderr = new Writable({
    write(chunk, _enc, done) {
      prompts.push(String(chunk));
      done();
    },
  });
  const run = await runCli(['users', 'create', ...argv], { stdin: Readable.from([stdin]), stderr });
  return { ...run, prompts: prompts.join('') };
}

const users = () => cli.withDb((db) => db.selectFrom('users').selectAll().orderBy('login').execute());

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
