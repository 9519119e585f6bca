// @vitest-environment happy-dom
import { ROLE_LABELS, type Role } from '@sabt/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import SearchPage from './index.tsx';

const label = (tg: string, ru: string, en: string) => ({ tg, ru, en });
const KINDS = [
  ['BIRTH', label('Таваллуд', 'Рождение', 'Birth')],
  ['DEATH', label('Вафот', 'Смерть', 'Death')],
  ['MARRIAGE', label('Ақди никоҳ', 'Заключение брака', 'Marriage')],
  ['DIVORCE', label('Бекор кардани ақди никоҳ', 'Расторжение брака', 'Divorce')],
  ['ADOPTION', label('Фарзандхондӣ', 'Усыновление', 'Adoption')],
  ['PATERNITY', label('Муқаррар намудани падарӣ', 'Установление отцовства', 'Paternity')],
  ['NAME_CHANGE', label('Ивази ном', 'Перемена имени', 'Change of name')],
].map(([code, labels]) => ({ code, labels, schemaVersion: 1, jsonSchema: {}, example: {} }));

const CHILD = {
  id: '0b6c7f3e-1111-4c2d-9e8f-123456789abc',
  kind: 'BIRTH',
  status: 'registered',
  flags: [],
  office: 'DU-03-00',
  surname: 'Раҳимзода',
  name: 'Фарзона',
  patronymic: 'Ҷамшед',
  birthDate: '2025-03-14',
  eventDate: '2025-03-14',
  number: 5,
  year: 2025,
  nationalId: '100030320250000051',
  score: 0.95,
  reasons: ['surname:match-key', 'name:exact'],
  matched: {
    role: 'subject',
    surname: 'Раҳимзода',
    name: 'Фарзона',
    patronymic: 'Ҷамшед',
    birthDate: '2025-03-14',
    historical: false,
  },
};
const AS_MOTHER = {
  ...CHILD,
  id: '5d1e2f3a-2222-4c2d-9e8f-123456789abc',
  surname: 'Саидов',
  name: 'Карим',
  patronymic: 'Аҳмадович',
  number: 6,
  nationalId: null,
  score: 0.8,
  reasons: ['surname:stem', 'earlier-name', 'as-mother'],
  matched: {
    role: 'mother',
    surname: 'Раҳимова',
    name: 'Нигина',
    patronymic: null,
    birthDate: '1996-08-02',
    historical: true,
  },
};

/** A marriage found by the wife's surname before the marriage. */
const MARRIAGE = {
  ...CHILD,
  id: '7a2b3c4d-3333-4c2d-9e8f-123456789abc',
  kind: 'MARRIAGE',
  surname: 'Ғафурзода',
  name: 'Сорбон',
  patronymic: 'Олимович',
  birthDate: '1994-03-02',
  eventDate: '2025-05-24',
  number: 7,
  nationalId: null,
  score: 0.96,
  reasons: ['surname:exact', 'name:exact', 'earlier-name'],
  matched: {
    role: 'spouse',
    surname: 'Мирзоева',
    name: 'Тахмина',
    patronymic: 'Аҳмадовна',
    birthDate: '1997-08-19',
    historical: true,
  },
  spouses: [
    {
      side: 'husband',
      surname: 'Ғафурзода',
      earlierSurname: 'Ғафуров',
      name: 'Сорбон',
      patronymic: 'Олимович',
      birthDate: '1994-03-02',
      matched: null,
    },
    {
      side: 'wife',
      surname: 'Ғафурзода',
      earlierSurname: 'Мирзоева',
      name: 'Тахмина',
      patronymic: 'Аҳмадовна',
      birthDate: '1997-08-19',
      matched: 'earlier-name',
    },
  ],
};

type Answer = (url: URL) => Response | Promise<Response>;

function fakeApi(
  answer: Answer = () => jsonResponse(200, { items: [CHILD, AS_MOTHER] }),
  role: Role = 'registrar',
) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://sabt.test');
    if (url.pathname === '/api/v1/auth/session')
      return jsonResponse(200, {
        user: {
          id: `u-${role}`,
          login: role,
          name: role,
          role,
          roleLabel: ROLE_LABELS[role],
          office: {
            id: 'DU-03-00',
            kind: 'district',
            name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' },
          },
        },
      });
    if (url.pathname === '/api/v1/act-kinds') return jsonResponse(200, { items: KINDS });
    if (url.pathname === '/api/v1/search') return answer(url);
    return jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
}

const searchCalls = (fetch: ReturnType<typeof fakeApi>) =>
  fetch.mock.calls.map(([input]) => String(input)).filter((u) => u.startsWith('/api/v1/search'));

function renderSearch(path = '/search') {
  const router = createMemoryRouter(
    [
      { path: '/search', Component: SearchPage },
      { path: '/records/:id', Component: () => <p>record page</p> },
    ],
    { initialEntries: [path] },
  );
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('search', () => {
  it('searches on Enter with the right query string and keeps the search in the address', async () => {
    const fetch = fakeApi();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { router } = renderSearch();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ҷустуҷӯи сабтҳо');
    await user.type(screen.getByRole('searchbox', { name: 'Ному насаб' }), 'Rakhimov Jamshed{Enter}');

    await waitFor(() => expect(searchCalls(fetch)).toEqual(['/api/v1/search?q=Rakhimov+Jamshed']));
    expect(router.state.location.search).toBe('?q=Rakhimov+Jamshed');
    expect(await screen.findByText('2 сабт ёфт шуд')).toBeTruthy();

    // broad: the same words, and -ов → -зода
    await user.click(screen.getByRole('switch', { name: /Ҷустуҷӯи васеъ/ }));
    await user.click(screen.getByRole('button', { name: 'Ҷустан' }));
    await waitFor(() => expect(searchCalls(fetch)).toContain('/api/v1/search?q=Rakhimov+Jamshed&mode=broad'));
    expect(router.state.location.search).toBe('?q=Rakhimov+Jamshed&mode=broad');

    // Back shows the earlier search in the form again
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?q=Rakhimov+Jamshed'));
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('switch', { name: /Ҷустуҷӯи васеъ/ }).checked).toBe(false),
    );
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('Rakhimov Jamshed');
  });

  it('shows each hit with its reasons in Tajik, and opens the record', async () => {
    vi.stubGlobal('fetch', fakeApi());
    const user = userEvent.setup();
    const { router } = renderSearch('/search?q=%D0%A0%D0%B0%D2%B3%D0%B8%D0%BC%D0%B7%D0%BE%D0%B4%D0%B0');

    const first = (await screen.findByRole('link', { name: 'Раҳимзода Фарзона Ҷамшед' })).closest('li');
    const second = screen.getByRole('link', { name: 'Саидов Карим Аҳмадович' }).closest('li');
    expect(first!.textContent).toContain('Раҳимзода Фарзона Ҷамшед');
    expect(first!.textContent).toContain('Rahimzoda Farzona Jamshed'); // the Latin form as a hint
    expect(first!.textContent).toContain('Рахимзода Фарзона Джамшед'); // and the Russian spelling
    expect(first!.textContent).toContain('Таваллуд');
    expect(first!.textContent).toContain('14.03.2025');
    expect(first!.textContent).toContain('№ 5 / 2025');
    expect(first!.textContent).toContain('100030320250000051');
    expect(first!.textContent).toContain('Ба қайд гирифта шуд');
    expect(within(first!).getByRole('progressbar', { name: 'Мувофиқат: 95%' })).toBeTruthy();
    const reasons = (li: HTMLElement) =>
      within(within(li).getByRole('list', { name: 'Чаро ёфт шуд' }))
        .getAllByRole('listitem')
        .map((x) => x.textContent);
    expect(reasons(first!)).toEqual([
      'насаб: ҳамон калиди имло (хат ё транслитератсияи дигар)',
      'ном: айнан ҳамин навишт',
    ]);
    expect(reasons(second!)).toEqual([
      'насаб: ҳамон реша, охираи дигар (-ов → -зода)',
      'номи пештара',
      'ҳамчун модар ёфт шуд',
    ]);
    expect(second!.textContent).toContain('Ёфт шуд аз рӯи номи пештара: Раҳимова Нигина');
    expect(document.body.textContent).not.toMatch(/match-key|as-mother|earlier-name|Search/);

    await user.click(within(first!).getByRole('link', { name: 'Раҳимзода Фарзона Ҷамшед' }));
    expect(await screen.findByText('record page')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/records/${CHILD.id}`);
  });

  it('names both spouses of a marriage and marks the one found, by her earlier name', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi(() => jsonResponse(200, { items: [MARRIAGE], weaker: 0 })),
    );
    renderSearch(`/search?q=${encodeURIComponent('Мирзоева Тахмина')}`);

    const link = await screen.findByRole('link', {
      name: 'Ғафурзода Сорбон Олимович — Ғафурзода Тахмина Аҳмадовна',
    });
    const row = link.closest('li')!;
    const spouses = within(within(row).getByRole('list', { name: 'Ҳамсарон' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(spouses).toEqual([
      'Шавҳар: Ғафурзода Сорбон Олимович (насаби пештара: Ғафуров)',
      'Зан: Ғафурзода Тахмина Аҳмадовна (насаби пештара: Мирзоева) аз рӯи номи пештара ёфт шуд',
    ]);
    expect(row.querySelector('[data-matched="earlier-name"]')!.textContent).toContain('Тахмина');
    // the husband is not shown as the one "found by an earlier name"
    expect(row.textContent).not.toContain('Ёфт шуд аз рӯи номи пештара');
  });

  it('says the reasons in English when the user works in English', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', fakeApi());
    renderSearch('/search?q=Rakhimzoda&mode=broad');

    const second = await screen.findByRole('link', { name: 'Саидов Карим Аҳмадович' });
    const row = second.closest('li')!;
    const reasons = within(row)
      .getAllByRole('listitem')
      .map((x) => x.textContent);
    expect(reasons).toEqual([
      'surname: same root, other ending (-ов → -зода)',
      'earlier name',
      'found as mother',
    ]);
    expect(row.textContent).toContain('Found by an earlier name: Раҳимова Нигина');
    const first = screen.getByRole('link', { name: 'Раҳимзода Фарзона Ҷамшед' }).closest('li')!;
    expect(
      within(first)
        .getAllByRole('listitem')
        .map((x) => x.textContent),
    ).toEqual([
      'surname: same spelling key (another script or transliteration)',
      'first name: spelled the same',
    ]);
    expect(screen.getByText('2 records found')).toBeTruthy();
  });

  it('converts a date of birth typed as dd.mm.yyyy and sends the advanced conditions', async () => {
    const fetch = fakeApi();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { router } = renderSearch();

    await user.click(screen.getByRole('button', { name: /Ҷустуҷӯи муфассал/ }));
    expect(screen.getByRole('button', { name: /Ҷустуҷӯи муфассал/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await user.type(screen.getByRole('textbox', { name: 'Насаб' }), 'Раҳимов');
    const born = screen.getByRole<HTMLInputElement>('textbox', { name: 'Санаи таваллуд' });
    await user.type(born, '14032025');
    expect(born.value).toBe('14.03.2025');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Намуди санад' }), 'BIRTH');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ноҳия ё шаҳри ҳодиса' }), 'DU-03');
    await user.type(screen.getByRole('textbox', { name: 'Санаи ҳодиса: аз' }), '1.1.2025');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Санаи ҳодиса: аз' }).value).toBe(
      '01.01.2025',
    );
    await user.type(screen.getByRole('textbox', { name: 'Модар (ному насаб)' }), 'Нигина{Enter}');

    const expected = new URLSearchParams({
      surname: 'Раҳимов',
      birthDate: '2025-03-14',
      mother: 'Нигина',
      kind: 'BIRTH',
      place: 'DU-03',
      from: '2025-01-01',
    });
    await waitFor(() => expect(searchCalls(fetch)).toEqual([`/api/v1/search?${expected}`]));
    expect(router.state.location.search).toBe(`?${expected}`);
    // the field shows the date as people write it, the address keeps it as the API takes it
    expect(born.value).toBe('14.03.2025');
    expect(screen.getByText('6 шарт')).toBeTruthy();
  });

  it('does not search with an impossible date or with nothing to look for', async () => {
    const fetch = fakeApi();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderSearch();

    await user.click(screen.getByRole('button', { name: 'Ҷустан' }));
    expect((await screen.findByText(/рақами ҳуҷҷатро нависед/)).id).toBe('search-q-error');

    await user.click(screen.getByRole('button', { name: /Ҷустуҷӯи муфассал/ }));
    await user.type(screen.getByRole('textbox', { name: 'Насаб' }), 'Раҳимов');
    await user.type(screen.getByRole('textbox', { name: 'Санаи таваллуд' }), '31022025{Enter}');
    expect(await screen.findByText('Чунин сана вуҷуд надорад.')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Санаи таваллуд' })),
    );
    expect(searchCalls(fetch)).toEqual([]);
  });

  it('shows a refused search (problem+json) in the user’s language', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi(() =>
        jsonResponse(
          400,
          {
            type: 'https://sabt.tj/problems/validation',
            title: 'Маълумот нодуруст аст',
            status: 400,
            errors: [
              { path: 'querystring.birthDate', key: 'error.date.invalid', message: 'Сана нодуруст аст.' },
            ],
          },
          'application/problem+json',
        ),
      ),
    );
    renderSearch('/search?surname=Rahimov&birthDate=2023-02-29');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ҷустуҷӯ анҷом нашуд');
    expect(alert.textContent).toContain('Маълумот нодуруст аст');
    expect(alert.textContent).toContain('Санаи таваллуд: Сана нодуруст аст.');
  });

  it('says when nothing was found and offers the broad search', async () => {
    const fetch = fakeApi(() => jsonResponse(200, { items: [] }));
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { router } = renderSearch('/search?q=Rakhimzoda');
    expect(await screen.findByText('Ҳеҷ сабт ёфт нашуд')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ҷустуҷӯи васеъ' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=Rakhimzoda&mode=broad'));
    await waitFor(() => expect(searchCalls(fetch)).toContain('/api/v1/search?q=Rakhimzoda&mode=broad'));
  });

  it('says how many records with a similar name were left out and shows them on request', async () => {
    const fetch = fakeApi((url) =>
      jsonResponse(
        200,
        url.searchParams.get('mode') === 'broad'
          ? { items: [CHILD, AS_MOTHER], weaker: 0 }
          : { items: [CHILD], weaker: 2 },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { router } = renderSearch('/search?surname=Rahimzoda&name=Farzona&birthDate=2025-03-14');
    expect(await screen.findByText('Боз 2 сабт бо номи монанд нишон дода нашуд.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Нишон додан' }));
    await waitFor(() => expect(router.state.location.search).toContain('mode=broad'));
    await waitFor(() => expect(screen.queryByText(/бо номи монанд/u)).toBeNull());
    expect(screen.getAllByRole('link', { name: /Саидов/u }).length).toBeGreaterThan(0);
  });

  it('masks a pasted ISO date too', async () => {
    vi.stubGlobal('fetch', fakeApi());
    renderSearch();
    const born = screen.getByRole<HTMLInputElement>('textbox', { name: 'Санаи таваллуд', hidden: true });
    fireEvent.change(born, { target: { value: '2025-03-14' } });
    expect(born.value).toBe('14.03.2025');
  });
});

describe('search by a document', () => {
  it.each([
    ['registrar', true],
    ['archivist', false],
    ['verifier', false],
  ] as const)('is offered to the %s: %s (not where document numbers are masked)', async (role, offered) => {
    const fetch = fakeApi(undefined, role);
    vi.stubGlobal('fetch', fetch);
    renderSearch();
    await waitFor(() => expect(fetch.mock.calls.map(([u]) => String(u))).toContain('/api/v1/auth/session'));
    await screen.findByLabelText('Рақами ягонаи сабт');
    await new Promise((r) => setTimeout(r, 50));
    expect(!!screen.queryByLabelText('Рақами ҳуҷҷати шахсият')).toBe(offered);
  });
});
