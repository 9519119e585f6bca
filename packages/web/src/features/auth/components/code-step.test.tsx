// @vitest-environment happy-dom
import { type MessageKey, pickLocale, t as serverT } from '@sabt/core';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import { SignInForm } from './sign-in-form.tsx';

const ME = {
  id: 'u3',
  login: 'registrar',
  name: 'Шералӣ Қодиров',
  role: 'registrar',
  roleLabel: { tg: 'Бақайдгиранда', ru: 'Регистратор', en: 'Registrar' },
  office: { id: 'DU-03-00', kind: 'district', name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' } },
};

const problem = (status: number, key: MessageKey, lang: string | null) =>
  jsonResponse(
    status,
    { type: `https://sabt.tj/problems/${key}`, title: serverT(key, pickLocale(lang)), status, key },
    'application/problem+json',
  );

/**
 * Answers like the server for a registrar with two-factor sign-in: the password gives a challenge;
 * the code 123456 or the recovery code abcde-fghij (once) signs in; anything else is refused, and
 * the sixth wrong code ends the challenge.
 */
function fakeServer() {
  const usedRecovery = new Set<string>();
  let wrong = 0;
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const lang = new Headers(init?.headers).get('accept-language');
    const body = JSON.parse(String(init?.body));
    if (String(input) === '/api/v1/auth/login')
      return jsonResponse(200, { challenge: 'ch-1', expiresAt: '2026-12-07T10:05:00Z' });
    expect(String(input)).toBe('/api/v1/auth/login/code');
    expect(body.challenge).toBe('ch-1');
    if (wrong >= 5) return problem(401, 'problem.twoFactor.tooManyWrongCodes', lang);
    if (body.code === '123456') return jsonResponse(200, ME);
    if (body.code === 'abcde-fghij' && !usedRecovery.has(body.code)) {
      usedRecovery.add(body.code);
      return jsonResponse(200, ME);
    }
    wrong += 1;
    return problem(401, 'problem.twoFactor.wrongCode', lang);
  });
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

async function toCodeStep(user: ReturnType<typeof userEvent.setup>, labels = ['Логин', 'Парол']) {
  await user.type(field(labels[0]!), 'registrar');
  await user.type(field(labels[1]!), 'sabt-demo');
  await user.keyboard('{Enter}');
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the code step of sign-in', () => {
  it('asks for the code after the password and signs in with it', async () => {
    const fetch = fakeServer();
    vi.stubGlobal('fetch', fetch);
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await toCodeStep(user);

    const code = await screen.findByLabelText(/^Рамз аз барнома/, { selector: 'input' });
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(document.activeElement).toBe(code);
    expect(onSignedIn).not.toHaveBeenCalled();
    await user.type(code, '123456');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(ME));
  });

  it.each([
    ['tg', ['Логин', 'Парол'], 'Рамз аз барнома', 'Тасдиқ кардан', 'Рамз нодуруст аст'],
    ['ru', ['Логин', 'Пароль'], 'Код из приложения', 'Подтвердить', 'Код неверен или уже использован'],
    [
      'en',
      ['Login', 'Password'],
      'Code from the app',
      'Verify',
      'The code is wrong or has already been used',
    ],
  ])(
    'says a wrong code is wrong, in %s, and asks for nothing empty',
    async (lang, labels, codeLabel, verify, message) => {
      await i18n.changeLanguage(lang);
      const fetch = fakeServer();
      vi.stubGlobal('fetch', fetch);
      const onSignedIn = vi.fn();
      const user = userEvent.setup();
      renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
      await toCodeStep(user, labels);
      await screen.findByLabelText(new RegExp(`^${codeLabel}`), { selector: 'input' });
      await user.click(screen.getByRole('button', { name: verify }));
      expect(fetch).toHaveBeenCalledTimes(1);
      await user.type(field(codeLabel), '999999');
      await user.click(screen.getByRole('button', { name: verify }));
      expect((await screen.findByRole('alert')).textContent).toContain(message);
      expect((field(codeLabel) as HTMLInputElement).value).toBe('');
      expect(onSignedIn).not.toHaveBeenCalled();
    },
  );

  it('takes a recovery code instead, once', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await toCodeStep(user);
    await user.click(await screen.findByRole('button', { name: 'Рамзи барқарорсозиро истифода баред' }));
    const recovery = field('Рамзи барқарорсозӣ');
    await user.type(recovery, 'abcde-fghij');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    await user.type(field('Рамзи барқарорсозӣ'), 'abcde-fghij');
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Рамз нодуруст аст');
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    // back to the app's code
    await user.click(screen.getByRole('button', { name: 'Рамзи барномаро истифода баред' }));
    expect(field('Рамз аз барнома')).toBeTruthy();
  });

  it('sends the user back to the password once the challenge is over', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    await toCodeStep(user);
    for (let i = 0; i < 6; i++) {
      await user.type(await screen.findByLabelText(/^Рамз аз барнома/, { selector: 'input' }), '000000');
      await user.keyboard('{Enter}');
      await screen.findByRole('alert');
    }
    expect(screen.getByRole('alert').textContent).toContain('Рамзҳои нодуруст бисёр шуданд');
    expect(screen.queryByLabelText(/^Рамз аз барнома/, { selector: 'input' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Аз нав ворид шудан' }));
    expect(field('Логин')).toBeTruthy();
  });
});
