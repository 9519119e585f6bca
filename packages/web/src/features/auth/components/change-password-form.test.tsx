// @vitest-environment happy-dom
import { pickLocale, t as serverT } from '@sabt/core';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';

const GOOD = 'amber-kettle-orbit-9';

/**
 * Answers POST /me/password like the server: the current password is `temporary-pass-1`; the new one
 * is refused as breached when it is `breached-password-1`; any other is accepted. Refusals are
 * problem+json with field errors in the asked language.
 */
function fakeServer() {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    expect(String(input)).toBe('/api/v1/me/password');
    const headers = new Headers(init?.headers);
    const locale = pickLocale(headers.get('accept-language'));
    const body = JSON.parse(String(init?.body));
    const refuse = (path: string, key: string) =>
      jsonResponse(
        422,
        {
          type: 'https://sabt.tj/problems/validation',
          title: serverT('problem.validation', locale),
          status: 422,
          key: 'problem.validation',
          errors: [{ path, key, message: serverT(key, locale) }],
        },
        'application/problem+json',
      );
    if (body.current !== 'temporary-pass-1') return refuse('current', 'problem.admin.wrongCurrentPassword');
    if (body.password === 'breached-password-1') return refuse('password', 'password.breached');
    return jsonResponse(200, { changed: true });
  });
}

/** The error message shown at the field labelled `label` (the one its input is described by). */
function errorAt(label: string): string {
  const ids = (field(label).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const field = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}\\s*\\*?$`), { selector: 'input' });

async function fill(labels: [string, string, string], values: [string, string, string], submit: string) {
  const user = userEvent.setup();
  for (const [i, label] of labels.entries()) await user.type(field(label), values[i] as string);
  await user.click(screen.getByRole('button', { name: submit }));
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('change password form', () => {
  it.each([
    [
      'tg',
      ['Пароли ҳозира', 'Пароли нав', 'Пароли нав бори дигар'],
      'Иваз кардан',
      'Пароли ҳозира нодуруст аст.',
    ],
    [
      'ru',
      ['Текущий пароль', 'Новый пароль', 'Новый пароль ещё раз'],
      'Сменить пароль',
      'Текущий пароль указан неверно.',
    ],
    [
      'en',
      ['Current password', 'New password', 'New password again'],
      'Change password',
      'The current password is wrong.',
    ],
  ] as const)('shows a wrong current password at its field in %s', async (lang, labels, submit, message) => {
    await i18n.changeLanguage(lang);
    vi.stubGlobal('fetch', fakeServer());
    const onChanged = vi.fn();
    renderWithProviders(<ChangePasswordForm onChanged={onChanged} />);
    await fill([...labels], ['wrong-current-1', GOOD, GOOD], submit);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(errorAt(labels[0])).toContain(message);
    expect(errorAt(labels[1])).not.toContain(message);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows a breached new password at the new password field', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', fakeServer());
    renderWithProviders(<ChangePasswordForm onChanged={vi.fn()} />);
    await fill(
      ['Current password', 'New password', 'New password again'],
      ['temporary-pass-1', 'breached-password-1', 'breached-password-1'],
      'Change password',
    );
    expect(
      await screen.findByText('This password appears in lists of breached passwords. Choose another.'),
    ).toBeTruthy();
    expect(errorAt('New password')).toContain('breached passwords');
    expect(errorAt('Current password')).toBe('');
  });

  it('states the policy and checks length and the repetition before calling the server', async () => {
    const fetch = fakeServer();
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<ChangePasswordForm onChanged={vi.fn()} />);
    expect(screen.getByText(/на камтар аз 12 аломат/)).toBeTruthy();
    await fill(
      ['Пароли ҳозира', 'Пароли нав', 'Пароли нав бори дигар'],
      ['x', 'short', 'other'],
      'Иваз кардан',
    );
    expect(await screen.findByText('Парол кӯтоҳ аст: на камтар аз 12 аломат.')).toBeTruthy();
    expect(screen.getByText('Паролҳо мувофиқ нестанд.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('changes the password and hands over', async () => {
    const fetch = fakeServer();
    vi.stubGlobal('fetch', fetch);
    const onChanged = vi.fn();
    renderWithProviders(<ChangePasswordForm onChanged={onChanged} />);
    await fill(
      ['Пароли ҳозира', 'Пароли нав', 'Пароли нав бори дигар'],
      ['temporary-pass-1', GOOD, GOOD],
      'Иваз кардан',
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({
      current: 'temporary-pass-1',
      password: GOOD,
    });
  });
});
