// @vitest-environment happy-dom
import { marriageKind, type Role } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import type { RecordView } from '../../lib/records.ts';
import { renderWithProviders } from '../../testing/render.tsx';
import type { HistoryItem } from './api/record.ts';
import RecordPage from './index.tsx';
import { BIRTH_ID, fakeApi, registeredBirth, VERSIONS } from './testing/fixtures.ts';

/* Issue 14 on the record screen: cancelling a draft, a marriage's waiting period, the history's autosaves. */

function renderRecord() {
  const router = createMemoryRouter(
    [
      { path: '/records/:id', Component: RecordPage },
      { path: '/records/:id/edit', Component: () => <p>edit page</p> },
    ],
    { initialEntries: [`/records/${BIRTH_ID}`] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

const routesFor = (record: RecordView, history: HistoryItem[] = []) => ({
  [`/records/${record.id}`]: record,
  [`/records/${record.id}/versions`]: { items: VERSIONS },
  [`/records/${record.id}/history`]: { items: history },
  [`/records/${record.id}/amendments`]: { items: [] },
});

const pending = {
  number: null,
  year: null,
  nationalId: null,
  registeredAt: null,
  versions: [],
  links: [],
  notations: [],
  check: { complete: true, errors: [], warnings: [] },
};

const person = (login: string, name: string, role: Role) => ({ login, name, role });

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('cancelling a draft (item 8)', () => {
  it('asks its author for a reason, then cancels with If-Match', async () => {
    const draft = registeredBirth({
      ...pending,
      status: 'draft',
      flags: [],
      revision: 3,
      actions: ['edit', 'submit', 'cancel'],
    });
    const api = fakeApi(routesFor(draft));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();

    const actions = await screen.findByRole('region', { name: 'Амалҳо' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Барои санҷиш фиристодан', 'Лоиҳаро бекор кардан']);
    await user.click(within(actions).getByRole('button', { name: 'Лоиҳаро бекор кардан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Лоиҳаро бекор кардан' });
    expect(dialog.textContent).toContain('он нест намешавад, бо таърихаш боқӣ мемонад');
    await user.click(within(dialog).getByRole('button', { name: 'Лоиҳаро бекор кардан' }));
    expect(await within(dialog).findByText('Сабабро нависед.')).toBeTruthy();
    expect(api.posts()).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /Сабаб/ }), 'Ариза ду бор ворид шуд');
    await user.click(within(dialog).getByRole('button', { name: 'Лоиҳаро бекор кардан' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    const [post] = api.posts();
    expect(post?.path).toBe(`/records/${BIRTH_ID}/cancel`);
    expect(post?.body).toEqual({ reason: 'Ариза ду бор ворид шуд' });
    expect(post?.headers.get('if-match')).toBe('"3"');
  });

  it('shows a cancelled draft as kept, with the reason and who cancelled it, and nothing left to do', async () => {
    const cancelled = registeredBirth({
      ...pending,
      status: 'cancelled',
      flags: [],
      actions: [],
      cancellation: {
        reason: 'Аризадиҳанда аризаро бозпас гирифт',
        at: '2026-11-23T06:50:00Z',
        by: 'head',
        byName: 'Зарина Саидова',
      },
    });
    vi.stubGlobal('fetch', fakeApi(routesFor(cancelled)).fetch);
    renderRecord();
    const banner = await screen.findByRole('region', { name: 'Лоиҳа бекор карда шуд' });
    expect(banner.textContent).toContain('Аризадиҳанда аризаро бозпас гирифт');
    expect(banner.textContent).toContain('Бекор кард: Зарина Саидова, 23.11.2026 11:50');
    expect(screen.getByText('Лоиҳа бекор шуд')).toBeTruthy(); // the status badge
    expect(within(screen.getByRole('region', { name: 'Амалҳо' })).queryAllByRole('button')).toHaveLength(0);
  });
});

describe('the month a marriage waits (item 2)', () => {
  const marriage = (over: Partial<RecordView>) =>
    registeredBirth({
      ...pending,
      kind: 'MARRIAGE',
      status: 'validated',
      flags: [],
      revision: 5,
      data: { ...structuredClone(marriageKind.example), applicationDate: '2026-12-01' } as never,
      ...over,
    });

  it('tells the registrar from when the marriage may be registered', async () => {
    const rec = marriage({
      actions: ['reject', 'register'],
      waitingPeriod: {
        applicationDate: '2026-12-01',
        earliest: '2027-01-01',
        allowedFrom: '2027-01-01',
        met: false,
        shortening: null,
      },
    });
    vi.stubGlobal('fetch', fakeApi(routesFor(rec)).fetch);
    renderRecord();
    const banner = await screen.findByRole('region', { name: 'Мӯҳлати ақди никоҳ' });
    expect(banner.textContent).toContain('Ақди никоҳ аз 01.01.2027 ба қайд гирифта мешавад');
    expect(banner.textContent).toContain('(01.12.2026)');
    expect(banner.textContent).toContain('танҳо бо қарори роҳбари идора');
  });

  it('lets the head of office shorten it with a ground, a date, a reason and a basis document', async () => {
    const rec = marriage({
      actions: ['shorten-waiting'],
      waitingPeriod: {
        applicationDate: '2026-12-01',
        earliest: '2027-01-01',
        allowedFrom: '2027-01-01',
        met: false,
        shortening: null,
      },
    });
    const api = fakeApi(routesFor(rec));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    const actions = await screen.findByRole('region', { name: 'Амалҳо' });
    await user.click(within(actions).getByRole('button', { name: 'Мӯҳлатро кӯтоҳ кардан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Кӯтоҳ кардани мӯҳлати ақди никоҳ' });
    expect(dialog.textContent).toContain('Ариза: 01.12.2026. Бе қарор — аз 01.01.2027.');
    // nothing is sent without the date and the reason
    await user.click(within(dialog).getByRole('button', { name: 'Қарорро сабт кардан' }));
    expect(api.posts()).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: 'Таваллуди кӯдак' }));
    await user.click(within(dialog).getByRole('button', { name: 'Аз рӯзи ариза (мӯҳлатро бекор кардан)' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Сабаби қарор/ }), 'Ҷуфт фарзанд доранд');
    await user.type(within(dialog).getByRole('textbox', { name: 'Рақами ҳуҷҷат' }), '1-0457');
    await user.click(within(dialog).getByRole('button', { name: 'Қарорро сабт кардан' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    const [post] = api.posts();
    expect(post?.path).toBe(`/records/${BIRTH_ID}/shorten-waiting`);
    expect(post?.body).toEqual({
      ground: 'CHILD_BORN',
      allowedFrom: '2026-12-01',
      reason: 'Ҷуфт фарзанд доранд',
      basis: { type: 'OTHER_DOCUMENT', number: '1-0457' },
    });
  });

  it('shows the head’s decision on the record: waived, on what ground, why and by whom', async () => {
    const rec = marriage({
      actions: ['reject', 'register'],
      waitingPeriod: {
        applicationDate: '2026-12-01',
        earliest: '2027-01-01',
        allowedFrom: '2026-12-01',
        met: true,
        shortening: {
          allowedFrom: '2026-12-01',
          ground: 'THREAT_TO_LIFE',
          basis: { type: 'OTHER_DOCUMENT', number: '77', issuer: 'Беморхонаи №3' },
          reason: 'Домод ба ҷарроҳии вазнин меравад',
          at: '2026-12-02T04:00:00Z',
          by: 'head',
          byName: 'Зарина Саидова',
        },
      },
    });
    vi.stubGlobal('fetch', fakeApi(routesFor(rec)).fetch);
    renderRecord();
    const banner = await screen.findByRole('region', { name: 'Мӯҳлати ақди никоҳ' });
    expect(banner.textContent).toContain('Роҳбари идора мӯҳлатро бекор кард: аз рӯзи ариза (01.12.2026)');
    expect(banner.textContent).toContain('Хатар ба ҳаёт — Домод ба ҷарроҳии вазнин меравад');
    expect(banner.textContent).toContain('№ 77');
    expect(banner.textContent).toContain('Беморхонаи №3');
    expect(banner.textContent).toContain('Қарор: Зарина Саидова, 02.12.2026 09:00');
    expect(banner.textContent).not.toContain('танҳо бо қарори роҳбари идора');
  });
});

describe('the history (items 7 and 9)', () => {
  it('shows a person’s autosaves as one entry with the combined difference, and a self-registration as such', async () => {
    const history: HistoryItem[] = [
      {
        id: 1,
        action: 'create',
        at: '2026-11-22T05:00:00Z',
        by: person('jamoat', 'Сафар Раҳимов', 'registrar'),
        office: 'RA-13-01',
        from: null,
        to: 'draft',
        revision: 1,
        reason: null,
        payload: { kind: 'BIRTH' },
      },
      {
        id: 2,
        action: 'edit',
        at: '2026-11-22T05:09:00Z',
        by: person('jamoat', 'Сафар Раҳимов', 'registrar'),
        office: 'RA-13-01',
        from: 'draft',
        to: 'draft',
        revision: 38,
        reason: null,
        payload: {
          autosaves: 37,
          firstAt: '2026-11-22T05:02:00Z',
          fromRevision: 1,
          changes: [{ path: 'child.name', before: 'Ф', after: 'Фарзона' }],
          entries: [2, 3, 4],
        },
      },
      {
        id: 40,
        action: 'register',
        at: '2026-11-22T06:00:00Z',
        by: person('jamoat', 'Сафар Раҳимов', 'registrar'),
        office: 'RA-13-01',
        from: 'validated',
        to: 'registered',
        revision: 41,
        reason: null,
        payload: { number: 3, year: 2026, nationalId: '105130120260000037', selfRegistered: true },
      },
    ];
    const api = fakeApi(routesFor(registeredBirth({ flags: ['self-registered'] }), history));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    expect(await screen.findByText('Бақайдгирии худӣ')).toBeTruthy(); // the flag
    await user.click(screen.getByRole('tab', { name: 'Таърих' }));
    const table = await screen.findByRole('table', { name: /Таърихи сабт/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const edits = within(table).getByRole('row', { name: /Таҳрир шуд/ });
    expect(edits.textContent).toContain('37 нигоҳдории худкор, 10:02–10:09');
    expect(edits.textContent).toContain('Ф → Фарзона');
    const registered = within(table).getByRole('row', { name: /Ба қайд гирифта шуд/ });
    expect(registered.textContent).toContain(
      'Бақайдгирии худӣ: ҳамон корманд аризаро қабул, ирсол ё санҷида буд',
    );

    // every autosave stays in the log: shown on request
    await user.click(screen.getByRole('switch', { name: 'Ҳар нигоҳдории худкорро алоҳида нишон додан' }));
    await waitFor(() =>
      expect(api.fetch.mock.calls.map(([u]) => String(u))).toContain(
        `/api/v1/records/${BIRTH_ID}/history?autosaves=each`,
      ),
    );
  });
});
