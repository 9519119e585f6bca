// @vitest-environment happy-dom
import { type AdminOffice, type AppointmentDay, type Me, ROLE_LABELS, type Role, todayIn } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Suspense } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppHeader } from '../../app/components/app-header.tsx';
import { TIME_ZONE } from '../../lib/dates.ts';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import AppointmentsPage from './appointments-page.tsx';

const FIRDAVSI = {
  id: 'DU-03-00',
  kind: 'district' as const,
  name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' },
};
const me = (role: Role): Me => ({
  id: `u-${role}`,
  login: role,
  name: role,
  role,
  roleLabel: ROLE_LABELS[role],
  office: FIRDAVSI,
});
const today = todayIn(TIME_ZONE);
const SLOT = (id: string, start: string, end: string, booked: number, closed = false) => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  office: FIRDAVSI.id,
  date: today,
  start,
  end,
  capacity: 2,
  booked,
  closed,
});
const DAY: AppointmentDay = {
  office: { id: FIRDAVSI.id, name: FIRDAVSI.name },
  date: today,
  slots: [SLOT('1', '09:00', '09:30', 2), SLOT('2', '09:30', '10:00', 0, true)],
  items: [
    {
      id: 'a1',
      slot: SLOT('1', '09:00', '09:30', 2).id,
      start: '09:00',
      end: '09:30',
      contact: '+992931234567',
      purpose: 'birth',
      application: { id: 'app-1', kind: 'BIRTH', trackingCode: '7KQ2MX9D4G' },
      status: 'booked',
      cancelledBy: null,
    },
    {
      id: 'a2',
      slot: SLOT('1', '09:00', '09:30', 2).id,
      start: '09:00',
      end: '09:30',
      contact: 'nigora@mail.tj',
      purpose: null,
      application: null,
      status: 'cancelled',
      cancelledBy: 'citizen',
    },
  ],
};
const OFFICES: AdminOffice[] = [
  {
    id: FIRDAVSI.id,
    parent: 'DU',
    kind: 'district',
    numericCode: '010300',
    name: FIRDAVSI.name,
    officialName: 'official',
    active: true,
    closedAt: null,
    users: 3,
  },
  {
    id: 'DU-03-90',
    parent: FIRDAVSI.id,
    kind: 'mobile',
    numericCode: '010390',
    name: { tg: 'Сайёр', ru: 'Передвижной', en: 'Mobile office' },
    officialName: 'official',
    active: true,
    closedAt: null,
    users: 0,
  },
];

interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}
function stubApi(who: Me, handle: (s: Sent) => Response | undefined = () => undefined) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      const s: Sent = {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/v1/, ''),
        query: url.searchParams,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        headers: new Headers(init?.headers),
      };
      sent.push(s);
      if (s.path === '/auth/session') return jsonResponse(200, { user: who });
      const own = handle(s);
      if (own) return own;
      if (s.path === '/appointments/day') return jsonResponse(200, { ...DAY, date: s.query.get('date') });
      if (s.path === '/admin/offices') return jsonResponse(200, { items: OFFICES });
      return jsonResponse(
        404,
        { type: 'about:blank', title: 'Not found', status: 404 },
        'application/problem+json',
      );
    }),
  );
  return { sent, writes: () => sent.filter((s) => s.method !== 'GET') };
}

function renderAt(who: Me) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: () => (
          <>
            <AppHeader me={who} />
            <Outlet />
          </>
        ),
        children: [
          { index: true, Component: () => <h1>home</h1> },
          { path: 'appointments', Component: AppointmentsPage },
        ],
      },
    ],
    { initialEntries: ['/appointments'] },
  );
  renderWithProviders(
    <Suspense fallback={<p>loading</p>}>
      <RouterProvider router={router} />
    </Suspense>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('appointments in the workspace', () => {
  it('the front office sees its day: who comes when and for what; no publishing, no closing', async () => {
    const api = stubApi(me('front_office'));
    renderAt(me('front_office'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Appointments' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Appointments' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Appointments of the day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['+992931234567', 'Birth registration', '7KQ2M-X9D4G', 'Booked'],
      ['nigora@mail.tj', '—', '—', 'Cancelled by the citizen'],
    ]);
    // the application the visit is for, opened from its tracking code
    expect(within(rows[0]!).getByRole('link', { name: '7KQ2M-X9D4G' }).getAttribute('href')).toBe(
      '/online-applications/app-1',
    );
    const slots = screen.getByRole('table', { name: 'Slots' });
    expect(within(slots).getAllByRole('row')[1]!.textContent).toContain('2 of 2');
    expect(within(slots).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Publish slots' })).toBeNull();
    const asked = api.sent.find((s) => s.path === '/appointments/day')!;
    expect([asked.query.get('office'), asked.query.get('date')]).toEqual(['DU-03-00', today]);

    // another day, typed as people type it
    const user = userEvent.setup();
    const date = screen.getByRole('textbox', { name: 'Day' });
    await user.clear(date);
    await user.type(date, '01022031');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(
        api.sent
          .filter((s) => s.path === '/appointments/day')
          .at(-1)!
          .query.get('date'),
      ).toBe('2031-02-01'),
    );
  });

  it('a role without appointments has no menu entry and is told why', async () => {
    stubApi(me('registrar'));
    renderAt(me('registrar'));
    expect(
      await screen.findByText('Appointments are for the front office and the head of office.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Appointments' })).toBeNull();
  });

  it('the head publishes a series (checked before it goes) and closes a slot, each write with its key', async () => {
    const api = stubApi(me('head_of_office'), (s) => {
      if (s.method === 'POST' && s.path === '/offices/DU-03-90/slot-series')
        return jsonResponse(201, { id: 's1', office: 'DU-03-90', created: 12, skipped: 2 });
      if (s.method === 'POST' && s.path.endsWith('/close'))
        return jsonResponse(200, { slot: { ...SLOT('1', '09:00', '09:30', 0, true) }, cancelled: 2 });
      return undefined;
    });
    renderAt(me('head_of_office'));
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Publish slots' });
    await user.selectOptions(await screen.findByLabelText('Office'), 'DU-03-90');
    // another office's visits: their applications are named, not linked (they open in their office only)
    await waitFor(() => expect(screen.queryByRole('link', { name: '7KQ2M-X9D4G' })).toBeNull());
    expect(await screen.findByText('7KQ2M-X9D4G')).toBeTruthy();
    await user.click(within(form).getByLabelText('Wednesday'));
    const to = within(form).getByLabelText('To');
    await user.clear(to);
    await user.type(to, '9');
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    expect(await within(form).findByText('Enter the time as 09:00.')).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
    await user.clear(to);
    await user.type(to, '10:00');
    const last = within(form).getByLabelText('Last day');
    await user.clear(last);
    await user.type(last, '31122031');
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('12 slot(s) published; 2 were there already.')).toBeTruthy();
    const published = api.writes()[0]!;
    expect(published.body).toEqual({
      days: [1, 2, 4, 5],
      from: '09:00',
      to: '10:00',
      minutes: 30,
      capacity: 1,
      firstDay: today,
      lastDay: '2031-12-31',
    });
    expect(published.headers.get('idempotency-key')).toBeTruthy();

    // close the open slot of the day
    const slots = await screen.findByRole('table', { name: 'Slots' });
    await user.click(within(slots).getByRole('button', { name: /Close/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Close a slot' });
    expect(dialog.textContent).toContain('2 appointment(s) will be cancelled');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('Slot closed; 2 appointment(s) cancelled.')).toBeTruthy();
    const closed = api.writes()[1]!;
    expect(closed.path).toBe(`/slots/${SLOT('1', '', '', 0).id}/close`);
    expect(closed.headers.get('idempotency-key')).toBeTruthy();
  });
});
