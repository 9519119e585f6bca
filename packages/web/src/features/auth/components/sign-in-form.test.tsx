// @vitest-environment happy-dom
import { pickLocale, t as serverT } from '@sabt/core';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import { SignInForm } from './sign-in-form.tsx';

const ME = {
  id: 'u1',
  login: 'front',
  name: 'Мадина Раҳимова',
  role: 'front_office',
  roleLabel: { tg: 'Корманди қабул', ru: 'Специалист фронт-офиса', en: 'Front-office clerk' },
  office: { id: 'DU-03-00', kind: 'district', name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' } },
};

/** Answers POST /auth/login like the server: `front`/`sabt-demo` signs in, anything else is a 401 in the asked language. */
function fakeServer() {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    expect(String(input)).toBe('/api/v1/auth/login');
    expect(headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const body = JSON.parse(String(init?.body));
    if (body.login === 'front' && body.password === 'sabt-demo') return jsonResponse(200, ME);
    const locale = pickLocale(headers.get('accept-language'));
    return jsonResponse(
      401,
      {
        type: 'https://sabt.tj/problems/badCredentials',
        title: serverT('problem.badCredentials', locale),
        status: 401,
        key: 'problem.badCredentials',
      },
      'application/problem+json',
    );
  });
}

/** The input labelled `label` (Mantine adds a required mark after it). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in form', () => {
  it.each([
    ['tg', 'Логин', 'Парол', 'Ворид шудан', 'Логин ё парол нодуруст аст.'],
    ['ru', 'Логин', 'Пароль', 'Войти', 'Неверный логин или пароль.'],
    ['en', 'Login', 'Password', 'Sign in', 'Wrong login or password.'],
  ])('says "wrong login or password" in %s', async (lang, loginLabel, passwordLabel, submit, message) => {
    await i18n.changeLanguage(lang);
    const fetch = fakeServer();
    vi.stubGlobal('fetch', fetch);
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);

    await user.type(field(loginLabel), 'front');
    await user.type(field(passwordLabel), 'wrong-password');
    await user.click(screen.getByRole('button', { name: submit }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('accept-language')).toBe(lang);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('signs in with the right password and hands over the user', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await user.type(field('Логин'), 'front');
    await user.type(field('Парол'), 'sabt-demo');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(ME));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the login and password before calling the server', async () => {
    const fetch = fakeServer();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Ворид шудан' }));
    expect(await screen.findByText('Логинро нависед.')).toBeTruthy();
    expect(screen.getByText('Паролро нависед.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says plainly when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await i18n.changeLanguage('ru');
    const user = userEvent.setup();
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    await user.type(field('Логин'), 'front');
    await user.type(field('Пароль'), 'x');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Сервер не отвечает');
  });
});
