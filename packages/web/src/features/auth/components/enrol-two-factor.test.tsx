// @vitest-environment happy-dom
import { pickLocale, t as serverT, type TwoFactorStatus } from '@sabt/core';
import { cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Suspense } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../../testing/render.tsx';
import SecurityPage from '../security-page.tsx';
import { EnrolTwoFactor } from './enrol-two-factor.tsx';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `abcd${i}-fghj${i}`);

/** Answers the enrolment like the server: the secret and its QR code; 123456 confirms, anything else is wrong. */
function fakeServer(
  status: TwoFactorStatus = { enrolled: false, required: true, enrolledAt: null, recoveryCodesLeft: 0 },
) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const lang = pickLocale(new Headers(init?.headers).get('accept-language'));
    if (url === '/api/v1/me/two-factor') return jsonResponse(200, status);
    if (url === '/api/v1/me/two-factor/enrolment')
      return jsonResponse(200, {
        secret: SECRET,
        uri: `otpauth://totp/Sabt:registrar?secret=${SECRET}&issuer=Sabt`,
        qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h1v1H0z"/></svg>',
      });
    const body = JSON.parse(String(init?.body));
    if (body.code === '123456') return jsonResponse(200, { recoveryCodes: CODES });
    return jsonResponse(
      422,
      {
        type: 'https://sabt.tj/problems/validation',
        title: serverT('problem.validation', lang),
        status: 422,
        key: 'problem.validation',
        errors: [
          {
            path: 'code',
            key: 'problem.twoFactor.wrongCode',
            message: serverT('problem.twoFactor.wrongCode', lang),
          },
        ],
      },
      'application/problem+json',
    );
  });
}

/** The security screen as the router shows it (it links to the set-up screen; its status loads in Suspense). */
function renderSecurityPage() {
  const router = createMemoryRouter(
    [
      {
        path: '/security',
        element: (
          <Suspense fallback={null}>
            <SecurityPage />
          </Suspense>
        ),
      },
    ],
    { initialEntries: ['/security'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('setting up two-factor sign-in', () => {
  it('shows the QR code and the key as text, refuses a wrong code at its field, then shows the recovery codes once', async () => {
    const fetch = fakeServer();
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<EnrolTwoFactor onDone={onDone} />);

    const qr = await screen.findByRole('img', { name: 'Рамзи QR барои барномаи аутентификатор' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    await user.click(screen.getByRole('button', { name: 'Тасдиқ ва фаъол кардан' }));
    expect(await screen.findByText('Рамзро нависед.')).toBeTruthy();
    await user.type(field('Рамз аз барнома'), '000000');
    await user.click(screen.getByRole('button', { name: 'Тасдиқ ва фаъол кардан' }));
    expect(await screen.findByText(/Рамз нодуруст аст/)).toBeTruthy();

    await user.type(field('Рамз аз барнома'), '123456');
    await user.click(screen.getByRole('button', { name: 'Тасдиқ ва фаъол кардан' }));
    const list = await screen.findByRole('list', { name: 'Рамзҳои барқарорсозӣ' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(CODES);
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Нусха гирифтан' }));
    expect(writeText).toHaveBeenCalledWith(CODES.join('\n'));
    expect(screen.getByRole('button', { name: 'Нусха гирифта шуд' })).toBeTruthy();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await user.click(screen.getByRole('button', { name: 'Чоп кардан' }));
    expect(print).toHaveBeenCalled();

    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Ман рамзҳоро нигоҳ доштам — идома' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('in Russian and English too', async () => {
    for (const [lang, alt, confirm] of [
      ['ru', 'QR-код для приложения-аутентификатора', 'Подтвердить и включить'],
      ['en', 'QR code for the authenticator app', 'Confirm and turn on'],
    ] as const) {
      await i18n.changeLanguage(lang);
      vi.stubGlobal('fetch', fakeServer());
      renderWithProviders(<EnrolTwoFactor onDone={vi.fn()} />);
      expect(await screen.findByRole('img', { name: alt })).toBeTruthy();
      expect(screen.getByRole('button', { name: confirm })).toBeTruthy();
      cleanup();
    }
  });
});

describe('the account security screen', () => {
  it('says since when two-factor sign-in is on and gives new recovery codes against a current code', async () => {
    vi.stubGlobal(
      'fetch',
      fakeServer({
        enrolled: true,
        required: true,
        enrolledAt: '2026-12-01T06:30:00Z',
        recoveryCodesLeft: 7,
      }),
    );
    const user = userEvent.setup();
    renderSecurityPage();
    expect(await screen.findByText(/Воридшавии дуқадама аз .*2026.* фаъол аст/)).toBeTruthy();
    expect(screen.getByText('Рамзҳои барқарорсозии боқимонда: 7')).toBeTruthy();
    expect(screen.getByText('Барои вазифаи шумо ҳатмист.')).toBeTruthy();
    await user.type(field('Рамз аз барнома'), '123456');
    await user.click(screen.getByRole('button', { name: 'Рамзҳои нав гирифтан' }));
    const list = await screen.findByRole('list', { name: 'Рамзҳои барқарорсозӣ' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
  });

  it('offers to set it up where it is not', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      fakeServer({ enrolled: false, required: false, enrolledAt: null, recoveryCodesLeft: 0 }),
    );
    renderSecurityPage();
    expect(await screen.findByText('Two-factor sign-in is not set up.')).toBeTruthy();
    expect(
      screen.getByText('Your role does not require it, but it protects your account better.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Set it up' }).getAttribute('href')).toBe('/two-factor');
  });
});
