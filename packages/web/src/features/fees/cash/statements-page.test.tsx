// @vitest-environment happy-dom
import type { Me, StatementView } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import StatementsPage from './statements-page.tsx';

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

const CSV = 'Date;Amount;Reference\n07.12.2026;487,50;TR-1\n07.12.2026;400,00;TR-2\n07.12.2026;10,00;TR-9\n';

const STATEMENT: StatementView = {
  id: '4f2a6d8b-9c1e-4f3a-b2c4-d5e6f7a8b9c0',
  officeId: OFFICE.id,
  fileName: 'bank-07-12.csv',
  fileSha256: 'a'.repeat(64),
  periodFrom: '2026-12-07',
  periodTo: '2026-12-07',
  lineCount: 3,
  counts: { matched: 1, 'amount-differs': 1, 'unknown-reference': 1, duplicate: 0, 'already-matched': 0 },
  importedBy: { id: 'u-head', login: 'head', fullName: 'Зарина Саидзода' },
  importedAt: '2026-12-07T12:00:00.000Z',
  lines: [
    {
      line: 2,
      valueDate: '2026-12-07',
      amountMinor: 48750,
      currency: 'TJS',
      reference: 'TR-1',
      payer: 'Алиева М.',
      purpose: null,
      result: 'matched',
      paymentId: 'p1',
      expectedMinor: null,
    },
    {
      line: 3,
      valueDate: '2026-12-07',
      amountMinor: 40000,
      currency: 'TJS',
      reference: 'TR-2',
      payer: null,
      purpose: null,
      result: 'amount-differs',
      paymentId: 'p2',
      expectedMinor: 48750,
    },
    {
      line: 4,
      valueDate: '2026-12-07',
      amountMinor: 1000,
      currency: 'TJS',
      reference: 'TR-9',
      payer: null,
      purpose: null,
      result: 'unknown-reference',
      paymentId: null,
      expectedMinor: null,
    },
  ],
  missing: [
    {
      id: 'p3',
      reference: 'TR-3',
      amountMinor: 22500,
      currency: 'TJS',
      businessDate: '2026-12-07',
      receiptNumber: '010300-2026-7',
    },
  ],
};

function stubApi(me: Me) {
  const posted: unknown[] = [];
  let imported = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://sabt.test').pathname.replace(/^\/api\/v1/, '');
      if ((init?.method ?? 'GET') === 'POST') {
        posted.push(JSON.parse(String(init?.body)));
        imported = true;
        return jsonResponse(201, STATEMENT);
      }
      if (path === '/auth/session') return jsonResponse(200, { user: me });
      if (path === '/fees/statements') return jsonResponse(200, { items: imported ? [STATEMENT] : [] });
      if (path === `/fees/statements/${STATEMENT.id}`) return jsonResponse(200, STATEMENT);
      return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
    }),
  );
  return posted;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('bank statements', () => {
  it('uploads a CSV and shows its lines by result, with the transfers no statement confirmed', async () => {
    const posted = stubApi(user('head', 'head_of_office'));
    const { container } = renderWithProviders(<StatementsPage />);
    const upload = await screen.findByRole('button', { name: 'Upload' });
    expect(upload.hasAttribute('disabled')).toBe(true);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File([CSV], 'bank-07-12.csv', { type: 'text/csv' }));
    await waitFor(() => expect(upload.hasAttribute('disabled')).toBe(false));
    await userEvent.click(upload);

    await screen.findByText(/Imported: 3 lines\./);
    expect(posted).toEqual([{ fileName: 'bank-07-12.csv', content: btoa(CSV) }]);
    const section = (id: string) => container.querySelector(`[aria-labelledby="${id}"]`) as HTMLElement;
    expect(screen.getByRole('heading', { name: 'Matched (1)' })).toBeTruthy();
    expect(within(section('result-matched')).getByText('TR-1')).toBeTruthy();
    const differs = within(section('result-amount-differs')).getByText('TR-2').closest('tr')!;
    expect(differs.textContent).toContain('400.00 TJS');
    expect(differs.textContent).toContain('487.50');
    expect(within(section('result-unknown-reference')).getByText('TR-9')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Duplicate in the statement/ })).toBeNull();
    const missing = within(section('missing')).getByText('TR-3').closest('tr')!;
    expect(missing.textContent).toContain('010300-2026-7');
    // the import is listed among the earlier ones
    await waitFor(() => expect(section('earlier')).toBeTruthy());
    expect(within(section('earlier')).getByText('bank-07-12.csv')).toBeTruthy();
  });

  it('is read but not uploaded by an auditor', async () => {
    stubApi(user('auditor', 'auditor'));
    renderWithProviders(<StatementsPage />);
    await screen.findByRole('heading', { name: 'Bank statements' });
    await waitFor(() => expect(screen.queryByText('This page is not for your role.')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull();
  });
});
