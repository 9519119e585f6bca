// @vitest-environment happy-dom
import { DEFAULT_FEE_VERSIONS, type FeeVersion, type Me } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import FeeAdminPage from './admin-page.tsx';
import FeeCalculatorPage from './calculator-page.tsx';

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
const FRONT = user('front', 'front_office');
const ADMIN = user('admin', 'central_admin');

/** A stored version the central department added: the name-change duty at 8 PDR from 2027. */
const EIGHT: FeeVersion = {
  id: 'v1',
  kind: 'line',
  key: 'NAME_CHANGE_REG.duty',
  validFrom: '2027-01-01',
  validTo: null,
  value: { pdr: '8' },
  basis: { tg: 'Қонуни нав', ru: 'Новый закон', en: 'New law' },
  verified: true,
  note: null,
  source: 'stored',
  recordedAt: '2026-12-01T08:00:00.000Z',
  recordedBy: 'admin',
};

function stubApi(me: Me, onWrite: (path: string, body: unknown, headers: Headers) => Response) {
  const sent: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://sabt.test');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, body, headers });
    if (method !== 'GET') return onWrite(path, body, headers);
    if (path === '/auth/session') return jsonResponse(200, { user: me });
    if (path === '/fees/rules' || path === '/fees/versions')
      return jsonResponse(200, { versions: [...DEFAULT_FEE_VERSIONS, EIGHT] });
    return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetch);
  return { sent, writes: () => sent.filter((s) => s.method !== 'GET') };
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/fees', Component: FeeCalculatorPage },
      { path: '/fees/admin', Component: FeeAdminPage },
    ],
    { initialEntries: [path] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const total = () => screen.getByTestId('fee-total').textContent;
const lineRow = (kind: string) => document.querySelector(`[data-line="${kind}"]`) as HTMLElement;

describe('the fee calculator', () => {
  it('itemises a name change by the rules of the application date, with the bases and the unverified lines', async () => {
    stubApi(FRONT, () => jsonResponse(500, {}));
    const u = userEvent.setup();
    renderAt('/fees');
    const form = await screen.findByRole('form', { name: 'Ҳисобкунаки пардохтҳо' });
    await u.selectOptions(within(form).getByLabelText('Хизматрасонӣ'), 'NAME_CHANGE_REG');
    const application = within(form).getByLabelText(/Санаи ариза/);
    await u.clear(application);
    await u.type(application, '01112025');
    expect(total()).toBe('487.50 сомонӣ');
    expect(within(lineRow('duty')).getAllByText('450.00 сомонӣ')).toHaveLength(2); // the amount, nothing waived
    expect(within(lineRow('duty')).queryByTestId('unverified')).toBeNull();
    expect(within(lineRow('duty')).getByText(/1 октябри 2025/)).toBeTruthy();
    expect(within(lineRow('service')).getByTestId('unverified').textContent).toBe('тасдиқ нашудааст');
    expect(within(lineRow('blank')).getByTestId('unverified')).toBeTruthy();

    // the day before the rise: 3 PDR
    await u.clear(application);
    await u.type(application, '31102025');
    expect(total()).toBe('262.50 сомонӣ');
    // a version the central department stored applies from its date
    await u.clear(application);
    await u.type(application, '02012027');
    expect(within(lineRow('duty')).getByText('Қонуни нав')).toBeTruthy();
    expect(total()).toBe('637.50 сомонӣ');

    // a disabled applicant is exempt from the duty
    await u.selectOptions(within(form).getByLabelText('Категорияи аризадиҳанда'), 'disabled');
    expect(total()).toBe('37.50 сомонӣ');
    expect(screen.getByText(/Озод аз боҷи давлатӣ: шахсони дорои маъюбӣ/)).toBeTruthy();
  });

  it('asks for the date of the birth and picks the late-registration bucket from it', async () => {
    stubApi(FRONT, () => jsonResponse(500, {}));
    const u = userEvent.setup();
    renderAt('/fees');
    const form = await screen.findByRole('form', { name: 'Ҳисобкунаки пардохтҳо' });
    // on arrival the birth's date is asked for by its hint, not yet as an error
    expect(within(form).queryByText(/Санаи ҳодисаро \(таваллуд ё вафот\) нависед/)).toBeNull();
    const application = within(form).getByLabelText(/Санаи ариза/);
    await u.clear(application);
    await u.type(application, '01072019');
    expect(within(form).getByText(/Санаи ҳодисаро \(таваллуд ё вафот\) нависед/)).toBeTruthy();
    expect(screen.queryByTestId('fee-result')).toBeNull();
    await u.type(within(form).getByLabelText(/Санаи ҳодиса/), '05052010');
    expect(
      screen.getByText(
        /Ҳисоб карда шуд ҳамчун: Бақайдгирии таваллуди муҳлаташ гузашта \(аз 1 то 16-солагӣ\)/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Аз ҳодиса гузашт: 9 сол')).toBeTruthy();
  });

  it('speaks Russian and English', async () => {
    stubApi(FRONT, () => jsonResponse(500, {}));
    await i18n.changeLanguage('ru');
    renderAt('/fees');
    expect(await screen.findByRole('heading', { name: 'Калькулятор платежей' })).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('en');
    renderAt('/fees');
    expect(await screen.findByRole('heading', { name: 'Fee calculator' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Manage the fee rules' })).toBeNull();
  });
});

describe('the fee rules for the central department', () => {
  it('previews a new version per service and saves it once', async () => {
    const api = stubApi(ADMIN, (path, body) => {
      if (path === '/fees/versions/preview') {
        return jsonResponse(200, {
          sampleDate: '2027-02-01',
          issues: [],
          rows: [
            {
              service: 'MARRIAGE_REG',
              category: 'general',
              consular: false,
              before: { currency: 'TJS', minor: 1500, text: '15.00' },
              after: { currency: 'TJS', minor: 3000, text: '30.00' },
              consularBefore: null,
              consularAfter: null,
              changed: true,
            },
          ],
        });
      }
      return jsonResponse(201, {
        ...(body as object),
        id: 'v2',
        source: 'stored',
        recordedAt: null,
        recordedBy: 'admin',
      });
    });
    const u = userEvent.setup();
    renderAt('/fees/admin');
    const form = await screen.findByRole('region', { name: 'Версияи нав' });
    // the versions of one service: the stored one above the shipped one
    await u.selectOptions(
      screen.getByRole('combobox', { name: 'Версияҳо аз рӯи хизматрасонӣ' }),
      'NAME_CHANGE_REG',
    );
    await waitFor(() =>
      expect(document.querySelector('[data-version="v1"]')?.textContent).toContain('admin'),
    );
    await u.selectOptions(within(form).getByLabelText('Хизматрасонӣ'), 'MARRIAGE_REG');
    await u.selectOptions(within(form).getByLabelText('Навъи сатр'), 'blank');
    await u.type(within(form).getByLabelText(/Ҳисса аз нишондиҳанда/), '0.4');
    const from = within(form).getByLabelText(/Аз санаи/);
    await u.clear(from);
    await u.type(from, '01022027');
    await u.type(within(form).getByLabelText('Асоси ҳуқуқӣ бо тоҷикӣ'), 'Қарор');
    await u.type(within(form).getByLabelText('Асоси ҳуқуқӣ бо русӣ'), 'Постановление');
    await u.type(within(form).getByLabelText('Асоси ҳуқуқӣ бо англисӣ'), 'Decree');
    await u.click(within(form).getByRole('button', { name: 'Тағйиротро дидан' }));
    const preview = await screen.findByTestId('fee-preview');
    expect(within(preview).getByText('Тағйирот дар санаи 01.02.2027')).toBeTruthy();
    const row = within(preview).getByRole('row', { name: /Бақайдгирии ақди никоҳ/ });
    expect(row.textContent).toContain('15.00');
    expect(row.textContent).toContain('30.00');
    expect(api.writes()[0]?.body).toEqual({
      version: {
        kind: 'line',
        key: 'MARRIAGE_REG.blank',
        value: { pdr: '0.4' },
        validFrom: '2027-02-01',
        validTo: null,
        basis: { tg: 'Қарор', ru: 'Постановление', en: 'Decree' },
        verified: false,
        note: null,
      },
    });

    await u.click(within(form).getByRole('button', { name: 'Нигоҳ доштан' }));
    await u.click(within(form).getByRole('button', { name: 'Нигоҳ доштан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(3));
    const saves = api.writes().slice(1);
    expect(saves.map((s) => s.path)).toEqual(['/fees/versions', '/fees/versions']);
    // the same version twice under one key: stored once
    expect(saves[0]!.headers.get('idempotency-key')).toBe(saves[1]!.headers.get('idempotency-key'));
  });

  it('pages through the versions, twenty-five at a time, of the kind and service chosen', async () => {
    stubApi(ADMIN, () => jsonResponse(500, {}));
    const u = userEvent.setup();
    await i18n.changeLanguage('en');
    renderAt('/fees/admin');
    const table = await screen.findByRole('table', { name: 'Versions' });
    const lines = DEFAULT_FEE_VERSIONS.filter((v) => v.kind === 'line').length + 1;
    await screen.findByText(`1–25 of ${lines}`);
    const shown = () => within(table).getAllByRole('row').length - 1;
    expect(shown()).toBe(25);
    await u.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(`26–50 of ${lines}`);
    expect(shown()).toBe(25);
    await u.click(screen.getByRole('button', { name: String(Math.ceil(lines / 25)) }));
    await screen.findByText(`${Math.floor(lines / 25) * 25 + 1}–${lines} of ${lines}`);
    expect(shown()).toBe(lines % 25);
    // another service: back to the first page, its own versions only
    await u.selectOptions(
      screen.getByRole('combobox', { name: 'Versions of the service' }),
      'NAME_CHANGE_REG',
    );
    const nameChange = DEFAULT_FEE_VERSIONS.filter((v) => v.key.startsWith('NAME_CHANGE_REG.')).length + 1;
    await screen.findByText(`1–${nameChange} of ${nameChange}`);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .every((h) => h.textContent?.startsWith('Change of')),
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    // another kind: the PDR's values of each year
    await u.selectOptions(screen.getByRole('combobox', { name: 'Versions of the kind' }), 'pdr');
    const pdr = DEFAULT_FEE_VERSIONS.filter((v) => v.kind === 'pdr').length;
    await screen.findByText(`1–${pdr} of ${pdr}`);
    expect(screen.queryByRole('combobox', { name: 'Versions of the service' })).toBeNull();
  });

  it('is closed to other roles', async () => {
    stubApi(FRONT, () => jsonResponse(500, {}));
    renderAt('/fees/admin');
    expect(await screen.findByText('Қоидаҳои пардохтро танҳо маъмури марказӣ тағйир медиҳад.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Версияи нав' })).toBeNull();
  });
});
