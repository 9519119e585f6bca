// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import QueuesPage from './index.tsx';

const office = (kind: string) => ({
  id: 'DU-03-00',
  kind,
  name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' },
});
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

const ROW = {
  id: '0b6c7f3e-1111-4c2d-9e8f-123456789abc',
  kind: 'BIRTH',
  status: 'registered',
  flags: ['late-registration'],
  office: 'DU-03-00',
  surname: 'Раҳимзода',
  name: 'Фарзона',
  patronymic: 'Ҷамшед',
  birthDate: '2025-03-14',
  eventDate: '2025-03-14',
  number: 5,
  year: 2025,
  nationalId: null,
  revision: 3,
  createdAt: '2025-03-20T04:05:00.000Z',
  updatedAt: '2025-03-21T19:30:00.000Z',
};
const TOTALS: Record<string, number> = {
  'status=draft': 9,
  'status=submitted': 2,
  'status=validated': 4,
  'flag=rejected': 1,
  'flag=possible-duplicate': 0,
  'flag=amendment-requested': 3,
  'status=registered': 57,
  // a count the server stopped at 10,000
  'status=draft&untouchedDays=30': 10000,
  'flag=self-registered': 6,
};

function fakeApi(officeKind = 'district', rows: object[] = [ROW]) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://sabt.test');
    if (url.pathname === '/api/v1/auth/session')
      return jsonResponse(200, {
        user: {
          id: 'u',
          login: 'front',
          name: 'Мадина Раҳимова',
          role: officeKind === 'jamoat' ? 'registrar' : 'front_office',
          roleLabel: label('Корманди қабул', 'Специалист', 'Clerk'),
          office: office(officeKind),
        },
      });
    if (url.pathname === '/api/v1/act-kinds') return jsonResponse(200, { items: KINDS });
    if (url.pathname === '/api/v1/records') {
      const q = url.searchParams;
      const filter =
        (q.has('status') ? `status=${q.get('status')}` : `flag=${q.get('flag')}`) +
        (q.has('untouchedDays') ? `&untouchedDays=${q.get('untouchedDays')}` : '');
      const total = TOTALS[filter] ?? 0;
      const items = filter === 'status=registered' && q.get('limit') !== '1' ? rows : [];
      // the registered records: two pages, the second reached by the token `p2`
      const second = q.get('page') === 'p2';
      const paged = filter === 'status=registered';
      return jsonResponse(200, {
        total,
        totalIs: filter.includes('untouchedDays') ? 'atLeast' : 'exact',
        limit: Number(q.get('limit')),
        next: paged && !second ? 'p2' : null,
        previous: paged && second ? 'p1' : null,
        items,
      });
    }
    return jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
}

function renderQueues(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/queues/:queue', Component: QueuesPage },
      { path: '/records/:id', Component: () => <p>record page</p> },
      { path: '/records/new/:kind', Component: () => <p>new application page</p> },
    ],
    { initialEntries: [path] },
  );
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

const recordCalls = (fetch: ReturnType<typeof fakeApi>) =>
  fetch.mock.calls.map(([input]) => String(input)).filter((u) => u.startsWith('/api/v1/records?'));

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('work queues', () => {
  it('shows every queue with its count, and the rows of the chosen one', async () => {
    const fetch = fakeApi();
    vi.stubGlobal('fetch', fetch);
    renderQueues('/queues/registered');

    const nav = screen.getByRole('navigation', { name: 'Навбатҳо' });
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: /Дархостҳои тағйирот/ }).textContent).toContain('3'),
    );
    const counts = Object.fromEntries(
      within(nav)
        .getAllByRole('link')
        .map((a) => [a.textContent?.replace(/\d+\+?$/, ''), a.textContent?.match(/\d+\+?$/)?.[0]]),
    );
    expect(counts).toEqual({
      Лоиҳаҳо: '9',
      'Лоиҳаҳои фаромӯшшуда': '10000+',
      'Барои санҷиш': '2',
      'Барои бақайдгирӣ': '4',
      Баргардонидашуда: '1',
      'Эҳтимолан такрорӣ': '0',
      'Дархостҳои тағйирот': '3',
      Бақайдгирифташуда: '57',
      'Бақайдгирии худӣ': '6',
    });
    // a count the server stopped is said to be one
    expect(within(nav).getByLabelText('на камтар аз 10000 сабт')).toBeTruthy();
    expect(within(nav).getByRole('link', { current: 'page' }).textContent).toContain('Бақайдгирифташуда');
    // the count a screen reader hears, with the plural each language needs
    expect(within(nav).getByLabelText('57 сабт')).toBeTruthy();
    await i18n.changeLanguage('ru');
    await waitFor(() => expect(within(nav).getByLabelText('57 записей')).toBeTruthy());
    expect(within(nav).getByLabelText('не меньше 10000 записей')).toBeTruthy();
    expect(within(nav).getByLabelText('2 записи')).toBeTruthy();
    expect(within(nav).getByLabelText('1 запись')).toBeTruthy();
    await i18n.changeLanguage('en');
    await waitFor(() => expect(within(nav).getByLabelText('1 record')).toBeTruthy());
    expect(within(nav).getByLabelText('57 records')).toBeTruthy();
    expect(within(nav).getByLabelText('at least 10000 records')).toBeTruthy();
    await i18n.changeLanguage('tg');
    // counts come from limit=1 calls
    expect(recordCalls(fetch)).toContain('/api/v1/records?flag=amendment-requested&limit=1');

    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Таваллуд');
    expect(row.textContent).toContain('Раҳимзода Фарзона Ҷамшед');
    expect(row.textContent).toContain('таваллуд: 14.03.2025');
    expect(row.textContent).toContain('№ 5 / 2025');
    expect(row.textContent).toContain('Ба қайд гирифта шуд');
    expect(row.textContent).toContain('Бақайдгирии дермонда');
    expect(row.textContent).toContain('22.03.2025'); // changed 19:30 UTC = 00:30 next day in Dushanbe
    expect(screen.getByText('57 сабт')).toBeTruthy();
    expect(recordCalls(fetch)).toContain(
      '/api/v1/records?status=registered&limit=25&sort=updated&order=desc',
    );
  });

  it('says a sealed adoption row names nobody because its name is sealed', async () => {
    // adoption secrecy: the server withholds the names of a sealed adoption from this clerk
    const sealed = {
      ...ROW,
      kind: 'ADOPTION',
      flags: ['sealed'],
      surname: null,
      name: null,
      patronymic: null,
      birthDate: null,
    };
    vi.stubGlobal('fetch', fakeApi('district', [sealed]));
    renderQueues('/queues/registered');
    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Фарзандхондӣ');
    expect(row.textContent).toContain('Ном махфӣ аст');
    expect(row.textContent).not.toContain('таваллуд:');
  });

  it('lists the drafts nobody touched for 30 days, and the self-registered acts for the head, each saying what it holds', async () => {
    const fetch = fakeApi();
    vi.stubGlobal('fetch', fetch);
    const { router } = renderQueues('/queues/stale');
    expect(await screen.findByRole('heading', { name: 'Лоиҳаҳои фаромӯшшуда' })).toBeTruthy();
    expect(screen.getByText(/Лоиҳаҳое, ки 30 рӯз ё зиёда касе тағйир надодааст/)).toBeTruthy();
    await waitFor(() =>
      expect(recordCalls(fetch)).toContain(
        '/api/v1/records?status=draft&untouchedDays=30&limit=25&sort=updated&order=desc',
      ),
    );
    await i18n.changeLanguage('ru');
    await router.navigate('/queues/selfRegistered');
    expect(await screen.findByRole('heading', { name: 'Самостоятельная регистрация' })).toBeTruthy();
    expect(screen.getByText(/сам принял, направил или проверил и сам же зарегистрировал/)).toBeTruthy();
    await waitFor(() =>
      expect(recordCalls(fetch)).toContain(
        '/api/v1/records?flag=self-registered&limit=25&sort=updated&order=desc',
      ),
    );
  });

  it('sorts and pages on the server', async () => {
    const fetch = fakeApi();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { router } = renderQueues('/queues/registered');
    await screen.findByRole('table');

    await user.click(screen.getByRole('button', { name: /^Рақами сабт/ }));
    await waitFor(() =>
      expect(recordCalls(fetch)).toContain(
        '/api/v1/records?status=registered&limit=25&sort=number&order=asc',
      ),
    );
    expect(router.state.location.search).toBe('?sort=number&order=asc');
    await waitFor(() =>
      expect(
        screen
          .getByRole('button', { name: /^Рақами сабт/ })
          .closest('th')
          ?.getAttribute('aria-sort'),
      ).toBe('ascending'),
    );

    // pages follow one another by the tokens the server gives: next, back, and the first again
    const pages = screen.getByRole('navigation', { name: 'Саҳифаҳо' });
    expect(within(pages).getByRole('button', { name: 'Саҳифаи қаблӣ' }).hasAttribute('disabled')).toBe(true);
    expect(within(pages).getByRole('button', { name: 'Саҳифаи аввал' }).hasAttribute('disabled')).toBe(true);
    await user.click(within(pages).getByRole('button', { name: 'Саҳифаи навбатӣ' }));
    await waitFor(() =>
      expect(recordCalls(fetch)).toContain(
        '/api/v1/records?status=registered&limit=25&page=p2&sort=number&order=asc',
      ),
    );
    expect(router.state.location.search).toBe('?page=p2&sort=number&order=asc');
    await waitFor(() =>
      expect(within(pages).getByRole('button', { name: 'Саҳифаи навбатӣ' }).hasAttribute('disabled')).toBe(
        true,
      ),
    );
    await user.click(within(pages).getByRole('button', { name: 'Саҳифаи қаблӣ' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=p1&sort=number&order=asc'));
    await user.click(within(pages).getByRole('button', { name: 'Саҳифаи аввал' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=number&order=asc'));
    // a new order starts again from the first page
    await user.click(within(pages).getByRole('button', { name: 'Саҳифаи навбатӣ' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=p2&sort=number&order=asc'));
    await user.click(screen.getByRole('button', { name: /^Рақами сабт/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=number'));
  });

  it('opens a record from its row and starts an application per act kind', async () => {
    vi.stubGlobal('fetch', fakeApi());
    const user = userEvent.setup();
    const { router } = renderQueues('/queues/registered');
    await user.click(await screen.findByRole('link', { name: 'Раҳимзода Фарзона Ҷамшед' }));
    expect(await screen.findByText('record page')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/records/${ROW.id}`);

    await router.navigate('/queues/drafts');
    await user.click(await screen.findByRole('link', { name: 'Аризаи нав: Вафот' }));
    expect(await screen.findByText('new application page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/records/new/DEATH');
  });

  it('offers a jamoat only the four acts it registers', async () => {
    vi.stubGlobal('fetch', fakeApi('jamoat'));
    await i18n.changeLanguage('en');
    renderQueues('/queues/duplicates');
    const group = await screen.findByRole('group', { name: /New application/ });
    await waitFor(() => expect(within(group).getAllByRole('link')).toHaveLength(4));
    expect(
      within(group)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Birth', 'Death', 'Marriage', 'Paternity']);
    expect(await screen.findByText('There are no records in this queue yet.')).toBeTruthy();
  });
});
