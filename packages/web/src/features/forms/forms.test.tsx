// @vitest-environment happy-dom
import { t as coreT, type Locale } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import EditDraftPage from './edit.tsx';
import NewApplicationPage from './index.tsx';
import { listLocalDrafts, readLocalDraft, writeLocalDraft } from './lib/local-drafts.ts';
import { MESSAGES } from './messages.ts';

const ID = '7d1c1c0e-5a4b-4d57-9a56-2f1b1b0c0a11';

interface Call {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/** A stand-in for the Sabt API: records kept in memory, every call recorded. */
function fakeApi(
  opts: {
    records?: Record<string, Record<string, unknown>>;
    patch?: (n: number) => Response | null;
    search?: unknown[];
  } = {},
) {
  const calls: Call[] = [];
  const records = new Map(Object.entries(opts.records ?? {}));
  let patches = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://sabt.test');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname + url.search, headers: new Headers(init?.headers), body });
    const withEtag = (status: number, rec: Record<string, unknown>) => {
      const res = jsonResponse(status, rec);
      res.headers.set('etag', `"${rec.revision}"`);
      return res;
    };
    if (url.pathname === '/api/v1/offices') return jsonResponse(200, { items: [] });
    if (url.pathname === '/api/v1/search') return jsonResponse(200, { items: opts.search ?? [], weaker: 0 });
    if (url.pathname === '/api/v1/auth/session')
      return jsonResponse(200, {
        user: {
          id: 'user-front',
          login: 'front',
          name: 'Front',
          role: 'front_office',
          roleLabel: { tg: '', ru: '', en: '' },
          office: { id: 'DU-03-00', kind: 'district', name: { tg: '', ru: '', en: '' } },
        },
      });
    if (method === 'POST' && url.pathname === '/api/v1/records') {
      const rec = {
        id: body.id,
        kind: body.kind,
        status: 'draft',
        flags: [],
        office: 'DU-03-00',
        revision: 1,
        number: null,
        year: null,
        registeredAt: null,
        data: body.data,
      };
      records.set(body.id, rec);
      return withEtag(201, rec);
    }
    const m = /^\/api\/v1\/records\/([^/]+)(\/submit)?$/.exec(url.pathname);
    const rec = m ? records.get(m[1]!) : undefined;
    if (m && !rec) return jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 });
    if (m && rec && method === 'PATCH') {
      patches += 1;
      const special = opts.patch?.(patches);
      if (special) return special;
      const next = {
        ...rec,
        revision: Number(rec.revision) + 1,
        data: { ...(rec.data as object), ...body.data },
      };
      records.set(m[1]!, next);
      return withEtag(200, next);
    }
    if (m?.[2] && rec) {
      const next = { ...rec, status: 'submitted', revision: Number(rec.revision) + 1 };
      records.set(m[1]!, next);
      return withEtag(200, next);
    }
    if (m && rec) return withEtag(200, rec);
    return jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
  return { fetch, calls, records };
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/records/new/:kind', Component: NewApplicationPage },
      { path: '/records/:id/edit', Component: EditDraftPage },
      { path: '/records/:id', Component: () => <p>record page</p> },
      { path: '/queues/:queue', Component: () => <p>queues</p> },
    ],
    { initialEntries: [path] },
  );
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

const section = (name: string) => screen.getByRole('region', { name });
const input = (within_: HTMLElement, label: string) =>
  within(within_).getByLabelText(new RegExp(`^${label}(\\s*\\*)?$`), {
    selector: 'input',
  }) as HTMLInputElement;

const LABELS: Record<Locale, { child: string; birthDate: string; surname: string; check: string }> = {
  tg: { child: 'Кӯдак', birthDate: 'Санаи таваллуд', surname: 'Насаб', check: 'Санҷидан' },
  ru: { child: 'Ребёнок', birthDate: 'Дата рождения', surname: 'Фамилия', check: 'Проверить' },
  en: { child: 'Child', birthDate: 'Date of birth', surname: 'Surname', check: 'Check' },
};

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('birth application form', () => {
  it.each(['tg', 'ru', 'en'] as const)('explains a wrong date and a missing field in %s', async (lang) => {
    await i18n.changeLanguage(lang);
    vi.stubGlobal('fetch', fakeApi().fetch);
    const user = userEvent.setup();
    const l = LABELS[lang];
    renderAt('/records/new/BIRTH');

    const child = await screen.findByRole('region', { name: l.child });
    const date = input(child, l.birthDate);
    await user.type(date, '29022023');
    expect(date.value).toBe('29.02.2023');
    await user.tab();
    // the draft check runs as soon as the field is left: 29 February 2023 does not exist
    expect(await within(child).findByText(coreT('error.date.invalid', lang))).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');

    // the complete check before submitting: the surname is required
    await user.click(screen.getByRole('button', { name: l.check }));
    const surname = input(child, l.surname);
    await waitFor(() => expect(surname.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = surname.getAttribute('aria-describedby') ?? '';
    const messages = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(messages).toContain(coreT('error.required', lang));
    // the summary lists it in the same language, as a link to the field
    const summary = screen.getByRole('alert', { name: /\(\d+\)/ });
    expect(within(summary).getByRole('link', { name: `${l.child} — ${l.surname}` })).toBeTruthy();
  });

  it('turns 14.03.2025 into 2025-03-14, saves with a POST, then PATCHes with If-Match', async () => {
    const api = fakeApi();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderAt('/records/new/BIRTH');
    const child = await screen.findByRole('region', { name: 'Кӯдак' });

    await user.type(input(child, 'Санаи таваллуд'), '14032025');
    expect(input(child, 'Санаи таваллуд').value).toBe('14.03.2025');
    // The surname arrives in one change (pasted): typed letter by letter on a busy machine, a pause
    // longer than the autosave's 800 ms would save the draft before the surname is complete.
    await user.click(input(child, 'Насаб'));
    await user.paste('Раҳимзода');

    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true), { timeout: 3000 });
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/records');
    expect(post.headers.get('idempotency-key')).toBeTruthy();
    const body = post.body as { id: string; kind: string; data: Record<string, unknown> };
    expect(body.kind).toBe('BIRTH');
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data).toEqual({
      child: { surname: 'Раҳимзода', birthDate: '2025-03-14', liveBorn: true, plurality: 1 },
    });
    expect(await screen.findAllByText(/^Захира шуд/)).toBeTruthy();

    await user.type(input(child, 'Ном'), 'Фарзона');
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true), { timeout: 3000 });
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/v1/records/${body.id}`);
    expect(patch.headers.get('if-match')).toBe('"1"');
    expect(patch.body).toEqual({ data: { child: { name: 'Фарзона' } } });
    // only one record was ever created
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    // and the browser keeps a copy under the record's id
    expect(readLocalDraft(body.id)?.values).toMatchObject({ child: { name: 'Фарзона' } });
  });

  it('offers to continue an unsaved draft kept in the browser, and restores it', async () => {
    vi.stubGlobal('fetch', fakeApi().fetch);
    writeLocalDraft({
      id: ID,
      kind: 'BIRTH',
      values: { child: { surname: 'Каримзода', name: 'Сино', birthDate: '2025-03-14' } },
      revision: null,
      base: null,
      dirty: true,
      savedAt: new Date().toISOString(),
      label: 'Каримзода Сино',
    });
    const user = userEvent.setup();
    renderAt('/records/new/BIRTH');
    const offer = await screen.findByRole('region', { name: 'Аризаи нотамом ҳаст' });
    expect(offer.textContent).toContain('Каримзода Сино');
    await user.click(within(offer).getByRole('button', { name: 'Идома додан: Каримзода Сино' }));

    const child = await screen.findByRole('region', { name: 'Кӯдак' });
    await waitFor(() => expect(input(child, 'Насаб').value).toBe('Каримзода'));
    expect(input(child, 'Ном').value).toBe('Сино');
    expect(input(child, 'Санаи таваллуд').value).toBe('14.03.2025');
    expect(screen.queryByRole('region', { name: 'Аризаи нотамом ҳаст' })).toBeNull();
  });

  it("does not offer another user's unsaved draft, and keeps the owner on the copy it writes", async () => {
    const api = fakeApi();
    vi.stubGlobal('fetch', api.fetch);
    writeLocalDraft({
      id: ID,
      kind: 'BIRTH',
      values: { child: { surname: 'Каримзода', name: 'Сино' } },
      revision: null,
      base: null,
      dirty: true,
      savedAt: new Date().toISOString(),
      label: 'Каримзода Сино',
      owner: 'user-someone-else',
    });
    const user = userEvent.setup();
    renderAt('/records/new/BIRTH');
    const child = await screen.findByRole('region', { name: 'Кӯдак' });
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/auth/session')).toBe(true));
    expect(screen.queryByRole('region', { name: 'Аризаи нотамом ҳаст' })).toBeNull();
    await user.type(input(child, 'Ном'), 'Фарзона');
    await waitFor(() => {
      const mine = listLocalDrafts().find((d) => d.id !== ID);
      expect(mine?.owner).toBe('user-front');
    });
  });

  it('opens a server draft with the newer copy from this browser', async () => {
    const api = fakeApi({
      records: {
        [ID]: {
          id: ID,
          kind: 'BIRTH',
          status: 'draft',
          flags: [],
          office: 'DU-03-00',
          revision: 4,
          number: null,
          year: null,
          registeredAt: null,
          data: { child: { surname: 'Каримзода', liveBorn: true, plurality: 1 } },
        },
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    writeLocalDraft({
      id: ID,
      kind: 'BIRTH',
      values: { child: { surname: 'Каримзода', name: 'Сино' } },
      revision: 4,
      base: { child: { surname: 'Каримзода', liveBorn: true, plurality: 1 } },
      dirty: true,
      savedAt: new Date().toISOString(),
      label: 'Каримзода Сино',
    });
    renderAt(`/records/${ID}/edit`);
    const child = await screen.findByRole('region', { name: 'Кӯдак' });
    expect(input(child, 'Ном').value).toBe('Сино');
    expect(screen.getByText('Тағйироти захиранашуда аз ин компютер барқарор карда шуданд.')).toBeTruthy();
    // and the change goes to the server as a patch of revision 4
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true), { timeout: 3000 });
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('if-match')).toBe('"4"');
    expect(patch.body).toEqual({ data: { child: { name: 'Сино' } } });
  });

  it('reloads and tells the user when someone else saved first (412)', async () => {
    const api = fakeApi({
      records: {
        [ID]: {
          id: ID,
          kind: 'BIRTH',
          status: 'draft',
          flags: [],
          office: 'DU-03-00',
          revision: 2,
          number: null,
          year: null,
          registeredAt: null,
          data: { child: { surname: 'Каримзода', liveBorn: true, plurality: 1 } },
        },
      },
      patch: (n) => {
        if (n !== 1) return null;
        api.records.set(ID, {
          ...api.records.get(ID)!,
          revision: 3,
          data: { child: { surname: 'Каримзода', name: 'Фирӯз', liveBorn: true, plurality: 1 } },
        });
        return jsonResponse(
          412,
          { type: 'about:blank', title: 'x', status: 412, key: 'problem.preconditionFailed' },
          'application/problem+json',
        );
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderAt(`/records/${ID}/edit`);
    const child = await screen.findByRole('region', { name: 'Кӯдак' });
    await user.type(input(child, 'Ном'), 'Сино');
    expect(
      await screen.findByText('Ин лоиҳаро корманди дигар тағйир дод', {}, { timeout: 3000 }),
    ).toBeTruthy();
    await waitFor(() => expect(input(child, 'Ном').value).toBe('Фирӯз'));
    // the clerk's own change is not lost: it can be put back, and is then saved on revision 3
    await user.click(screen.getByRole('button', { name: 'Тағйироти маро баргардонед' }));
    expect(input(child, 'Ном').value).toBe('Сино');
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(2), {
      timeout: 3000,
    });
    expect(api.calls.filter((c) => c.method === 'PATCH')[1]!.headers.get('if-match')).toBe('"3"');
  });

  it('shows the server’s field errors from a refused submission at the fields', async () => {
    const api = fakeApi();
    const example = (await import('@sabt/core')).birthKind.example as Record<string, unknown>;
    api.records.set(ID, {
      id: ID,
      kind: 'BIRTH',
      status: 'draft',
      flags: [],
      office: 'DU-03-00',
      revision: 1,
      number: null,
      year: null,
      registeredAt: null,
      data: example,
    });
    const base = api.fetch.getMockImplementation()!;
    api.fetch.mockImplementation(async (input, init) => {
      if (String(input).endsWith('/submit'))
        return jsonResponse(
          422,
          {
            type: 'about:blank',
            title: 'Санҷиш бо феҳрист монеа ёфт: сабабҳои нишондодашударо бинед.',
            status: 422,
            errors: [{ path: 'data.mother.surname', key: 'error.required', message: '…' }],
          },
          'application/problem+json',
        );
      return base(input, init);
    });
    vi.stubGlobal('fetch', api.fetch);
    const errors = vi.spyOn(console, 'error');
    const user = userEvent.setup();
    const { router } = renderAt(`/records/${ID}/edit`);
    await screen.findByRole('region', { name: 'Кӯдак' });
    await user.click(screen.getByRole('button', { name: 'Барои санҷиш фиристодан' }));
    const mother = section('Модар');
    await waitFor(() => expect(input(mother, 'Насаб').getAttribute('aria-invalid')).toBe('true'));
    expect(within(mother).getByText(coreT('error.required', 'tg'))).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/records/${ID}/edit`);
    // a refusal the form shows is an answer, not an error of the app: nothing is logged
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('says beside the Check button, in a live region, that a complete form is correct', async () => {
    const api = fakeApi();
    const { birthKind } = await import('@sabt/core');
    api.records.set(ID, {
      id: ID,
      kind: 'BIRTH',
      status: 'draft',
      flags: [],
      office: 'DU-03-00',
      revision: 1,
      number: null,
      year: null,
      registeredAt: null,
      data: birthKind.example as Record<string, unknown>,
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderAt(`/records/${ID}/edit`);
    await screen.findByRole('region', { name: 'Кӯдак' });
    const check = screen.getByRole('button', { name: 'Санҷидан' });
    await user.click(check);
    // the verdict is in the sticky bar that holds the button, not at the foot of a long form
    const bar = check.closest<HTMLElement>('.sabt-action-bar')!;
    const verdict = within(bar)
      .getAllByRole('status')
      .find((el) => el.hasAttribute('data-check-outcome'))!;
    expect(verdict.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(verdict.textContent).toContain(MESSAGES.tg.actions.checkOk));
    // a change to the form takes the verdict back
    await user.type(input(section('Кӯдак'), 'Ном'), 'а');
    await waitFor(() => expect(verdict.textContent).toBe(''));
  });

  it.each(['tg', 'en'] as const)(
    'says in %s, in the API’s words, that a pasted text too long was cut',
    async (lang) => {
      await i18n.changeLanguage(lang);
      vi.stubGlobal('fetch', fakeApi().fetch);
      const user = userEvent.setup();
      renderAt('/records/new/BIRTH');
      const l = LABELS[lang];
      const child = await screen.findByRole('region', { name: l.child });
      const surname = input(child, l.surname);
      await user.click(surname);
      await user.paste('Қ'.repeat(130));
      expect(surname.value).toHaveLength(100);
      const note = await within(child).findByRole('alert');
      expect(note.textContent).toContain(coreT('error.tooLong', lang, { max: 100 }));
      // back within the length, the note goes
      await user.type(surname, '{Backspace}');
      await waitFor(() => expect(within(child).queryByRole('alert')).toBeNull());
    },
  );

  it('submits a complete application and opens the record', async () => {
    const api = fakeApi();
    const { birthKind } = await import('@sabt/core');
    api.records.set(ID, {
      id: ID,
      kind: 'BIRTH',
      status: 'draft',
      flags: [],
      office: 'DU-03-00',
      revision: 1,
      number: null,
      year: null,
      registeredAt: null,
      data: birthKind.example as Record<string, unknown>,
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = renderAt(`/records/${ID}/edit`);
    await screen.findByRole('region', { name: 'Кӯдак' });
    await user.click(screen.getByRole('button', { name: 'Барои санҷиш фиристодан' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/records/${ID}`));
    const submit = api.calls.find((c) => c.path.endsWith('/submit'))!;
    expect(submit.method).toBe('POST');
    expect(submit.headers.get('if-match')).toBe('"1"');
    expect(readLocalDraft(ID)).toBeUndefined();
  });
});

describe('death application form', () => {
  it('reads partial dates typed as digits alone: 8 digits a date, 6 a month and year, 4 a year', async () => {
    const api = fakeApi();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderAt('/records/new/DEATH');
    const deceased = await screen.findByRole('region', { name: 'Фавтида' });
    const death = section('Вафот');

    const born = input(deceased, 'Санаи таваллуд');
    await user.type(born, '01031950');
    expect(born.value).toBe('01.03.1950');
    const died = input(death, 'Санаи вафот');
    await user.type(died, '1503202');
    expect(died.value).toBe('15.03.202');
    await user.type(died, '5');
    expect(died.value).toBe('15.03.2025');
    await user.tab();
    // a whole, valid date: no complaint once the field is left
    expect(died.getAttribute('aria-invalid')).not.toBe('true');

    await user.clear(born);
    await user.type(born, '061950');
    expect(born.value).toBe('06.1950');
    await user.clear(born);
    await user.type(born, '1950');
    expect(born.value).toBe('1950');
    await user.clear(born);
    await user.type(born, '6.1950');
    expect(born.value).toBe('06.1950');
    await user.tab();

    // kept as YYYY-MM and YYYY-MM-DD in the draft the server has
    await waitFor(
      () =>
        expect(api.records.values().next().value?.data).toMatchObject({
          deceased: { birthDate: '1950-06' },
          death: { date: '2025-03-15' },
        }),
      { timeout: 3000 },
    );
  });
});

describe('divorce application form', () => {
  it("finds the marriage record by the wife's name and names both spouses in the look-up", async () => {
    const spouse = (
      side: string,
      surname: string,
      earlier: string,
      name: string,
      matched: string | null,
    ) => ({
      side,
      surname,
      earlierSurname: earlier,
      name,
      patronymic: null,
      birthDate: null,
      matched,
    });
    const api = fakeApi({
      search: [
        {
          id: '3e0c1a2b-4444-4c2d-9e8f-123456789abc',
          kind: 'MARRIAGE',
          status: 'registered',
          flags: [],
          office: 'DU-03-00',
          surname: 'Ғафурзода',
          name: 'Сорбон',
          patronymic: null,
          birthDate: null,
          eventDate: '2025-05-24',
          number: 7,
          year: 2025,
          nationalId: null,
          score: 0.96,
          reasons: ['surname:exact', 'name:exact', 'earlier-name'],
          matched: null,
          spouses: [
            spouse('husband', 'Ғафурзода', 'Ғафуров', 'Сорбон', null),
            spouse('wife', 'Ғафурзода', 'Мирзоева', 'Тахмина', 'earlier-name'),
          ],
        },
      ],
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderAt('/records/new/DIVORCE');
    await user.click((await screen.findAllByRole('button', { name: 'Ёфтани сабт' }))[0]!);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Насаб'), 'Мирзоева');
    await user.click(within(dialog).getByRole('button', { name: 'Ҷустан' }));

    const found = await within(dialog).findByRole('button', { name: /^Интихоби сабти № 7, 2025/ });
    expect(found.textContent).toContain('Ғафурзода Сорбон (Ғафуров) — Ғафурзода Тахмина (Мирзоева)');
    expect(
      api.calls.some((c) => c.path.startsWith('/api/v1/search?') && c.path.includes('kind=MARRIAGE')),
    ).toBe(true);
  });
});
