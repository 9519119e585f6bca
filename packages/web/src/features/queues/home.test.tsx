// @vitest-environment happy-dom
import { ROLE_LABELS, type Role } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../i18n/en.ts';
import { tg } from '../../i18n/tg.ts';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import HomePage from './home.tsx';

/** The demo users (server demo/demo-data.ts): each role of the district office. */
const DEMO: Record<string, Role> = {
  front: 'front_office',
  back: 'back_office',
  registrar: 'registrar',
  head: 'head_of_office',
  archivist: 'archivist',
  verifier: 'verifier',
  admin: 'central_admin',
  statistician: 'statistician',
  auditor: 'auditor',
};

const TOTALS: Record<string, number> = {
  'kind=MARRIAGE&status=validated': 2,
  'flag=self-registered': 6,
  'status=draft&untouchedDays=30': 5,
};

function signedInAs(login: string) {
  const role = DEMO[login]!;
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://sabt.test');
    if (url.pathname === '/api/v1/auth/session')
      return jsonResponse(200, {
        user: {
          id: `u-${login}`,
          login,
          name: login,
          role,
          roleLabel: ROLE_LABELS[role],
          office: {
            id: 'DU-03-00',
            kind: 'district',
            name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' },
          },
        },
      });
    if (url.pathname === '/api/v1/records') {
      const q = url.searchParams;
      const key = ['kind', 'status', 'flag', 'untouchedDays']
        .filter((k) => q.has(k))
        .map((k) => `${k}=${q.get(k)}`)
        .join('&');
      return jsonResponse(200, {
        total: TOTALS[key] ?? 0,
        totalIs: 'exact',
        limit: 1,
        next: null,
        previous: null,
        items: [],
      });
    }
    return jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
}

function QueueStub() {
  return <h1>queue {useParams().queue}</h1>;
}

function renderHome() {
  const router = createMemoryRouter(
    [
      { path: '/', Component: HomePage },
      { path: '/queues/:queue', Component: QueueStub },
    ],
    { initialEntries: ['/'] },
  );
  renderWithProviders(
    <Suspense fallback={<p>loading</p>}>
      <RouterProvider router={router} />
    </Suspense>,
  );
  return router;
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('where each demo role lands after sign-in', () => {
  it.each([
    ['front', 'drafts'],
    ['back', 'submitted'],
    ['registrar', 'ready'],
  ])('%s lands on the queue of their work (%s)', async (login, queue) => {
    vi.stubGlobal('fetch', signedInAs(login));
    const router = renderHome();
    expect(await screen.findByRole('heading', { name: `queue ${queue}` })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/queues/${queue}`);
  });

  it('the head of office lands on what waits for their decision, with counts and links', async () => {
    vi.stubGlobal('fetch', signedInAs('head'));
    renderHome();
    expect(await screen.findByRole('heading', { level: 1, name: tg.home.headTitle })).toBeTruthy();
    const marriages = screen.getByRole('region', { name: tg.queues.marriages });
    await waitFor(() => expect(within(marriages).getByText('2 сабт')).toBeTruthy());
    expect(within(marriages).getByRole('link').getAttribute('href')).toBe('/queues/marriages');
    const self = screen.getByRole('region', { name: tg.queues.selfRegistered });
    await waitFor(() => expect(within(self).getByText('6 сабт')).toBeTruthy());
    const stale = screen.getByRole('region', { name: tg.queues.stale });
    await waitFor(() => expect(within(stale).getByText('5 сабт')).toBeTruthy());
    // write-offs to confirm and who signs: the blanks screen
    expect(screen.getByRole('link', { name: tg.shell.blanks }).getAttribute('href')).toBe('/blanks');
    expect(screen.queryByText(tg.queues.drafts)).toBeNull();
  });

  it.each([
    ['archivist', false],
    ['verifier', false],
    ['statistician', false],
    ['auditor', true],
    ['admin', true],
  ] as const)('%s lands on what the role can do here today, never a drafts queue', async (login, blanks) => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', signedInAs(login));
    const router = renderHome();
    const role = DEMO[login]! as keyof typeof en.home.later;
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`${ROLE_LABELS[role].en}: what you can do here`);
    expect(screen.getByText(en.home.later[role])).toBeTruthy();
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toContain('/search');
    expect(links).toContain('/verify');
    expect(links).toContain('/queues/registered');
    expect(links.includes('/blanks')).toBe(blanks);
    expect(links).not.toContain('/queues/drafts');
    expect(router.state.location.pathname).toBe('/');
  });
});
