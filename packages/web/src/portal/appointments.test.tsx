// @vitest-environment happy-dom
import type { Appointment, CitizenApplicationDetail, FreeSlot, PublicOffice } from '@sabt/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Portal } from './app.tsx';
import { LANGUAGE_KEY } from './lib/i18n.tsx';

const OFFICE: PublicOffice = {
  id: 'DU-03-00',
  parent: null,
  kind: 'district',
  region: 'DU',
  name: { tg: 'Идораи Фирдавсӣ', ru: 'Отдел Фирдавси', en: 'Firdavsi office' },
  address: null,
  phone: null,
  hours: null,
  actKinds: [],
};
const SLOTS: FreeSlot[] = [
  { id: '00000000-0000-4000-8000-000000000001', date: '2030-03-04', start: '09:00', end: '09:30', free: 2 },
  { id: '00000000-0000-4000-8000-000000000002', date: '2030-03-04', start: '09:30', end: '10:00', free: 1 },
  { id: '00000000-0000-4000-8000-000000000003', date: '2030-03-05', start: '11:00', end: '11:30', free: 1 },
];
const booked = (over: Partial<Appointment> = {}): Appointment => ({
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  office: { id: OFFICE.id, name: OFFICE.name },
  slot: SLOTS[0]!.id,
  date: '2030-03-04',
  start: '09:00',
  end: '09:30',
  purpose: 'birth',
  application: null,
  status: 'booked',
  cancelledBy: null,
  createdAt: '2030-03-01T08:00:00.000Z',
  ...over,
});

const APPLICATION: CitizenApplicationDetail = {
  id: 'bbbbbbbb-0000-4000-8000-000000000001',
  kind: 'BIRTH',
  trackingCode: '7KQ2MX9D4G',
  status: 'received',
  office: { id: OFFICE.id, name: OFFICE.name },
  message: null,
  createdAt: '2030-03-01T08:00:00.000Z',
  updatedAt: '2030-03-01T08:00:00.000Z',
  submittedAt: '2030-03-01T08:00:00.000Z',
  data: {},
  attachments: [],
  appointment: null,
};
const VISIT = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  office: APPLICATION.office!,
  date: '2030-03-04',
  start: '09:30',
  end: '10:00',
};

type Call = { path: string; method: string; body: unknown; headers: Record<string, string> };
let calls: Call[];
/** What the server answers a write: by default the appointment as booked. */
let writeAnswer: (call: Call) => { status: number; body: unknown };
let mine: Appointment[];

beforeEach(() => {
  localStorage.clear();
  calls = [];
  mine = [];
  writeAnswer = () => ({ status: 201, body: booked() });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      const call: Call = {
        path: url.pathname + url.search,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        headers: (init?.headers ?? {}) as Record<string, string>,
      };
      calls.push(call);
      let answer: { status: number; body: unknown } = { status: 200, body: { items: [] } };
      if (call.method === 'POST') answer = writeAnswer(call);
      else if (url.pathname === '/api/v1/portal/offices') answer.body = { items: [OFFICE] };
      else if (url.pathname === '/api/v1/portal/session')
        answer.body = {
          citizen: {
            id: 'c1',
            channel: 'email',
            contact: 'nigora@mail.tj',
            language: 'en',
            since: '2030-01-01T00:00:00Z',
          },
        };
      else if (url.pathname === '/api/v1/portal/slots') answer.body = { items: SLOTS };
      else if (url.pathname === '/api/v1/portal/appointments') answer.body = { items: mine };
      else if (url.pathname === `/api/v1/portal/applications/${APPLICATION.id}`)
        answer.body = { ...APPLICATION, appointment: mine.length ? VISIT : null };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = (path: string, language = 'en') => {
  localStorage.setItem(LANGUAGE_KEY, language);
  window.history.replaceState(null, '', path);
  return render(<Portal />);
};

describe('booking an appointment on the portal', () => {
  it('office, then day, then a free time and what one comes for: booked with an idempotency key', async () => {
    const user = userEvent.setup();
    open('/portal/appointments');
    expect(await screen.findByRole('heading', { level: 1, name: 'Book an appointment' })).toBeTruthy();
    await user.selectOptions(await screen.findByLabelText('Office'), 'DU-03-00');
    const days = await screen.findByRole('group', { name: 'Day' });
    expect(within(days).getAllByRole('radio')).toHaveLength(2);
    // the first day with free time is chosen; its times offered
    const times = screen.getByRole('group', { name: /^Free times/ });
    expect(
      within(times)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent),
    ).toEqual([' 09:00–09:30 (2 left)', ' 09:30–10:00 (1 left)']);
    const book = screen.getByRole('button', { name: 'Book' });
    expect(book).toHaveProperty('disabled', true);
    await user.click(within(days).getAllByRole('radio')[1]!);
    expect(within(screen.getByRole('group', { name: /^Free times/ })).getAllByRole('radio')).toHaveLength(1);
    await user.click(within(days).getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('radio', { name: /09:30–10:00/ }));
    await user.selectOptions(screen.getByLabelText('What you come for (optional)'), 'birth');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/portal/appointments');
    expect(post.body).toEqual({ slot: SLOTS[1]!.id, purpose: 'birth' });
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    // then the account page says so
    expect(await screen.findByRole('heading', { level: 1, name: 'My account' })).toBeTruthy();
    expect(await screen.findByText(/^Booked: .*09:00\. A message is on its way\.$/)).toBeTruthy();
  });

  it('a visit for an application: from its page, at its office, sent with it, and shown on it once booked', async () => {
    const user = userEvent.setup();
    const forIt = { id: APPLICATION.id, kind: 'BIRTH' as const, trackingCode: APPLICATION.trackingCode! };
    writeAnswer = () => {
      mine = [
        booked({ slot: SLOTS[1]!.id, start: '09:30', end: '10:00', purpose: null, application: forIt }),
      ];
      return { status: 201, body: mine[0] };
    };
    open(`/portal/applications/${APPLICATION.id}`);
    await user.click(await screen.findByRole('link', { name: 'Book a visit' }));
    expect(await screen.findByText('For your application 7KQ2M-X9D4G')).toBeTruthy();
    const office = await screen.findByLabelText<HTMLSelectElement>('Office');
    await waitFor(() => expect(office.value).toBe('DU-03-00'));
    expect(office.disabled).toBe(true);
    // what one comes for is the application's
    expect(screen.queryByLabelText('What you come for (optional)')).toBeNull();
    await user.click(await screen.findByRole('radio', { name: /09:30–10:00/ }));
    await user.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      slot: SLOTS[1]!.id,
      application: APPLICATION.id,
    });
    // back on the application: its visit
    expect(await screen.findByText(/^Monday, 04\.03\.2030, 09:30–10:00, Firdavsi office$/)).toBeTruthy();
    expect(window.location.pathname).toBe(`/portal/applications/${APPLICATION.id}`);
    // and the account's list says which application the appointment is for
    window.history.pushState(null, '', '/portal/account');
    window.dispatchEvent(new PopStateEvent('popstate'));
    const link = await screen.findByRole('link', { name: 'For your application 7KQ2M-X9D4G' });
    expect(link.getAttribute('href')).toBe(`/portal/applications/${APPLICATION.id}`);
  });

  it('a time just taken by someone else: the server’s words shown, the times asked again', async () => {
    const user = userEvent.setup();
    writeAnswer = () => ({
      status: 409,
      body: { title: 'Это время уже занято. Выберите другое время.', status: 409 },
    });
    open('/portal/appointments', 'ru');
    await user.selectOptions(await screen.findByLabelText('Учреждение'), 'DU-03-00');
    await user.click(await screen.findByRole('radio', { name: /09:00–09:30/ }));
    const slotLoads = calls.filter((c) => c.path.startsWith('/api/v1/portal/slots')).length;
    await user.click(screen.getByRole('button', { name: 'Записаться' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Это время уже занято. Выберите другое время.',
    );
    await waitFor(() =>
      expect(calls.filter((c) => c.path.startsWith('/api/v1/portal/slots')).length).toBe(slotLoads + 1),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Запись на приём');
  });

  it('moves an appointment from the account page to another time of the same office', async () => {
    const user = userEvent.setup();
    mine = [booked()];
    writeAnswer = (c) => ({
      status: 200,
      body: booked({
        slot: (c.body as { slot: string }).slot,
        date: '2030-03-05',
        start: '11:00',
        end: '11:30',
      }),
    });
    open('/portal/account');
    const list = await screen.findByRole('region', { name: 'My appointments' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    await user.click(within(list).getByRole('link', { name: /Another time/ }));
    expect(await screen.findByText(/You are moving your appointment of .* at 09:00/)).toBeTruthy();
    expect(screen.getByLabelText('Office')).toHaveProperty('disabled', true);
    await user.click(await screen.findByRole('radio', { name: /05\.03\.2030/ }));
    await user.click(screen.getByRole('radio', { name: /11:00–11:30/ }));
    await user.click(screen.getByRole('button', { name: 'Move to this time' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`/api/v1/portal/appointments/${booked().id}/move`);
    expect(post.body).toEqual({ slot: SLOTS[2]!.id });
    expect(await screen.findByText(/^Moved: .*11:00\.$/)).toBeTruthy();
  });

  it('cancels one’s appointment after asking, and shows cancelled ones as such', async () => {
    const user = userEvent.setup();
    mine = [
      booked(),
      booked({
        id: 'aaaaaaaa-0000-4000-8000-000000000002',
        status: 'cancelled',
        cancelledBy: 'office',
        purpose: null,
      }),
    ];
    writeAnswer = () => {
      mine = [booked({ status: 'cancelled', cancelledBy: 'citizen' }), mine[1]!];
      return { status: 200, body: mine[0] };
    };
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    open('/portal/account');
    const list = await screen.findByRole('region', { name: 'My appointments' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getByText(/Cancelled: the office closed this time/)).toBeTruthy();
    // only the live one can be cancelled
    expect(within(list).getAllByRole('button', { name: /^Cancel/ })).toHaveLength(1);
    await user.click(within(list).getByRole('button', { name: /^Cancel/ }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Cancel the appointment of .* at 09:00\?$/));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`/api/v1/portal/appointments/${booked().id}/cancel`);
    expect(post.headers['idempotency-key']).toBeTruthy();
    expect(await within(list).findByText('The appointment is cancelled.')).toBeTruthy();
    await waitFor(() => expect(within(list).queryAllByRole('button', { name: /^Cancel/ })).toHaveLength(0));
  });
});
