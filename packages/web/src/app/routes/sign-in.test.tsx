// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { renderWithProviders } from '../../testing/render.tsx';
import { Component as SignInPage } from './sign-in.tsx';

function renderSignIn(path = '/sign-in') {
  const router = createMemoryRouter([{ path: '/sign-in', Component: SignInPage }], {
    initialEntries: [path],
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('tg');
});
afterEach(cleanup);

describe('sign-in page', () => {
  it('opens in Tajik', () => {
    renderSignIn();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ворид шудан ба система');
    expect(screen.getByRole('button', { name: 'Ворид шудан' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Забон' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('tg');
  });

  it('switches every label to Russian, then English, and remembers the choice', async () => {
    const user = userEvent.setup();
    renderSignIn();

    await user.click(screen.getByRole('radio', { name: 'Русский' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Вход в систему');
    expect(screen.getByLabelText(/^Пароль/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Войти' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Язык' })).toBeTruthy();
    expect(screen.queryByText('Ворид шудан ба система')).toBeNull();
    expect(localStorage.getItem('sabt.language')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');

    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(screen.getByLabelText(/^Login/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByLabelText(/^Password/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem('sabt.language')).toBe('en');
  });

  it('says the session expired when sent back here after a 401', async () => {
    await i18n.changeLanguage('en');
    renderSignIn('/sign-in?reason=expired&next=%2Fqueues%2Fready');
    expect(screen.getByText('Your session has expired. Sign in again to continue.')).toBeTruthy();
  });
});
