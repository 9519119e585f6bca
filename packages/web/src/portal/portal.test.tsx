// @vitest-environment happy-dom
import type { PublicOffice } from '@sabt/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Portal } from './app.tsx';
import { LANGUAGE_KEY } from './lib/i18n.tsx';

const office = (id: string, kind: PublicOffice['kind'], region: string, en: string): PublicOffice => ({
  id,
  parent: null,
  kind,
  region,
  name: { tg: `${en} tg`, ru: `${en} ru`, en },
  address: null,
  phone: null,
  hours: kind === 'jamoat' ? [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' }] : null,
  actKinds: [],
});
const OFFICES = [
  office('DU-03-00', 'district', 'DU', 'Firdavsi office'),
  office('RA-13-01', 'jamoat', 'RA', 'Chimteppa jamoat'),
  office('CN-RU-01', 'consulate', 'CN', 'Moscow consulate'),
];

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://sabt.test').pathname;
      const body =
        path === '/api/v1/portal/offices'
          ? { items: OFFICES }
          : path === '/api/v1/portal/session'
            ? { citizen: null }
            : { items: [] };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = (path: string) => {
  window.history.replaceState(null, '', path);
  return render(<Portal />);
};

describe('the citizen portal', () => {
  it('speaks Tajik first and remembers the language chosen', async () => {
    open('/portal/');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Ҳама чизро дар хона омода кунед — як бор ба идора оед',
    );
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Prepare everything at home — visit the office once',
    });
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    cleanup();
    open('/portal/');
    await screen.findByRole('heading', {
      level: 1,
      name: 'Prepare everything at home — visit the office once',
    });
    expect(
      within(screen.getByRole('main'))
        .getByRole('link', { name: 'Check a certificate' })
        .getAttribute('href'),
    ).toBe('/verify?lang=en');
  });

  it('lists the offices that offer a service: a divorce is not for a jamoat', async () => {
    localStorage.setItem(LANGUAGE_KEY, 'en');
    open('/portal/offices');
    await screen.findByText('Offices: 3');
    const jamoat = screen.getByRole('heading', { name: 'Chimteppa jamoat' }).closest('li')!;
    expect(within(jamoat).getByText('Monday–Friday: 08:00–16:00')).toBeTruthy();
    expect(
      within(jamoat).getByText(/^Birth registration, Death registration, Marriage registration/),
    ).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Service'), 'divorce');
    await screen.findByText('Offices: 2');
    expect(screen.queryByRole('heading', { name: 'Chimteppa jamoat' })).toBeNull();
    expect(window.location.search).toBe('?service=divorce');
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'CN');
    await waitFor(() => expect(screen.getByText('Offices: 1')).toBeTruthy());
    expect(screen.getByRole('heading', { name: 'Moscow consulate' })).toBeTruthy();
  });
});
