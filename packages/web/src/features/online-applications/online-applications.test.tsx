// @vitest-environment happy-dom
import type { Me, OnlineApplicationDetail } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import OnlineApplicationRoute from '../../app/routes/online-application.tsx';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import OnlineApplicationsPage from './list-page.tsx';

const OFFICE = {
  id: 'DU-03-00',
  kind: 'district' as const,
  name: { tg: 'Шуъбаи САҲШ — Фирдавсӣ', ru: 'Отдел ЗАГС — Фирдавси', en: 'Civil Registry Office — Firdavsi' },
};
const user = (role: Me['role']): Me => ({
  id: 'u1',
  login: 'front',
  name: 'front',
  role,
  roleLabel: { tg: role, ru: role, en: role },
  office: OFFICE,
});
const ID = '9d0f4a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
const APP: OnlineApplicationDetail = {
  id: ID,
  kind: 'BIRTH',
  trackingCode: '7KQ2MX9D4G',
  status: 'received',
  office: { id: OFFICE.id, name: OFFICE.name },
  summary: { surname: 'Раҳимов', name: 'Алишер', patronymic: null, eventDate: '2026-11-20', birthDate: null },
  message: null,
  recordId: null,
  submittedAt: '2026-12-07T09:00:00.000Z',
  updatedAt: '2026-12-07T09:00:00.000Z',
  data: {
    child: {
      surname: 'Раҳимов',
      name: 'Алишер',
      sex: 'M',
      birthDate: '2026-11-20',
      birthPlace: { country: 'TJ', unit: 'DU-03' },
    },
  },
  attachments: [
    { id: 'f1', fileName: 'medical.pdf', contentType: 'application/pdf', size: 4096, createdAt: '' },
  ],
  appointment: null,
};

const COPY_ID = '5c1e0b7a-3d2f-4e8a-9b6c-7d8e9f0a1b2c';
const COPY: OnlineApplicationDetail = {
  ...APP,
  id: COPY_ID,
  kind: 'CERT_REPEAT',
  trackingCode: '3HQ7NX2P5C',
  summary: {
    surname: 'Раҳимов',
    name: 'Алишер',
    patronymic: 'Каримович',
    eventDate: '2019-06-02',
    birthDate: '2019-06-02',
  },
  data: {
    actKind: 'BIRTH',
    relationship: 'minor',
    person: { surname: 'Раҳимов', name: 'Алишер', patronymic: 'Каримович', birthDate: '2019-06-02' },
  },
};
const HIT = {
  id: 'rec-1',
  kind: 'BIRTH',
  status: 'registered',
  flags: [],
  office: 'DU-03-00',
  surname: 'Раҳимов',
  name: 'Алишер',
  patronymic: 'Каримович',
  birthDate: '2019-06-02',
  eventDate: '2019-06-02',
  number: 412,
  year: 2019,
  nationalId: null,
  score: 0.97,
  reasons: ['surname:exact', 'name:exact', 'birth-date'],
  matched: null,
  spouses: null,
};

let calls: { method: string; path: string; search: string; body: unknown }[];
function stubApi(role: Me['role'], over: Partial<OnlineApplicationDetail> = {}) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const method = init?.method ?? 'GET';
      calls.push({
        method,
        path,
        search: url.search,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      if (path === '/auth/session') return jsonResponse(200, { user: user(role) });
      if (path === '/online-applications') {
        // the received list has a second page, with the copy request on it
        if (url.searchParams.get('after') === 'page-2')
          return jsonResponse(200, { items: [{ ...COPY, trackingCode: 'ABCDEFGHJK' }], next: null });
        const received = url.search.includes('received');
        return jsonResponse(200, { items: received ? [APP] : [], next: received ? 'page-2' : null });
      }
      if (path === `/online-applications/${ID}` && method === 'GET')
        return jsonResponse(200, { ...APP, ...over });
      if (path === `/online-applications/${COPY_ID}` && method === 'GET') return jsonResponse(200, COPY);
      if (path === '/search') return jsonResponse(200, { items: [HIT], weaker: 0 });
      if (path === '/act-kinds') return jsonResponse(200, { items: [] });
      if (path.endsWith('/link'))
        return jsonResponse(200, { ...COPY, status: 'waiting-for-visit', recordId: 'rec-1' });
      if (path.endsWith('/accept')) return jsonResponse(200, { application: APP, recordId: 'r-1' });
      if (path.endsWith('/return'))
        return jsonResponse(200, {
          ...APP,
          status: 'needs-correction',
          message: (calls.at(-1)!.body as { message: string }).message,
        });
      return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
    }),
  );
}

function openAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/online-applications', element: <OnlineApplicationsPage /> },
      { path: '/online-applications/:id', element: <OnlineApplicationRoute /> },
      { path: '/records/:id/edit', element: <p>record form</p> },
      { path: '/records/:id', element: <p>record</p> },
    ],
    { initialEntries: [path] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the office’s online applications', () => {
  it('lists those received, each opening, and the other lists on request', async () => {
    stubApi('front_office');
    openAt('/online-applications');
    const link = await screen.findByRole('link', { name: '7KQ2M-X9D4G' });
    expect(link.getAttribute('href')).toBe(`/online-applications/${ID}`);
    const row = link.closest('tr')!;
    expect(within(row).getByText('Раҳимов Алишер')).toBeTruthy();
    expect(within(row).getByText('20.11.2026')).toBeTruthy();
    // page by page, and back
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'ABCDE-FGHJK' });
    expect(calls.some((c) => c.search.includes('after=page-2'))).toBe(true);
    expect(screen.getByText('Page 2')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByRole('link', { name: '7KQ2M-X9D4G' });
    await userEvent.click(screen.getByText('Waiting for the visit'));
    await screen.findByText('No applications in this list.');
    expect(calls.some((c) => c.search === '?status=waiting-for-visit')).toBe(true);
  });

  it('is not offered to a role that takes no applications', async () => {
    stubApi('auditor');
    openAt('/online-applications');
    await screen.findByText('Your role does not take applications.');
    expect(calls.some((c) => c.path === '/online-applications')).toBe(false);
  });

  it('shows what the application says and its scans, and accepting it opens the record made of it', async () => {
    stubApi('front_office');
    const router = openAt(`/online-applications/${ID}`);
    await screen.findByRole('heading', { name: /7KQ2M-X9D4G/ });
    expect(screen.getByText('Алишер')).toBeTruthy();
    // coded values and districts by their names, never a code
    expect(screen.getByText('Firdavsi')).toBeTruthy();
    expect(screen.getByText('20.11.2026')).toBeTruthy();
    expect(screen.getByText('Visit to the office: not booked')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'medical.pdf' }).getAttribute('href')).toBe(
      `/api/v1/online-applications/${ID}/files/f1`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Originals checked: start the record' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/records/r-1/edit'));
    expect(calls.find((c) => c.path.endsWith('/accept'))?.method).toBe('POST');
  });

  it('shows the citizen’s visit booked for it', async () => {
    stubApi('front_office', {
      appointment: {
        id: 'v1',
        office: APP.office,
        date: '2026-12-09',
        start: '09:30',
        end: '10:00',
      },
    });
    openAt(`/online-applications/${ID}`);
    expect(
      await screen.findByText(
        'Visit to the office: 09.12.2026, 09:30–10:00, Civil Registry Office — Firdavsi',
      ),
    ).toBeTruthy();
  });

  it('returns it to the citizen with a message', async () => {
    stubApi('front_office');
    openAt(`/online-applications/${ID}`);
    const send = await screen.findByRole('button', { name: 'Return' });
    expect(send.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText(/Message to the citizen/), 'Attach the passport.');
    await userEvent.click(send);
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/return'))?.body).toEqual({
        message: 'Attach the passport.',
      }),
    );
  });

  it('offers a copy request’s record search, filled in from it, and links the record found', async () => {
    stubApi('front_office');
    const router = openAt(`/online-applications/${COPY_ID}`);
    await screen.findByRole('heading', { name: /Repeat certificate — 3HQ7N-X2P5C/ });
    expect(screen.getByText('My minor child or ward (under 18)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Originals checked: start the record' })).toBeNull();
    const link = await screen.findByRole('button', { name: 'Record found: link' });
    const searched = new URLSearchParams(calls.find((c) => c.path === '/search')!.search);
    expect(Object.fromEntries(searched)).toMatchObject({
      surname: 'Раҳимов',
      name: 'Алишер',
      patronymic: 'Каримович',
      birthDate: '2019-06-02',
      kind: 'BIRTH',
      status: 'registered',
    });
    await userEvent.click(link);
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/link'))).toMatchObject({
        method: 'POST',
        body: { recordId: 'rec-1' },
      }),
    );
    // to the record's fees, where the service is paid before the print
    await waitFor(() => expect(router.state.location.pathname).toBe('/records/rec-1'));
    expect(router.state.location.search).toBe('?tab=fees');
  });
});
