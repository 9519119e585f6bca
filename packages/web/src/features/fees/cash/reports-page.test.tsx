// @vitest-environment happy-dom
import type { FeeReportView, Me } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import FeeReportsPage from './reports-page.tsx';

const OFFICE = {
  id: 'DU-03-00',
  kind: 'district' as const,
  name: { tg: 'Шуъбаи САҲШ — Фирдавсӣ', ru: 'Отдел ЗАГС — Фирдавси', en: 'Civil Registry Office — Firdavsi' },
};
const user = (login: string, role: Me['role']): Me => ({
  id: `u-${login}`,
  login,
  name: login,
  role,
  roleLabel: { tg: role, ru: role, en: role },
  office: OFFICE,
});

const amounts = (charged: number, paid: number, refunded: number, waived: number) => ({
  chargedMinor: charged,
  paidMinor: paid,
  refundedMinor: refunded,
  waivedMinor: waived,
  outstandingMinor: charged - paid + refunded - waived,
});

const REPORT: FeeReportView = {
  officeId: OFFICE.id,
  from: '2026-11-01',
  to: '2026-11-30',
  service: null,
  rows: [
    {
      officeId: 'DU-03-00',
      service: 'NAME_CHANGE_REG',
      currency: 'TJS',
      charges: 3,
      ...amounts(146250, 97500, 0, 0),
    },
    {
      officeId: 'DU-03-01',
      service: 'CERT_REPEAT',
      currency: 'TJS',
      charges: 2,
      ...amounts(9000, 9000, 4500, 4500),
    },
  ],
  totals: [{ currency: 'TJS', charges: 5, ...amounts(155250, 106500, 4500, 4500) }],
};

/** The API as the page meets it; the report's queries are kept to be looked at. */
function stubApi(me: Me, report: FeeReportView = REPORT) {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://sabt.test');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      if (path === '/auth/session') return jsonResponse(200, { user: me });
      if (path === '/fees/reports') {
        asked.push(url.searchParams);
        return jsonResponse(200, report);
      }
      return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
    }),
  );
  return asked;
}

const field = (label: string) => screen.getByRole('textbox', { name: new RegExp(`^${label}`) });

async function fillPeriod(from: string, to: string) {
  await userEvent.clear(field('From'));
  await userEvent.type(field('From'), from);
  await userEvent.clear(field('To'));
  await userEvent.type(field('To'), to);
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('fee reports', () => {
  it('asks for the period, service and office chosen and shows each row with the totals', async () => {
    const asked = stubApi(user('head', 'head_of_office'));
    renderWithProviders(<FeeReportsPage />);
    await screen.findByRole('heading', { name: 'Fee reports' });
    await fillPeriod('01112026', '30112026');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'NAME_CHANGE_REG');
    await userEvent.type(field('Office'), 'DU-03-00');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    const table = await screen.findByRole('table', { name: 'Fee reports' });
    expect(Object.fromEntries(asked.at(-1)!)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      service: 'NAME_CHANGE_REG',
      office: 'DU-03-00',
    });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (c) => c.textContent));
    expect(cells).toEqual([
      [
        'DU-03-00',
        'Change of surname, name, patronymic',
        'TJS',
        '3',
        '1462.50',
        '975.00',
        '0.00',
        '0.00',
        '487.50',
      ],
      ['DU-03-01', 'Repeat certificate', 'TJS', '2', '90.00', '90.00', '45.00', '45.00', '0.00'],
      ['Total', '', 'TJS', '5', '1552.50', '1065.00', '45.00', '45.00', '487.50'],
    ]);
  });

  it('says when the period has no fees, and asks nothing until the dates are whole', async () => {
    const asked = stubApi(user('auditor', 'auditor'), { ...REPORT, rows: [], totals: [] });
    renderWithProviders(<FeeReportsPage />);
    await screen.findByRole('heading', { name: 'Fee reports' });
    await userEvent.clear(field('From'));
    await userEvent.type(field('From'), '0111');
    expect(screen.getByRole('button', { name: 'Show' }).hasAttribute('disabled')).toBe(true);
    await fillPeriod('01112026', '30112026');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByText('No fees in this period.');
    expect(asked).toHaveLength(1);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('is not offered to a front-office clerk', async () => {
    const asked = stubApi(user('front', 'front_office'));
    renderWithProviders(<FeeReportsPage />);
    await screen.findByText('This page is not for your role.');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show' })).toBeNull());
    expect(asked).toHaveLength(0);
  });
});
