// @vitest-environment happy-dom
import {
  type AdminOffice,
  type AdminUser,
  type AdminUserDetail,
  GRANTABLE_ROLES,
  MESSAGES,
  type Me,
  type PublicOffice,
  ROLE_LABELS,
  ROLES,
  type Role,
  type Visit,
} from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Suspense } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppHeader } from '../../app/components/app-header.tsx';
import { AdminGuard } from '../../app/routes/admin-guard.tsx';
import { en as shellEn } from '../../i18n/en.ts';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import OfficePage from './office-page.tsx';
import OfficesPage from './offices-page.tsx';
import UserPage from './user-page.tsx';
import UsersPage from './users-page.tsx';

const names = (en: string) => ({ tg: `${en} tg`, ru: `${en} ru`, en });
const office = (
  id: string,
  kind: AdminOffice['kind'],
  parent: string | null,
  name: string,
  extra: Partial<AdminOffice> = {},
): AdminOffice => ({
  id,
  parent,
  kind,
  numericCode: '051300',
  name: names(name),
  officialName: `${name}, official`,
  active: true,
  closedAt: null,
  users: 1,
  ...extra,
});
const CENTRE = office('HQ-00-00', 'central', null, 'Central department');
const REGION = office('RA', 'region', 'HQ-00-00', 'Regional department');
const RUDAKI = office('RA-13-00', 'district', 'RA', 'Rudaki');
const VAHDAT = office('RA-14-00', 'district', 'RA', 'Vahdat');
const JAMOAT = office('RA-13-01', 'jamoat', 'RA-13-00', 'Chorgul jamoat');
const CLOSED = office('RA-13-02', 'jamoat', 'RA-13-00', 'Old jamoat', {
  active: false,
  closedAt: '2026-11-01T08:00:00.000Z',
});
const MOBILE = office('RA-13-90', 'mobile', 'RA-13-00', 'Rudaki mobile office');
const NATIONAL = [CENTRE, REGION, RUDAKI, JAMOAT, CLOSED, MOBILE, VAHDAT];
const SUBTREE = [RUDAKI, JAMOAT, CLOSED, MOBILE];

const me = (role: Role, at: AdminOffice): Me => ({
  id: `u-${role}`,
  login: role === 'central_admin' ? 'admin' : 'rudaki',
  name: role,
  role,
  roleLabel: ROLE_LABELS[role],
  office: { id: at.id, kind: at.kind, name: at.name },
});
const ADMIN = me('central_admin', CENTRE);
const HEAD = me('head_of_office', RUDAKI);
const REGISTRAR = me('registrar', JAMOAT);

const user = (login: string, role: Role, at: AdminOffice, extra: Partial<AdminUser> = {}): AdminUser => ({
  id: `00000000-0000-4000-8000-${login.padStart(12, '0').slice(-12)}`,
  login,
  name: `Name of ${login}`,
  role,
  roleLabel: ROLE_LABELS[role],
  office: { id: at.id, kind: at.kind, name: at.name },
  active: true,
  locked: false,
  mustChangePassword: false,
  twoFactorEnrolled: false,
  createdAt: '2026-12-01T08:00:00.000Z',
  ...extra,
});
const CLERK = user('clerk', 'registrar', JAMOAT);
const detail = (u: AdminUser, extra: Partial<AdminUserDetail> = {}): AdminUserDetail => ({
  ...u,
  sessions: [],
  allowed: ['change', u.active ? 'disable' : 'enable', 'reset-password'],
  ...extra,
});

interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}
type Handler = (s: Sent) => Response | undefined;

/** The API as the screens reach it: GETs and writes answered by the test's handler, each request kept. */
function stubApi(who: Me, handle: Handler) {
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
      return (
        handle(s) ??
        jsonResponse(
          404,
          { type: 'about:blank', title: 'Not found', status: 404 },
          'application/problem+json',
        )
      );
    }),
  );
  return { sent, writes: () => sent.filter((s) => s.method !== 'GET') };
}

/** A button once it may be pressed (the new user's button waits for the offices). */
async function enabledButton(name: string) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

const problem = (status: number, title: string, extra: object = {}) =>
  jsonResponse(status, { type: 'about:blank', title, status, ...extra }, 'application/problem+json');

/** The workspace's frame (header) over the administration screens, guarded as the router guards them. */
function renderAt(who: Me, at: string) {
  const Shell = () => (
    <>
      <AppHeader me={who} />
      <Outlet />
    </>
  );
  const guarded = (Screen: () => React.JSX.Element) => () => (
    <AdminGuard>
      <Screen />
    </AdminGuard>
  );
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: Shell,
        children: [
          { index: true, Component: () => <h1>home</h1> },
          { path: 'admin/users', Component: guarded(UsersPage) },
          { path: 'admin/users/:id', Component: guarded(UserPage) },
          { path: 'admin/offices', Component: guarded(OfficesPage) },
          { path: 'admin/offices/:id', Component: guarded(OfficePage) },
        ],
      },
    ],
    { initialEntries: [at] },
  );
  renderWithProviders(
    <Suspense fallback={<p>loading</p>}>
      <RouterProvider router={router} />
    </Suspense>,
  );
  return router;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const navLinks = () =>
  [...screen.getByRole('navigation', { name: shellEn.shell.mainNav }).querySelectorAll('a')].map((a) =>
    a.getAttribute('href'),
  );

describe('administration permissions by role and jurisdiction', () => {
  it.each([
    [ADMIN, true],
    [HEAD, true],
    [REGISTRAR, false],
    [me('auditor', CENTRE), false],
  ] as const)('the menu offers administration to %s: %s', async (who, offered) => {
    stubApi(who, () => undefined);
    renderAt(who, '/');
    await screen.findByRole('heading', { name: 'home' });
    expect(navLinks().includes('/admin')).toBe(offered);
  });

  it('answers a typed administration address for a registrar with why, in their language, and sends nothing', async () => {
    await i18n.changeLanguage('ru');
    const api = stubApi(REGISTRAR, () => undefined);
    renderAt(REGISTRAR, '/admin/users');
    expect(
      await screen.findByRole('heading', { level: 1, name: MESSAGES['problem.admin.forbidden'].ru }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: ru.users.add })).toBeNull();
    expect(api.sent.some((s) => s.path.startsWith('/admin'))).toBe(false);
  });

  it.each([
    [HEAD, SUBTREE, GRANTABLE_ROLES.head_of_office!],
    [ADMIN, NATIONAL, ROLES],
  ] as const)(
    '%s creates users only with the roles the server allows them, in their open offices',
    async (who, offices, roles) => {
      stubApi(who, (s) => {
        if (s.path === '/admin/offices') return jsonResponse(200, { items: offices });
        if (s.path === '/admin/users') return jsonResponse(200, { items: [CLERK], next: null });
      });
      const u = userEvent.setup();
      renderAt(who, '/admin/users');
      await u.click(await enabledButton(en.users.add));
      const dialog = await screen.findByRole('form', { name: en.create.title });
      const roleOptions = [
        ...within(dialog).getByLabelText(en.create.role, { exact: false }).querySelectorAll('option'),
      ];
      expect(roleOptions.map((o) => o.value)).toEqual([...roles]);
      const officeOptions = [
        ...within(dialog).getByLabelText(en.create.office, { exact: false }).querySelectorAll('option'),
      ].map((o) => o.value);
      // a closed office takes no new user
      expect(officeOptions).toEqual(offices.filter((o) => o.active).map((o) => o.id));
    },
  );

  it('offers nothing on one’s own account, and says why', async () => {
    const own = user('rudaki', 'head_of_office', RUDAKI, { id: HEAD.id });
    stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === `/admin/users/${HEAD.id}`)
        return jsonResponse(200, detail(own, { allowed: [], sessions: [session('a1b2c3d4e5f60708', true)] }));
    });
    renderAt(HEAD, `/admin/users/${HEAD.id}`);
    expect(await screen.findByText(en.user.own)).toBeTruthy();
    for (const label of [en.actions.disable.label, en.actions['reset-password'].label, en.user.revokeOne])
      expect(screen.queryByRole('button', { name: label })).toBeNull();
    expect(screen.queryByRole('form', { name: en.user.change })).toBeNull();
    // the sessions are still listed, this one marked
    expect(screen.getByText(en.user.current)).toBeTruthy();
  });

  it('offers only the actions the server allows on a user the head may not administer', async () => {
    const other = user('head2', 'head_of_office', JAMOAT);
    stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === `/admin/users/${other.id}`) return jsonResponse(200, detail(other, { allowed: [] }));
    });
    renderAt(HEAD, `/admin/users/${other.id}`);
    expect(await screen.findByText(en.user.noActions)).toBeTruthy();
    expect(screen.queryByRole('region', { name: en.user.actions })).toBeNull();
  });

  it('shows no office tree actions to a head of office, only the mobile office’s visits', async () => {
    stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === `/admin/offices/${MOBILE.id}/visits`) return jsonResponse(200, { items: [] });
    });
    renderAt(HEAD, '/admin/offices');
    expect(await screen.findByRole('link', { name: MOBILE.name.en })).toBeTruthy();
    expect(screen.queryByRole('form', { name: en.openOffice.title })).toBeNull();
    cleanup();
    renderAt(HEAD, `/admin/offices/${MOBILE.id}`);
    expect(await screen.findByRole('form', { name: en.visits.add })).toBeTruthy();
    expect(screen.queryByRole('form', { name: en.office.rename })).toBeNull();
    expect(screen.queryByRole('form', { name: en.office.move })).toBeNull();
    expect(screen.queryByRole('button', { name: en.office.close })).toBeNull();
  });
});

const session = (id: string, current = false) => ({
  id,
  createdAt: '2026-12-07T04:00:00.000Z',
  lastSeenAt: '2026-12-07T05:00:00.000Z',
  expiresAt: '2026-12-07T12:00:00.000Z',
  current,
});

describe('the users screen', () => {
  it('sends the filters to the server, keeps them in the address, and pages by the server’s next login', async () => {
    const api = stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: NATIONAL });
      if (s.path === '/admin/users') {
        const after = s.query.get('after');
        return after
          ? jsonResponse(200, { items: [user('zed', 'verifier', JAMOAT)], next: null })
          : jsonResponse(200, { items: [CLERK], next: 'clerk' });
      }
    });
    const u = userEvent.setup();
    const router = renderAt(ADMIN, '/admin/users');
    const form = await screen.findByRole('form', { name: en.users.filters });
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /Chorgul/ }).length).toBe(1));
    await u.type(within(form).getByLabelText(en.users.q), 'sharipov');
    await u.selectOptions(within(form).getByLabelText(en.users.office), JAMOAT.id);
    await u.selectOptions(within(form).getByLabelText(en.users.role), 'registrar');
    await u.selectOptions(within(form).getByLabelText(en.users.status), 'locked');
    await u.click(within(form).getByRole('button', { name: en.users.search }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=sharipov&office=RA-13-01&role=registrar&status=locked'),
    );
    const asked = () => api.sent.filter((s) => s.path === '/admin/users').at(-1)!.query;
    await waitFor(() => expect(asked().get('q')).toBe('sharipov'));
    expect(Object.fromEntries(asked())).toMatchObject({
      office: 'RA-13-01',
      role: 'registrar',
      status: 'locked',
    });
    expect(await screen.findByRole('link', { name: 'clerk' })).toBeTruthy();

    await u.click(screen.getByRole('button', { name: en.common.next }));
    expect(await screen.findByRole('link', { name: 'zed' })).toBeTruthy();
    expect(asked().get('after')).toBe('clerk');
    expect(asked().get('q')).toBe('sharipov');
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: en.common.next }) as HTMLButtonElement).disabled).toBe(true);
    await u.click(screen.getByRole('button', { name: en.common.previous }));
    expect(await screen.findByRole('link', { name: 'clerk' })).toBeTruthy();
  });

  it('creates a user, shows the temporary password once, and retries a failed send with the same key', async () => {
    let attempts = 0;
    const created = user('nodir', 'archivist', JAMOAT, { mustChangePassword: true });
    const api = stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === '/admin/users' && s.method === 'GET')
        return jsonResponse(200, { items: [], next: null });
      if (s.path === '/admin/users' && s.method === 'POST') {
        attempts += 1;
        if (attempts === 1) return problem(503, 'Sabt is busy: try again in a moment.');
        return jsonResponse(201, { user: created, temporaryPassword: 'abcde-fghjk-mnpqr-stuvw' });
      }
    });
    const u = userEvent.setup();
    renderAt(HEAD, '/admin/users');
    await u.click(await enabledButton(en.users.add));
    const dialog = await screen.findByRole('form', { name: en.create.title });
    // what is missing is said at its field before anything is sent
    await u.click(within(dialog).getByRole('button', { name: en.create.submit }));
    expect(within(dialog).getAllByText(en.common.required).length).toBeGreaterThan(0);
    await u.type(within(dialog).getByLabelText(en.create.login, { exact: false }), 'Nodir!');
    await u.type(within(dialog).getByLabelText(en.create.fullName, { exact: false }), 'Nodir Karimov');
    await u.click(within(dialog).getByRole('button', { name: en.create.submit }));
    expect(within(dialog).getByText(en.create.loginInvalid)).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
    const login = within(dialog).getByLabelText(en.create.login, { exact: false });
    await u.clear(login);
    await u.type(login, 'nodir');
    await u.selectOptions(within(dialog).getByLabelText(en.create.role, { exact: false }), 'archivist');
    await u.selectOptions(within(dialog).getByLabelText(en.create.office, { exact: false }), JAMOAT.id);
    await u.click(within(dialog).getByRole('button', { name: en.create.submit }));
    expect(await within(dialog).findByText('Sabt is busy: try again in a moment.')).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: en.create.submit }));

    expect(await screen.findByTestId('temporary-password')).toHaveProperty(
      'textContent',
      'abcde-fghjk-mnpqr-stuvw',
    );
    expect(screen.getByText(en.password.once)).toBeTruthy();
    const [first, second] = api.writes();
    expect(first!.body).toEqual({
      login: 'nodir',
      fullName: 'Nodir Karimov',
      role: 'archivist',
      officeId: JAMOAT.id,
    });
    expect(first!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get('idempotency-key')).toBe(first!.headers.get('idempotency-key'));
  });

  it('shows the server’s refusal in the user’s language at the dialog', async () => {
    await i18n.changeLanguage('ru');
    const api = stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === '/admin/users' && s.method === 'GET')
        return jsonResponse(200, { items: [], next: null });
      if (s.path === '/admin/users' && s.method === 'POST')
        return problem(
          409,
          s.headers.get('accept-language') === 'ru' ? 'Логин «clerk» уже занят.' : 'wrong language',
        );
    });
    const u = userEvent.setup();
    renderAt(HEAD, '/admin/users');
    await u.click(await enabledButton(ru.users.add));
    const dialog = await screen.findByRole('form', { name: ru.create.title });
    await u.type(within(dialog).getByLabelText(ru.create.login, { exact: false }), 'clerk');
    await u.type(within(dialog).getByLabelText(ru.create.fullName, { exact: false }), 'Ким-то');
    await u.click(within(dialog).getByRole('button', { name: ru.create.submit }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Логин «clerk» уже занят.');
    expect(alert.textContent).toContain(ru.common.problemTitle);
    expect(api.writes()).toHaveLength(1);
  });
});

describe('a user’s screen', () => {
  it('disables, then enables: each a new write with a new key, after a confirmation', async () => {
    let current = detail(CLERK, {
      sessions: [session('0011223344556677')],
      allowed: ['change', 'disable', 'reset-password', 'revoke-sessions'],
    });
    const api = stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === `/admin/users/${CLERK.id}`) return jsonResponse(200, current);
      if (s.path === `/admin/users/${CLERK.id}/disable`) {
        current = {
          ...current,
          active: false,
          sessions: [],
          allowed: ['change', 'enable', 'reset-password'],
        };
        return jsonResponse(200, current);
      }
      if (s.path === `/admin/users/${CLERK.id}/enable`) {
        current = { ...current, active: true, allowed: ['change', 'disable', 'reset-password'] };
        return jsonResponse(200, current);
      }
    });
    const u = userEvent.setup();
    renderAt(HEAD, `/admin/users/${CLERK.id}`);
    await u.click(await screen.findByRole('button', { name: en.actions.disable.label }));
    const confirm = await screen.findByRole('dialog', { name: en.actions.disable.title });
    expect(within(confirm).getByText(en.actions.disable.text)).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
    await u.click(within(confirm).getByRole('button', { name: en.actions.disable.label }));
    await u.click(await screen.findByRole('button', { name: en.actions.enable.label }));
    await u.click(
      within(await screen.findByRole('dialog', { name: en.actions.enable.title })).getByRole('button', {
        name: en.actions.enable.label,
      }),
    );
    await screen.findByRole('button', { name: en.actions.disable.label });
    const [off, on] = api.writes();
    expect(off!.path).toBe(`/admin/users/${CLERK.id}/disable`);
    expect(on!.path).toBe(`/admin/users/${CLERK.id}/enable`);
    expect(on!.headers.get('idempotency-key')).not.toBe(off!.headers.get('idempotency-key'));
    expect(screen.getByText(en.user.noSessions)).toBeTruthy();
  });

  it('resets a password and shows the new one once; ends one session by its id', async () => {
    const current = detail(CLERK, {
      sessions: [session('0011223344556677'), session('8899aabbccddeeff')],
      allowed: ['change', 'disable', 'unlock', 'reset-password', 'revoke-sessions'],
    });
    const api = stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: NATIONAL });
      if (s.path === `/admin/users/${CLERK.id}`) return jsonResponse(200, current);
      if (s.path.endsWith('/reset-password'))
        return jsonResponse(200, { user: CLERK, temporaryPassword: 'zzzzz-yyyyy-xxxxx-wwwww' });
      if (s.path.endsWith('/sessions/revoke')) return jsonResponse(200, { revoked: 1 });
    });
    const u = userEvent.setup();
    renderAt(ADMIN, `/admin/users/${CLERK.id}`);
    expect(await screen.findByRole('button', { name: en.actions.unlock.label })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: en.actions['reset-password'].label }));
    const confirm = await screen.findByRole('dialog', { name: en.actions['reset-password'].title });
    await u.click(within(confirm).getByRole('button', { name: en.actions['reset-password'].label }));
    expect((await screen.findByTestId('temporary-password')).textContent).toBe('zzzzz-yyyyy-xxxxx-wwwww');
    await u.click(screen.getByRole('button', { name: en.password.done }));

    const row = document.querySelector('[data-session="8899aabbccddeeff"]') as HTMLElement;
    await u.click(within(row).getByRole('button', { name: en.user.revokeOne }));
    const end = await screen.findByRole('dialog', { name: en.user.revokeOneTitle });
    await u.click(within(end).getByRole('button', { name: en.user.revokeOne }));
    await waitFor(() => expect(api.writes()).toHaveLength(2));
    expect(api.writes()[1]).toMatchObject({
      path: `/admin/users/${CLERK.id}/sessions/revoke`,
      body: { session: '8899aabbccddeeff' },
    });
  });

  it('resets two-factor sign-in of a user who lost their phone, only where the server allows it', async () => {
    const enrolled = { ...CLERK, twoFactorEnrolled: true };
    const api = stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: NATIONAL });
      if (s.path === `/admin/users/${CLERK.id}`)
        return jsonResponse(200, detail(enrolled, { allowed: ['change', 'disable', 'reset-two-factor'] }));
      if (s.path.endsWith('/reset-two-factor'))
        return jsonResponse(200, { ...enrolled, twoFactorEnrolled: false });
    });
    const u = userEvent.setup();
    renderAt(ADMIN, `/admin/users/${CLERK.id}`);
    await u.click(await screen.findByRole('button', { name: en.actions['reset-two-factor'].label }));
    const confirm = await screen.findByRole('dialog', { name: en.actions['reset-two-factor'].title });
    await u.click(within(confirm).getByRole('button', { name: en.actions['reset-two-factor'].label }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      method: 'POST',
      path: `/admin/users/${CLERK.id}/reset-two-factor`,
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: en.actions['reset-two-factor'].title })).toBeNull(),
    );
  });

  it("offers no two-factor reset where the server does not name it (not set up, or one's own account)", async () => {
    stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: NATIONAL });
      if (s.path === `/admin/users/${CLERK.id}`) return jsonResponse(200, detail(CLERK));
    });
    renderAt(ADMIN, `/admin/users/${CLERK.id}`);
    expect(await screen.findByRole('button', { name: en.actions.disable.label })).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.actions['reset-two-factor'].label })).toBeNull();
  });

  it('changes only what was changed, and says when nothing was', async () => {
    const api = stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === `/admin/users/${CLERK.id}` && s.method === 'GET')
        return jsonResponse(200, detail(CLERK));
      if (s.path === `/admin/users/${CLERK.id}`) return jsonResponse(200, { ...CLERK, role: 'verifier' });
    });
    const u = userEvent.setup();
    renderAt(HEAD, `/admin/users/${CLERK.id}`);
    const form = await screen.findByRole('form', { name: en.user.change });
    await u.click(within(form).getByRole('button', { name: en.user.changeSubmit }));
    expect(within(form).getByText(en.user.nothingChanged)).toBeTruthy();
    // the closed office is not offered
    expect(
      [...within(form).getByLabelText(en.user.office).querySelectorAll('option')].map((o) => o.value),
    ).not.toContain(CLOSED.id);
    await u.selectOptions(within(form).getByLabelText(en.user.role), 'verifier');
    await u.click(within(form).getByRole('button', { name: en.user.changeSubmit }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({ method: 'PATCH', body: { role: 'verifier' } });
  });
});

describe('the offices screens', () => {
  it('the central administrator opens a jamoat under a district, then lands on it', async () => {
    const opened = office('RA-13-03', 'jamoat', RUDAKI.id, 'Loiq jamoat');
    const api = stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices' && s.method === 'GET') return jsonResponse(200, { items: NATIONAL });
      if (s.path === '/admin/offices') return jsonResponse(201, opened);
    });
    const u = userEvent.setup();
    const router = renderAt(ADMIN, '/admin/offices');
    const form = await screen.findByRole('form', { name: en.openOffice.title });
    await u.selectOptions(within(form).getByLabelText(en.openOffice.parent), RUDAKI.id);
    await u.type(within(form).getByLabelText(en.openOffice.nameTg), 'Ҷамоати Лоиқ');
    await u.type(within(form).getByLabelText(en.openOffice.nameRu), 'Джамоат Лоик');
    await u.click(within(form).getByRole('button', { name: en.openOffice.submit }));
    // a missing name is said at its field
    expect(within(form).getByText(en.common.required)).toBeTruthy();
    await u.type(within(form).getByLabelText(en.openOffice.nameEn), 'Loiq jamoat');
    await u.click(within(form).getByRole('button', { name: en.openOffice.submit }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/offices/RA-13-03'));
    expect(api.writes()[0]!.body).toEqual({
      kind: 'jamoat',
      parent: RUDAKI.id,
      name: { tg: 'Ҷамоати Лоиқ', ru: 'Джамоат Лоик', en: 'Loiq jamoat' },
    });
  });

  it('plans a visit of a mobile office and calls one off', async () => {
    const planned: Visit = {
      id: '11111111-1111-4111-8111-111111111111',
      office: MOBILE.id,
      date: '2099-05-04',
      from: '09:00',
      to: '13:00',
      place: 'School no. 5',
      host: { id: JAMOAT.id, name: JAMOAT.name },
      cancelled: false,
    };
    let visits: Visit[] = [];
    const api = stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: NATIONAL });
      if (s.path === `/admin/offices/${MOBILE.id}/visits` && s.method === 'GET')
        return jsonResponse(200, { items: visits });
      if (s.path === `/admin/offices/${MOBILE.id}/visits`) {
        visits = [planned];
        return jsonResponse(201, planned);
      }
      if (s.path.endsWith('/cancel')) {
        visits = [{ ...planned, cancelled: true }];
        return jsonResponse(200, visits[0]);
      }
    });
    const u = userEvent.setup();
    renderAt(ADMIN, `/admin/offices/${MOBILE.id}`);
    const form = await screen.findByRole('form', { name: en.visits.add });
    expect(await screen.findByText(en.visits.none)).toBeTruthy();
    const date = within(form).getByLabelText(en.visits.dateLabel);
    await u.clear(date);
    await u.type(date, '04052099');
    const to = within(form).getByLabelText(en.visits.toTime);
    await u.clear(to);
    await u.type(to, '1pm');
    await u.type(within(form).getByLabelText(en.visits.placeLabel), 'School no. 5');
    await u.click(within(form).getByRole('button', { name: en.visits.submit }));
    expect(within(form).getByText(en.visits.timeInvalid)).toBeTruthy();
    await u.clear(to);
    await u.type(to, '13:00');
    // the host is a jamoat of the mobile office's district
    const hosts = [...within(form).getByLabelText(en.visits.hostLabel).querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(hosts).toEqual(['', JAMOAT.id]);
    await u.selectOptions(within(form).getByLabelText(en.visits.hostLabel), JAMOAT.id);
    await u.click(within(form).getByRole('button', { name: en.visits.submit }));
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`[data-visit="${planned.id}"]`);
      if (!found) throw new Error('the visit is not listed');
      return found;
    });
    expect(row.textContent).toContain('04.05.2099');
    expect(api.writes()[0]!.body).toEqual({
      date: '2099-05-04',
      from: '09:00',
      to: '13:00',
      place: 'School no. 5',
      host: JAMOAT.id,
    });
    await u.click(within(row).getByRole('button', { name: en.visits.cancel }));
    await u.click(
      within(await screen.findByRole('dialog', { name: en.visits.cancelTitle })).getByRole('button', {
        name: en.visits.cancel,
      }),
    );
    await waitFor(() =>
      expect(document.querySelector(`[data-visit="${planned.id}"]`)?.textContent).toContain(
        en.visits.cancelledBadge,
      ),
    );
    expect(api.writes()[1]!.path).toBe(`/admin/offices/${MOBILE.id}/visits/${planned.id}/cancel`);
  });

  it('the head publishes the jamoat’s address, telephone and hours for the portal; a slip is named at its field', async () => {
    const published: PublicOffice = {
      id: JAMOAT.id,
      parent: JAMOAT.parent,
      kind: 'jamoat',
      region: 'RA',
      name: JAMOAT.name,
      address: null,
      phone: '+992 37 221 00 00',
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }],
      actKinds: ['BIRTH', 'DEATH', 'MARRIAGE', 'PATERNITY'],
    };
    const api = stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === '/portal/offices') return jsonResponse(200, { items: [published] });
      if (s.path === `/admin/offices/${JAMOAT.id}/details`)
        return jsonResponse(200, { ...published, ...(s.body as object) });
    });
    const u = userEvent.setup();
    renderAt(HEAD, `/admin/offices/${JAMOAT.id}`);
    const form = await screen.findByRole('form', { name: en.details.title });
    expect((within(form).getByLabelText(en.details.phone) as HTMLInputElement).value).toBe(
      '+992 37 221 00 00',
    );
    expect((within(form).getByRole('checkbox', { name: 'Friday' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('checkbox', { name: 'Saturday' }) as HTMLInputElement).checked).toBe(
      false,
    );

    // an address in one language only, and a Saturday that closes before it opens
    await u.type(within(form).getByLabelText(en.details.address.tg), 'деҳаи Чоргул, кӯчаи Сомонӣ 3');
    await u.click(within(form).getByRole('button', { name: en.details.addHours }));
    const saturday = within(form).getAllByRole('group', { name: /Opening hours 2/ })[0] ?? form;
    await u.click(within(saturday).getByRole('checkbox', { name: 'Saturday' }));
    const opens = within(saturday).getByLabelText(en.details.opens);
    const closes = within(saturday).getByLabelText(en.details.closes);
    await u.clear(opens);
    await u.type(opens, '13:00');
    await u.clear(closes);
    await u.type(closes, '09:00');
    await u.click(within(form).getByRole('button', { name: en.common.save }));
    expect(within(form).getAllByText(en.details.allAddress)).toHaveLength(2);
    expect(within(saturday).getByText(MESSAGES['error.admin.visitTimes'].en)).toBeTruthy();
    expect(api.writes()).toHaveLength(0);

    await u.type(within(form).getByLabelText(en.details.address.ru), 'село Чоргул, ул. Сомони 3');
    await u.type(within(form).getByLabelText(en.details.address.en), 'Chorgul village, 3 Somoni Street');
    await u.clear(closes);
    await u.type(closes, '12:00');
    await u.clear(opens);
    await u.type(opens, '09:00');
    await u.click(within(form).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    const sent = api.writes()[0]!;
    expect(sent.method).toBe('PUT');
    expect(sent.path).toBe(`/admin/offices/${JAMOAT.id}/details`);
    expect(sent.headers.get('idempotency-key')).toBeTruthy();
    expect(sent.body).toEqual({
      address: {
        tg: 'деҳаи Чоргул, кӯчаи Сомонӣ 3',
        ru: 'село Чоргул, ул. Сомони 3',
        en: 'Chorgul village, 3 Somoni Street',
      },
      phone: '+992 37 221 00 00',
      hours: [
        { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' },
        { days: [6], opens: '09:00', closes: '12:00' },
      ],
    });
  });

  it('offers no portal details for a closed office: the portal shows open offices only', async () => {
    stubApi(HEAD, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: SUBTREE });
      if (s.path === '/portal/offices') return jsonResponse(200, { items: [] });
    });
    renderAt(HEAD, `/admin/offices/${CLOSED.id}`);
    await screen.findByRole('heading', { name: CLOSED.name.en });
    await waitFor(() => expect(screen.queryByText(en.common.loading)).toBeNull());
    expect(screen.queryByRole('form', { name: en.details.title })).toBeNull();
  });

  it('closes an office after a confirmation, and shows the server’s refusal when one below is open', async () => {
    const api = stubApi(ADMIN, (s) => {
      if (s.path === '/admin/offices') return jsonResponse(200, { items: NATIONAL });
      if (s.path === `/admin/offices/${RUDAKI.id}/close`)
        return problem(409, 'First close “Chorgul jamoat”, which is open below this office.');
    });
    const u = userEvent.setup();
    renderAt(ADMIN, `/admin/offices/${RUDAKI.id}`);
    await u.click(await screen.findByRole('button', { name: en.office.close }));
    const confirm = await screen.findByRole('dialog', { name: en.office.closeTitle });
    await u.click(within(confirm).getByRole('button', { name: en.office.close }));
    expect(await within(confirm).findByText(/First close “Chorgul jamoat”/)).toBeTruthy();
    expect(api.writes()).toHaveLength(1);
    // a district is not moved; a jamoat is
    expect(screen.queryByRole('form', { name: en.office.move })).toBeNull();
  });
});
