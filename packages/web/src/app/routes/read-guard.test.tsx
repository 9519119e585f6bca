// @vitest-environment happy-dom
import { MESSAGES, ROLE_LABELS, type Role } from '@sabt/core';
import { cleanup, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ru } from '../../i18n/ru.ts';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import { AppHeader } from '../components/app-header.tsx';
import { ReadGuard } from './read-guard.tsx';

const me = (role: Role) => ({
  id: `u-${role}`,
  login: role,
  name: role,
  role,
  roleLabel: ROLE_LABELS[role],
  office: {
    id: 'DU-03-00',
    kind: 'district' as const,
    name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' },
  },
});

/** The workspace's frame (header) over the search screen, guarded as the app's router guards it. */
function renderWorkspace(role: Role, at: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://sabt.test');
      if (url.pathname === '/api/v1/auth/session') return jsonResponse(200, { user: me(role) });
      return jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 });
    }),
  );
  const Shell = () => (
    <>
      <AppHeader me={me(role)} />
      <Outlet />
    </>
  );
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: Shell,
        children: [
          { index: true, Component: () => <h1>home</h1> },
          {
            path: 'search',
            Component: () => (
              <ReadGuard read="search">
                <h1>search screen</h1>
              </ReadGuard>
            ),
          },
        ],
      },
    ],
    { initialEntries: [at] },
  );
  renderWithProviders(
    <Suspense fallback={<p>loading</p>}>
      <RouterProvider router={router} />
    </Suspense>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('ru');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the statistician's workspace", () => {
  it('offers no record search and no queues', async () => {
    renderWorkspace('statistician', '/');
    const nav = await screen.findByRole('navigation', { name: ru.shell.mainNav });
    const links = [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).not.toContain('/search');
    expect(links.some((l) => l?.startsWith('/queues'))).toBe(false);
  });

  it('answers the search address with why, in the user’s language, and no search form', async () => {
    renderWorkspace('statistician', '/search');
    expect(
      await screen.findByRole('heading', { level: 1, name: MESSAGES['problem.read.search'].ru }),
    ).toBeTruthy();
    expect(screen.queryByText('search screen')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('a role that searches', () => {
  it.each(['archivist', 'registrar'] as const)('%s is offered the search and reaches it', async (role) => {
    renderWorkspace(role, '/search');
    expect(await screen.findByRole('heading', { name: 'search screen' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: ru.shell.mainNav });
    expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain('/search');
  });
});
