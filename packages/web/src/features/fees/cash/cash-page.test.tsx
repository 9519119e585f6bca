// @vitest-environment happy-dom
import type { CashDayView, CashFiguresView, CashReportView, Me } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import CashPage from './cash-page.tsx';

const OFFICE = {
  id: 'DU-03-00',
  kind: 'district' as const,
  name: { tg: 'Шуъбаи САҲШ — Фирдавсӣ', ru: 'Отдел ЗАГС — Фирдавси', en: 'Civil Registry Office — Firdavsi' },
};
const user = (login: string, role: Me['role'], name: string): Me => ({
  id: `u-${login}`,
  login,
  name,
  role,
  roleLabel: { tg: role, ru: role, en: role },
  office: OFFICE,
});
const HEAD = user('head', 'head_of_office', 'Зарина Саидзода');
const FRONT = user('front', 'front_office', 'Мадина Раҳимова');
const person = (u: Me) => ({ id: u.id, login: u.login, fullName: u.name });

const figures = (over: Partial<CashFiguresView> = {}): CashFiguresView => ({
  openingMinor: 0,
  receivedMinor: 0,
  refundedMinor: 0,
  correctionsMinor: 0,
  handedInMinor: 0,
  closingMinor: 0,
  terminalMinor: 0,
  transferMinor: 0,
  waivedMinor: 0,
  entryCount: 0,
  handoverCount: 0,
  ...over,
});

const DAY = '2026-12-07';
const frontReport: CashReportView = {
  id: '3e1f5c7a-8b9d-4e2f-a1b3-c4d5e6f7a8b9',
  officeId: OFFICE.id,
  clerk: person(FRONT),
  businessDate: DAY,
  currency: 'TJS',
  figures: figures({ receivedMinor: 50250, closingMinor: 50250, terminalMinor: 48750, entryCount: 3 }),
  openingReportId: null,
  replaces: null,
  reason: null,
  preparedBy: person(FRONT),
  preparedAt: '2026-12-07T12:00:00.000Z',
  signedBy: null,
  signedAt: null,
  stale: false,
};

function dayWith(report: CashReportView | null): CashDayView {
  const live = figures({ receivedMinor: 50250, closingMinor: 50250, terminalMinor: 48750, entryCount: 3 });
  return {
    officeId: OFFICE.id,
    businessDate: DAY,
    currency: 'TJS',
    office: { clerk: null, live, report: null, handovers: [] },
    clerks: [{ clerk: person(FRONT), live, report, handovers: [] }],
  };
}

function stubApi(me: Me, day: () => CashDayView, onWrite: (path: string, body: unknown) => unknown) {
  const writes: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      if ((init?.method ?? 'GET') !== 'GET') {
        const body = init?.body ? JSON.parse(String(init.body)) : undefined;
        writes.push({ path, body });
        return jsonResponse(201, onWrite(path, body));
      }
      if (path === '/auth/session') return jsonResponse(200, { user: me });
      if (path === '/fees/cash/day') return jsonResponse(200, day());
      return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
    }),
  );
  return writes;
}

const rowOf = async (login: string) => {
  await screen.findByRole('table');
  return document.querySelector(`[data-clerk="${login}"]`) as HTMLElement;
};

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the day's cash", () => {
  it('shows each clerk and the office with the drawer apart from terminal and transfer; the head signs a prepared report', async () => {
    let signed = false;
    const writes = stubApi(
      HEAD,
      () =>
        dayWith(
          signed ? { ...frontReport, signedBy: person(HEAD), signedAt: '2026-12-07T13:00:00Z' } : frontReport,
        ),
      () => {
        signed = true;
        return frontReport;
      },
    );
    renderWithProviders(<CashPage />);
    const front = await rowOf('front');
    const cells = within(front)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(within(front).getByRole('rowheader').textContent).toBe('Мадина Раҳимова');
    expect(cells).toContain('502.50');
    expect(cells).toContain('487.50');
    expect(within(front).getByText('prepared, awaiting signature')).toBeTruthy();
    const office = await rowOf('office');
    expect(within(office).getByText('not prepared')).toBeTruthy();

    await userEvent.click(within(front).getByRole('button', { name: 'Sign' }));
    await screen.findByText('The report is signed.');
    expect(writes).toEqual([{ path: `/fees/cash/reports/${frontReport.id}/sign`, body: undefined }]);
    await waitFor(async () =>
      expect(within(await rowOf('front')).getByText('signed by Зарина Саидзода')).toBeTruthy(),
    );
    expect(within(await rowOf('front')).queryByRole('button', { name: 'Sign' })).toBeNull();
  });

  it('lets a clerk prepare their report and hand cash in, never sign; an amount not in figures is not sent', async () => {
    const writes = stubApi(
      FRONT,
      () => dayWith(frontReport),
      (path) => (path === '/fees/cash/handovers' ? { handover: {}, live: figures() } : frontReport),
    );
    renderWithProviders(<CashPage />);
    const front = await rowOf('front');
    // their own report: never theirs to sign
    expect(within(front).queryByRole('button', { name: 'Sign' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Prepare my report' }));
    await screen.findByText('The report is prepared.');
    expect(writes[0]).toEqual({
      path: '/fees/cash/reports',
      body: { date: expect.any(String), scope: 'clerk' },
    });

    const amount = screen.getByLabelText('Amount (somoni)');
    await userEvent.type(amount, '12,5,0');
    expect(screen.getByText('Type the amount in figures, such as 450.00.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hand in cash' }).hasAttribute('disabled')).toBe(true);
    await userEvent.clear(amount);
    await userEvent.type(amount, '400.00');
    await userEvent.click(screen.getByRole('button', { name: 'Hand in cash' }));
    await screen.findByText('The cash handed in is recorded.');
    expect(writes[1]).toEqual({
      path: '/fees/cash/handovers',
      body: { date: expect.any(String), amountMinor: 40000 },
    });
  });

  it('is not for a role that does not work with cash', async () => {
    stubApi(
      user('archivist', 'archivist', 'Архивист'),
      () => dayWith(null),
      () => null,
    );
    renderWithProviders(<CashPage />);
    await screen.findByText('This page is not for your role.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
