// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import BlanksPage, { blankOffices } from './blanks-page.tsx';
import { blank, FRONT, fakeApi, HEAD, problem, STOCK } from './testing/fixtures.ts';

function renderBlanks(path = '/blanks') {
  const router = createMemoryRouter(
    [
      { path: '/blanks', Component: BlanksPage },
      { path: '/records/:id', Component: () => <p>record</p> },
    ],
    { initialEntries: [path] },
  );
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

const REPORTED_BY_FRONT = blank({
  id: 3,
  number: '000003',
  status: 'SPOIL_REQUESTED',
  spoil: {
    outcome: 'SPOILED',
    reason: 'Коғаз дар чопгар дарида шуд',
    requestedBy: 'front',
    requestedByName: null,
    requestedAt: '2026-11-23T06:45:00.000Z',
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionReason: null,
  },
});
const REPORTED_BY_HEAD = blank({
  id: 4,
  number: '000004',
  status: 'SPOIL_REQUESTED',
  spoil: { ...REPORTED_BY_FRONT.spoil!, outcome: 'LOST', reason: 'Гум шуд', requestedBy: 'head' },
});

const blanksRoute = (all: ReturnType<typeof blank>[]) => (q: URLSearchParams) => {
  const items = all.filter((b) => !q.get('status') || b.status === q.get('status'));
  return { total: items.length, items };
};

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the blanks screen', () => {
  it("shows the head of office the stock by status and the ranges, and receives a batch; the server's field errors are named", async () => {
    const api = fakeApi(
      HEAD,
      {
        '/blanks/stock': STOCK,
        '/blanks/batches': { items: [] },
        '/blanks': blanksRoute([REPORTED_BY_FRONT]),
      },
      (path, body) => {
        if (path !== '/blanks/batches') return undefined;
        const b = body as { series: string; from: string; to: string };
        if (b.series === 'AB-12') {
          return problem(422, 'Маълумот нодуруст аст', {
            errors: [
              {
                path: 'series',
                key: 'error.blank.series',
                message: 'Силсила ба шакли муқарраршуда мувофиқ нест.',
              },
            ],
          });
        }
        return jsonResponse(201, {
          id: 'b1',
          office: 'DU-03-00',
          document: 'DEATH_CERTIFICATE',
          ...b,
          count: 50,
          note: null,
          receivedBy: 'head',
          receivedAt: '2026-11-23T08:00:00Z',
        });
      },
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks();

    const stock = await screen.findByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' });
    const row = within(stock).getByRole('row', { name: /Шаҳодатнома дар бораи таваллуд/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['97', '2', '1', '0', '0', '0', '0', '0', '0', '100']);
    const ranges = screen.getByRole('table', { name: 'Қаторҳои рақамҳо' });
    expect(within(ranges).getByRole('row', { name: /000004–000100/ }).textContent).toContain('Дар анбор');
    expect(within(ranges).getByRole('row', { name: /000003 Интизори тасдиқ/ })).toBeTruthy();
    // one spoil report waits for the head of office
    expect(screen.getByRole('tab', { name: /Барои тасдиқ/ }).textContent).toContain('1');

    await user.click(screen.getByRole('tab', { name: 'Қабули баста' }));
    const form = await screen.findByRole('form', { name: 'Қабули бастаи бланкҳо' });
    await user.click(within(form).getByRole('button', { name: 'Қабул кардан' }));
    expect(within(form).getAllByText('Ин майдонро пур кунед.')).toHaveLength(3);
    expect(api.writes()).toEqual([]);

    await user.selectOptions(within(form).getByLabelText('Ҳуҷҷат'), 'DEATH_CERTIFICATE');
    await user.type(within(form).getByLabelText(/Силсила/), 'AB-12');
    await user.type(within(form).getByLabelText(/Аз рақами/), '000101');
    await user.type(within(form).getByLabelText(/То рақами/), '000150');
    await user.click(within(form).getByRole('button', { name: 'Қабул кардан' }));
    // the server's field error under its own input, which gets the focus
    const series = within(form).getByLabelText(/Силсила/);
    await waitFor(() => expect(series.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Силсила ба шакли муқарраршуда мувофиқ нест.')).toBeTruthy();
    expect(document.activeElement).toBe(series);

    await user.clear(within(form).getByLabelText(/Силсила/));
    await user.type(within(form).getByLabelText(/Силсила/), 'II-ДУ');
    await user.click(within(form).getByRole('button', { name: 'Қабул кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(2));
    expect(api.writes()[1]?.body).toEqual({
      document: 'DEATH_CERTIFICATE',
      series: 'II-ДУ',
      from: '000101',
      to: '000150',
    });
    // the numbers are cleared for the next box; the series stays
    await waitFor(() =>
      expect((within(form).getByLabelText(/Аз рақами/) as HTMLInputElement).value).toBe(''),
    );
    expect((within(form).getByLabelText(/Силсила/) as HTMLInputElement).value).toBe('II-ДУ');
  });

  it('marks every wrong field of a batch under its own input; what is no field’s stays in the alert', async () => {
    const api = fakeApi(HEAD, { '/blanks/stock': STOCK, '/blanks/batches': { items: [] } }, (path, body) => {
      if (path !== '/blanks/batches') return undefined;
      const b = body as { series: string; from: string };
      if (b.from === '000001') return problem(409, 'Ин рақамҳо аллакай қабул шудаанд.');
      return problem(422, 'Маълумот нодуруст аст', {
        errors: [
          {
            path: 'series',
            key: 'error.blank.series',
            message: 'Силсила ба шакли муқарраршуда мувофиқ нест.',
          },
          { path: 'from', key: 'error.blank.number', message: 'Рақами бланк танҳо аз 6 рақам иборат аст.' },
          { path: 'to', key: 'error.blank.range', message: 'Охири қатор аз аввалаш хурд аст.' },
        ],
      });
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks('/blanks?tab=receive');
    const form = await screen.findByRole('form', { name: 'Қабули бастаи бланкҳо' });
    const series = within(form).getByLabelText(/Силсила/);
    const from = within(form).getByLabelText(/Аз рақами/);
    const to = within(form).getByLabelText(/То рақами/);
    const send = () => user.click(within(form).getByRole('button', { name: 'Қабул кардан' }));

    // checked here first: numbers in digits only, the last not below the first
    await user.type(series, 'II-ДУ');
    await user.type(from, '12a');
    await user.type(to, '000100');
    await send();
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(/танҳо бо рақамҳо нависед/)).toBeTruthy();
    expect(document.activeElement).toBe(from);
    await user.clear(from);
    await user.type(from, '000200');
    expect(from.getAttribute('aria-invalid')).not.toBe('true');
    await send();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Рақами охир аз рақами аввал хурд аст.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    // the server finds three fields wrong: each is marked with its own message, none in an alert
    await user.clear(from);
    await user.type(from, '0000101');
    await user.clear(to);
    await user.type(to, '0000150');
    await send();
    await waitFor(() => expect(series.getAttribute('aria-invalid')).toBe('true'));
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (el: HTMLElement) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(describedBy(series)).toContain('Силсила ба шакли муқарраршуда мувофиқ нест.');
    expect(describedBy(from)).toContain('Рақами бланк танҳо аз 6 рақам иборат аст.');
    expect(describedBy(to)).toContain('Охири қатор аз аввалаш хурд аст.');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(series);
    // correcting a field takes its mark away; the others keep theirs
    await user.clear(from);
    await user.type(from, '000001');
    expect(from.getAttribute('aria-invalid')).not.toBe('true');
    expect(series.getAttribute('aria-invalid')).toBe('true');

    // a problem that is no field's: the form-level alert, focused
    await user.clear(to);
    await user.type(to, '000010');
    await send();
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Ин рақамҳо аллакай қабул шудаанд.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(series.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('lets the head of office confirm another person’s report, never their own, and reject with a reason', async () => {
    const api = fakeApi(
      HEAD,
      { '/blanks/stock': STOCK, '/blanks': blanksRoute([REPORTED_BY_FRONT, REPORTED_BY_HEAD]) },
      (path) =>
        jsonResponse(200, path.includes('confirm') ? { ...REPORTED_BY_FRONT, status: 'SPOILED' } : {}),
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks('/blanks?tab=writeOffs');

    const table = await screen.findByRole('table', { name: /интизори тасдиқ/ });
    const front = within(table).getByRole('row', { name: /000003/ });
    expect(front.textContent).toContain('Коғаз дар чопгар дарида шуд');
    expect(front.textContent).toContain('Хабар дод: front');
    const own = within(table).getByRole('row', { name: /000004/ });
    expect(own.textContent).toContain('Гум');
    expect(own.textContent).toContain('Шумо хабар додаед: тасдиқро шахси дигар мекунад.');
    expect(
      within(own).getByRole('button', { name: 'Тасдиқ кардан: I-ДУ № 000004' }).hasAttribute('disabled'),
    ).toBe(true);

    await user.click(within(front).getByRole('button', { name: 'Тасдиқ кардан: I-ДУ № 000003' }));
    const confirm = await screen.findByRole('dialog', { name: 'Аз ҳисоб баровардани бланки I-ДУ № 000003' });
    await user.click(within(confirm).getByRole('button', { name: 'Тасдиқ кардан' }));
    await waitFor(() => expect(api.writes()[0]?.path).toBe('/blanks/3/spoil/confirm'));

    await user.click(within(own).getByRole('button', { name: 'Рад кардан: I-ДУ № 000004' }));
    const reject = await screen.findByRole('dialog', { name: /Рад кардани хабар/ });
    await user.click(within(reject).getByRole('button', { name: 'Рад кардан' }));
    expect(within(reject).getByText('Сабабро нависед.')).toBeTruthy();
    await user.type(within(reject).getByLabelText(/Сабаби рад/), 'Бланк дар сейф ёфт шуд');
    await user.click(within(reject).getByRole('button', { name: 'Рад кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(2));
    expect(api.writes()[1]).toMatchObject({
      path: '/blanks/4/spoil/reject',
      body: { reason: 'Бланк дар сейф ёфт шуд' },
    });
  });

  it('shows a clerk the blanks (no batch to receive) and takes a report of a lost blank, in English', async () => {
    await i18n.changeLanguage('en');
    const issued = blank({
      id: 2,
      number: '000002',
      status: 'ISSUED',
      certificateId: 'c2',
      recordId: '6a54b2fb-59e4-4a28-90e7-ca674db0a744',
    });
    const api = fakeApi(FRONT, {
      '/blanks/stock': STOCK,
      '/blanks': blanksRoute([issued, blank({ id: 5, number: '000005' })]),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks('/blanks?tab=blanks');

    const list = await screen.findByRole('table', { name: "The office's blanks" });
    expect(screen.queryByRole('tab', { name: 'Receive a batch' })).toBeNull();
    const used = within(list).getByRole('row', { name: /000002/ });
    expect(used.textContent).toContain('Used');
    expect(within(used).getByRole('link', { name: 'Open the record' }).getAttribute('href')).toBe(
      '/records/6a54b2fb-59e4-4a28-90e7-ca674db0a744',
    );
    expect(screen.getByText('1–2 of 2')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Status'), 'IN_STOCK');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(within(list).queryByRole('row', { name: /000002/ })).toBeNull());
    expect(api.gets('/blanks').at(-1)?.query.get('status')).toBe('IN_STOCK');

    await user.click(within(list).getByRole('button', { name: 'Spoiled or lost: I-ДУ № 000005' }));
    const dialog = await screen.findByRole('dialog', { name: 'Blank I-ДУ № 000005 spoiled or lost' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'Left on the bus');
    await user.click(within(dialog).getByLabelText('The blank is lost (not spoiled)'));
    await user.click(within(dialog).getByRole('button', { name: 'Report' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      path: '/blanks/5/spoil',
      body: { reason: 'Left on the bus', lost: true },
    });
  });
});

describe('the central administrator', () => {
  it('starts at the first office below that keeps blanks, and receives a batch for it', async () => {
    const admin = {
      ...HEAD,
      login: 'admin',
      role: 'central_admin' as const,
      office: { id: 'HQ-00-00', kind: 'central' as const, name: { tg: 'Марказ', ru: 'Центр', en: 'Centre' } },
    };
    const api = fakeApi(
      admin,
      { '/blanks/stock': STOCK, '/blanks/batches': { items: [] }, '/blanks': blanksRoute([]) },
      () => jsonResponse(201, { id: 'b2', series: 'I-ДУ', from: '000001', to: '000010', count: 10 }),
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks('/blanks?tab=receive');
    const form = await screen.findByRole('form', { name: 'Қабули бастаи бланкҳо' });
    // never asked for the central department's stock (it keeps no blanks): the first region's
    expect(api.gets('/blanks/stock').map((g) => g.query.get('office'))).toEqual(['DU']);
    await user.type(within(form).getByLabelText(/Силсила/), 'I-ДУ');
    await user.type(within(form).getByLabelText(/Аз рақами/), '000001');
    await user.type(within(form).getByLabelText(/То рақами/), '000010');
    await user.click(within(form).getByRole('button', { name: 'Қабул кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toMatchObject({ office: 'DU', series: 'I-ДУ' });
  });
});

describe('who signs the office’s documents', () => {
  const HEAD_SIGNS = {
    id: 1,
    office: 'DU-03-00',
    basis: 'head',
    fullName: 'Зарина Саидзода',
    title: 'Сардори шуъбаи САҲШ',
    headTitle: null,
    authority: null,
    printedTitle: 'Сардори шуъбаи САҲШ',
    validFrom: '2026-01-01T04:00:00.000Z',
    setAt: '2026-01-01T04:00:00.000Z',
    setBy: null,
  };
  const signatories = {
    office: { id: 'DU-03-00', nameTg: 'Шуъбаи САҲШ — Фирдавсӣ', nameRu: '', nameEn: '' },
    defaultHeadTitle: 'Сардори шуъбаи САҲШ',
    current: HEAD_SIGNS,
    history: [HEAD_SIGNS],
  };
  const routes = {
    '/blanks/stock': STOCK,
    '/blanks': blanksRoute([]),
    '/signatories': signatories,
  };

  it('shows the head of office who signs as documents print it, and authorises a deputy to sign for them', async () => {
    const api = fakeApi(HEAD, routes, (path, body) =>
      path === '/signatories'
        ? jsonResponse(201, { ...HEAD_SIGNS, ...(body as object), id: 2, printedTitle: 'x' })
        : undefined,
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks('/blanks?tab=signatory');

    const printed = await screen.findByTestId('printed-signatory');
    expect(printed.textContent).toContain('Сардори шуъбаи САҲШ');
    expect(printed.textContent).toContain('Зарина Саидзода');
    expect(screen.getByRole('table', { name: /Имзокунандагони идора/ })).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Имзокунандаи нав' });
    await user.click(within(form).getByRole('radio', { name: 'Шахси ваколатдор, ба ҷои роҳбар' }));
    await user.click(within(form).getByRole('button', { name: 'Аз ҳозир ҷорӣ кардан' }));
    expect(within(form).getAllByText('Ин майдонро пур кунед.')).toHaveLength(2);
    expect(api.writes()).toEqual([]);

    await user.type(within(form).getByLabelText(/Насаб, ном ва номи падар/), 'Нигина Каримова');
    await user.type(within(form).getByLabelText(/^Вазифа/), 'Муовини сардори шуъбаи САҲШ');
    // whom they sign for: the head's title, filled in for the office
    expect((within(form).getByLabelText(/Ба ҷои кӣ имзо мекунад/) as HTMLInputElement).value).toBe(
      'Сардори шуъбаи САҲШ',
    );
    await user.type(within(form).getByLabelText(/Асоси ваколат/), 'Фармоиши № 14 аз 02.03.2026');
    await user.click(within(form).getByRole('button', { name: 'Аз ҳозир ҷорӣ кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      path: '/signatories',
      body: {
        basis: 'authorised',
        fullName: 'Нигина Каримова',
        title: 'Муовини сардори шуъбаи САҲШ',
        headTitle: 'Сардори шуъбаи САҲШ',
        authority: 'Фармоиши № 14 аз 02.03.2026',
      },
    });
  });

  it('shows a clerk who signs, without the form; warns when nobody does', async () => {
    const api = fakeApi(FRONT, { ...routes, '/signatories': { ...signatories, current: null, history: [] } });
    vi.stubGlobal('fetch', api.fetch);
    renderBlanks('/blanks?tab=signatory');
    expect((await screen.findByRole('alert')).textContent).toContain('Имзокунанда муқаррар нашудааст');
    expect(screen.queryByRole('form', { name: 'Имзокунандаи нав' })).toBeNull();
    expect(screen.getByText(/роҳбари идора ё Раёсати марказӣ муқаррар мекунад/)).toBeTruthy();
  });
});

describe('offices whose blanks one sees', () => {
  it('are one’s own and those below it that keep blanks', () => {
    const o = (id: string, parent: string | null, kind: string) =>
      ({ id, parent, kind, name: { tg: id, ru: id, en: id } }) as Parameters<typeof blankOffices>[0][number];
    const all = [
      o('HQ-00-00', null, 'central'),
      o('DU', 'HQ-00-00', 'region'),
      o('DU-03-00', 'DU', 'district'),
      o('DU-03-90', 'DU-03-00', 'mobile'),
      o('DU-04-00', 'DU', 'district'),
    ];
    expect(blankOffices(all, 'DU-03-00').map((x) => x.id)).toEqual(['DU-03-00', 'DU-03-90']);
    // a region keeps the stock it hands down to its districts; the central department keeps none
    expect(blankOffices(all, 'HQ-00-00').map((x) => x.id)).toEqual([
      'DU',
      'DU-03-00',
      'DU-03-90',
      'DU-04-00',
    ]);
  });
});

describe('handing blanks over to a jamoat', () => {
  const RUDAKI = {
    id: 'RA-13-00',
    kind: 'district' as const,
    name: { tg: 'Шуъбаи САҲШ — Рӯдакӣ', ru: 'Отдел ЗАГС — Рудаки', en: 'Civil Registry Office — Rudaki' },
  };
  const HEAD_RUDAKI = { ...HEAD, login: 'rudaki', name: 'Нозим Давлатов', office: RUDAKI };
  const TREE = [
    { id: 'RA', parent: 'HQ-00-00', kind: 'region', name: { tg: 'НТҶ', ru: 'РРП', en: 'DRS' } },
    { id: 'RA-13-00', parent: 'RA', kind: 'district', name: RUDAKI.name },
    {
      id: 'RA-13-01',
      parent: 'RA-13-00',
      kind: 'jamoat',
      name: { tg: 'Ҷамоати деҳоти Чимтеппа', ru: 'Джамоат Чимтеппа', en: 'Chimteppa jamoat' },
    },
    {
      id: 'RA-13-02',
      parent: 'RA-13-00',
      kind: 'jamoat',
      name: { tg: 'Ҷамоати деҳоти Зайнабобод', ru: 'Джамоат Зайнабобод', en: 'Zaynabobod jamoat' },
    },
  ];
  const names = (o: (typeof TREE)[number]) => ({
    id: o.id,
    nameTg: o.name.tg,
    nameRu: o.name.ru,
    nameEn: o.name.en,
  });

  it('the district head chooses a jamoat and a range; a refusal is shown until the input is corrected; the stock counts what went', async () => {
    let sent = 0;
    const api = fakeApi(
      HEAD_RUDAKI,
      {
        '/offices': { items: TREE },
        '/blanks/stock': {
          ...STOCK,
          office: names(TREE[1]!),
          documents: [
            {
              ...STOCK.documents[0]!,
              counts: { IN_STOCK: 88, ISSUED: 0, SPOIL_REQUESTED: 0, SPOILED: 1, LOST: 0, WRITTEN_OFF: 1 },
              writtenOff: 2,
              total: 90,
              transferredOut: 10,
              receivedByTransfer: 0,
            },
          ],
        },
        '/blanks/transfers': { items: [] },
        '/blanks': { total: 0, items: [] },
      },
      (path, body) => {
        if (path !== '/blanks/transfers') return undefined;
        sent++;
        const b = body as { toOffice: string; series: string; from: string; to: string };
        if (b.from === '000001')
          return problem(
            409,
            'Бланки I-РД 000001 дар ҳолати «вайрон» аст: танҳо бланкҳои истифоданашуда супорида мешаванд.',
          );
        return jsonResponse(201, {
          id: 't1',
          fromOffice: names(TREE[1]!),
          toOffice: names(TREE.find((o) => o.id === b.toOffice)!),
          document: 'BIRTH_CERTIFICATE',
          series: 'I-РД',
          from: b.from,
          to: b.to,
          count: Number(b.to) - Number(b.from) + 1,
          note: null,
          transferredBy: 'rudaki',
          transferredByName: 'Нозим Давлатов',
          transferredAt: '2026-12-06T08:00:00.000Z',
        });
      },
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks();

    // the stock: written off in all beside each kind, and what went to the jamoats
    const stock = await screen.findByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' });
    const headers = within(stock)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(headers).toEqual([
      'Ҳуҷҷат',
      'Дар анбор',
      'Истифода шуд',
      'Интизори тасдиқ',
      'Вайрон',
      'Гумшуда',
      'Бо сабаби дигар аз ҳисоб баромад',
      'Ҳамагӣ аз ҳисоб баромад',
      'Аз идораи боло гирифта шуд',
      'Ба идораҳои поён супорида шуд',
      'Ҳамагӣ',
    ]);
    const row = within(stock).getByRole('row', { name: /Шаҳодатнома дар бораи таваллуд/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['88', '0', '0', '1', '0', '1', '2', '0', '10', '90']);

    await user.click(screen.getByRole('tab', { name: 'Супоридан ба поён' }));
    const form = await screen.findByRole('form', { name: 'Супоридани бланкҳо ба ҷамоат ё идораи сайёр' });
    // only the offices below, never the district itself
    const to = within(form).getByLabelText('Ба идораи') as HTMLSelectElement;
    expect([...to.options].map((o) => o.textContent)).toEqual([
      'Ҷамоати деҳоти Чимтеппа',
      'Ҷамоати деҳоти Зайнабобод',
    ]);
    await user.selectOptions(to, 'RA-13-02');
    await user.type(within(form).getByLabelText(/Силсила/), 'I-РД');
    await user.type(within(form).getByLabelText(/Аз рақами/), '000001');
    await user.type(within(form).getByLabelText(/То рақами/), '000010');
    const send = () => user.click(within(form).getByRole('button', { name: 'Супоридан' }));
    await send();
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('дар ҳолати «вайрон» аст');

    // correcting the range takes the refusal away at once
    await user.clear(within(form).getByLabelText(/Аз рақами/));
    expect(within(form).queryByRole('alert')).toBeNull();
    await user.type(within(form).getByLabelText(/Аз рақами/), '000002');
    await send();
    await waitFor(() => expect(sent).toBe(2));
    const writes = api.writes();
    expect(writes[1]?.body).toEqual({
      toOffice: 'RA-13-02',
      document: 'BIRTH_CERTIFICATE',
      series: 'I-РД',
      from: '000002',
      to: '000010',
    });
    // a different hand-over is a different request
    expect(writes[1]?.headers.get('idempotency-key')).not.toBe(writes[0]?.headers.get('idempotency-key'));
    await waitFor(() =>
      expect((within(form).getByLabelText(/Аз рақами/) as HTMLInputElement).value).toBe(''),
    );
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('lets the district head confirm a write-off the jamoat reported (the jamoat has no head)', async () => {
    const api = fakeApi(HEAD_RUDAKI, {
      '/offices': { items: TREE },
      '/blanks/stock': { ...STOCK, office: names(TREE[2]!) },
      '/blanks': blanksRoute([REPORTED_BY_FRONT]),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderBlanks('/blanks?office=RA-13-01&tab=writeOffs');
    const table = await screen.findByRole('table', { name: /интизори тасдиқ/ });
    const row = within(table).getByRole('row', { name: /000003/ });
    expect(
      within(row).getByRole('button', { name: 'Тасдиқ кардан: I-ДУ № 000003' }).hasAttribute('disabled'),
    ).toBe(false);
    expect(api.gets('/blanks').every((g) => g.query.get('office') === 'RA-13-01')).toBe(true);
  });

  it('is not offered to a clerk, nor where no office below keeps blanks', async () => {
    const api = fakeApi(FRONT, { '/blanks/stock': STOCK, '/blanks': { total: 0, items: [] } });
    vi.stubGlobal('fetch', api.fetch);
    renderBlanks('/blanks?tab=transfer');
    await screen.findByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' });
    expect(screen.queryByRole('tab', { name: 'Супоридан ба поён' })).toBeNull();
    cleanup();
    const head = fakeApi(HEAD, { '/blanks/stock': STOCK, '/blanks': { total: 0, items: [] } });
    vi.stubGlobal('fetch', head.fetch);
    renderBlanks();
    await screen.findByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' });
    expect(screen.queryByRole('tab', { name: 'Супоридан ба поён' })).toBeNull();
  });
});

describe('the batch form, corrected', () => {
  it('drops the refusal of the last send as soon as the input changes', async () => {
    const api = fakeApi(HEAD, { '/blanks/stock': STOCK, '/blanks/batches': { items: [] } }, () =>
      problem(409, 'Ин рақамҳо аллакай қабул шудаанд.'),
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderBlanks('/blanks?tab=receive');
    const form = await screen.findByRole('form', { name: 'Қабули бастаи бланкҳо' });
    await user.type(within(form).getByLabelText(/Силсила/), 'I-ДУ');
    await user.type(within(form).getByLabelText(/Аз рақами/), '000001');
    await user.type(within(form).getByLabelText(/То рақами/), '000010');
    await user.click(within(form).getByRole('button', { name: 'Қабул кардан' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('аллакай қабул шудаанд');
    await user.type(within(form).getByLabelText(/То рақами/), '0');
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});
