// @vitest-environment happy-dom
import { ROLE_LABELS, type Role } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
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
    if (url.pathname === '/api/v1/records/counts')
      return jsonResponse(200, {
        draft: 3,
        submitted: 2,
        validated: 1,
        registered: 41,
        rejected: 0,
        possibleDuplicate: 0,
        amendmentRequested: 0,
        staleDrafts: 0,
        selfRegistered: 0,
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
      { path: '/records/:id', Component: () => <h1>record</h1> },
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
    // login, blanks, search, registered queue, open a record by id, counts
    ['archivist', false, true, true, false, false],
    ['verifier', false, true, true, false, false],
    ['statistician', false, false, false, false, true],
    ['auditor', true, false, false, true, false],
    ['admin', true, true, true, false, false],
  ] as const)(
    '%s lands on what the role can do here today, never a drafts queue',
    async (login, blanks, search, registered, byId, counts) => {
      await i18n.changeLanguage('en');
      vi.stubGlobal('fetch', signedInAs(login));
      const router = renderHome();
      const role = DEMO[login]! as keyof typeof en.home.later;
      const heading = await screen.findByRole('heading', { level: 1 });
      expect(heading.textContent).toBe(`${ROLE_LABELS[role].en}: what you can do here`);
      expect(screen.getByText(en.home.later[role])).toBeTruthy();
      const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
      expect(links.includes('/search')).toBe(search);
      expect(links).toContain('/verify');
      expect(links.includes('/queues/registered')).toBe(registered);
      expect(links.includes('/blanks')).toBe(blanks);
      expect(links).not.toContain('/queues/drafts');
      expect(!!screen.queryByRole('textbox', { name: en.home.openRecord.label })).toBe(byId);
      expect(!!screen.queryByRole('region', { name: en.home.counts })).toBe(counts);
      expect(router.state.location.pathname).toBe('/');
    },
  );

  it('the statistician sees counts of the records, and no person', async () => {
    await i18n.changeLanguage('en');
    const fetch = signedInAs('statistician');
    vi.stubGlobal('fetch', fetch);
    renderHome();
    const counts = await screen.findByRole('region', { name: en.home.counts });
    await waitFor(() =>
      expect(within(counts).getByRole('rowheader', { name: en.status.registered })).toBeTruthy(),
    );
    expect(within(counts).getByRole('row', { name: `${en.status.registered} 41` })).toBeTruthy();
    const asked = fetch.mock.calls.map(([url]) => new URL(String(url), 'http://sabt.test').pathname);
    expect(asked).not.toContain('/api/v1/records');
    expect(asked).not.toContain('/api/v1/search');
  });

  it('the auditor opens a record the audit log names by its id, and is told when it is no id', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', signedInAs('auditor'));
    const router = renderHome();
    const input = await screen.findByRole('textbox', { name: en.home.openRecord.label });
    const user = userEvent.setup();
    await user.type(input, 'Раҳимов');
    await user.click(screen.getByRole('button', { name: en.home.openRecord.open }));
    expect(await screen.findByText(en.home.openRecord.invalid)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    await user.clear(input);
    await user.type(input, ' 0B5E4C1A-3F2D-4E8B-9A61-2C7D5F8E1B90 ');
    await user.click(screen.getByRole('button', { name: en.home.openRecord.open }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/records/0b5e4c1a-3f2d-4e8b-9a61-2c7d5f8e1b90'),
    );
  });
});
