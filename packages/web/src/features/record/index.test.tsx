// @vitest-environment happy-dom
import { MASKED, ROLE_LABELS, type Role } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import type { RecordView } from '../../lib/records.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import RecordPage from './index.tsx';
import {
  BIRTH_ID,
  DEATH_ID,
  fakeApi,
  HISTORY,
  OTHER_ID,
  registeredBirth,
  VERSIONS,
} from './testing/fixtures.ts';

function renderRecord(path = `/records/${BIRTH_ID}`) {
  const router = createMemoryRouter(
    [
      { path: '/records/:id', Component: RecordPage },
      { path: '/records/:id/edit', Component: () => <p>edit page</p> },
      { path: '/records/:id/duplicates', Component: () => <p>duplicates page</p> },
      { path: '/queues', Component: () => <p>queues</p> },
    ],
    { initialEntries: [path] },
  );
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

const routesFor = (record: RecordView) => ({
  [`/records/${record.id}`]: record,
  [`/records/${record.id}/versions`]: { items: VERSIONS },
  [`/records/${record.id}/history`]: { items: HISTORY },
  [`/records/${record.id}/amendments`]: { items: [] },
});

/** The text a person sees: without the style sheets Mantine puts into the page. */
function visibleText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('style, script')) el.remove();
  return copy.textContent ?? '';
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('record screen', () => {
  it('shows a registered birth in Tajik: number, national ID, data, links, notations and the version diff', async () => {
    vi.stubGlobal('fetch', fakeApi(routesFor(registeredBirth())).fetch);
    const user = userEvent.setup();
    const { container } = renderRecord();

    const h1 = await screen.findByRole('heading', { level: 1 });
    expect(h1.textContent).toBe('Таваллуд: Раҳимзода Фарзона Ҷамшед');
    const facts = screen.getByRole('region', { name: 'Маълумоти асосии сабт' });
    expect(facts.textContent).toContain('Рақами сабт');
    expect(facts.textContent).toContain('№ 1 / 2026');
    expect(facts.textContent).toContain('Рақами миллии сабт');
    expect(facts.textContent).toContain('101030020260000011');
    await waitFor(() => expect(facts.textContent).toContain('Шуъбаи САҲШ — Фирдавсӣ'));
    // status and flags in words
    expect(screen.getByText('Ба қайд гирифта шуд')).toBeTruthy();
    expect(screen.getByText('Фавтидааст')).toBeTruthy();
    expect(screen.getByText('Бақайдгирии дермонда')).toBeTruthy();

    // data by section, labelled in Tajik, dates dd.mm.yyyy, codes by name
    const child = await screen.findByRole('region', { name: 'Кӯдак' });
    expect(within(child).getByText('Санаи таваллуд').nextElementSibling?.textContent).toBe('14.03.2025');
    expect(within(child).getByText('Ҷинс').nextElementSibling?.textContent).toBe('Зан');
    expect(within(child).getAllByText('Тоҷикистон').length).toBeGreaterThan(0);
    expect(within(child).getByText('Ноҳия ё шаҳр').nextElementSibling?.textContent).toBe('Фирдавсӣ');
    const mother = screen.getByRole('region', { name: 'Модар' });
    expect(within(mother).getByText('Насаб').nextElementSibling?.textContent).toBe('Каримзода');
    expect(
      within(screen.getByRole('region', { name: 'Ҳуҷҷати тасдиқкунандаи таваллуд' })).getByText(
        'Маълумотномаи тиббӣ дар бораи таваллуд',
      ),
    ).toBeTruthy();
    // no English words on a Tajik screen (the passport series "A" is data)
    expect(visibleText(container)).not.toMatch(/[A-Za-z]{2,}/);

    // links and notations
    await user.click(screen.getByRole('tab', { name: /Пайвандҳо ва қайдҳо/ }));
    const links = await screen.findByRole('region', { name: 'Сабтҳои алоқаманд' });
    expect(within(links).getByText('Сабти вафоти ин шахс')).toBeTruthy();
    const deathLink = within(links).getByRole('link', { name: 'Вафот № 1 / 2026' });
    expect(deathLink.getAttribute('href')).toBe(`/records/${DEATH_ID}`);
    const notations = screen.getByRole('region', { name: 'Қайдҳо дар сабт' });
    expect(within(notations).getByText('Вафоти шахс ба қайд гирифта шуд')).toBeTruthy();
    expect(notations.textContent).toContain('02.06.2025');
    expect(within(notations).getByRole('link', { name: 'Вафот № 1 / 2026' })).toBeTruthy();

    // versions with the difference, before → after
    await user.click(screen.getByRole('tab', { name: /Версияҳо/ }));
    const diff = await screen.findByRole('table', { name: 'Тағйироти версияи 2' });
    const row = within(diff).getByRole('row', { name: /Модар › Насаб/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Каримова', 'Каримзода']);
    expect(screen.getByRole('region', { name: 'Версияи 2' }).textContent).toContain(
      'Хатои имлоӣ дар насаби модар',
    );
    expect(screen.getByRole('region', { name: 'Версияи 1' }).textContent).toContain('Версияи аввал');

    // history: who, role, office, what, why, status before → after
    await user.click(screen.getByRole('tab', { name: 'Таърих' }));
    const history = await screen.findByRole('table', { name: /Таърихи сабт/ });
    const registered = within(history).getByRole('row', { name: /Ба қайд гирифта шуд/ });
    expect(registered.textContent).toContain('Шералӣ Қодиров');
    expect(registered.textContent).toContain('Бақайдгиранда');
    expect(registered.textContent).toContain('Шуъбаи САҲШ — Фирдавсӣ');
    expect(registered.textContent).toContain('Санҷида шуд → Ба қайд гирифта шуд');
    expect(registered.textContent).toContain('Аз таваллуд зиёда аз 3 моҳ гузаштааст');
    const request = within(history).getByRole('row', { name: /Тағйирот дархост шуд/ });
    expect(request.textContent).toContain('Модар › Насаб: Каримова → Каримзода');
    expect(request.textContent).toContain('Ариза, № 45, 12.05.2025');
    const printed = within(history).getByRole('row', { name: /Шаҳодатнома дода шуд/ });
    expect(printed.textContent).toContain('I-ДУ № 000007');
    expect(printed.textContent).toContain('Мадина Раҳимова');
  });

  it('shows the same record in English', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', fakeApi(routesFor(registeredBirth())).fetch);
    const user = userEvent.setup();
    renderRecord();

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Birth: Раҳимзода Фарзона Ҷамшед',
    );
    const facts = screen.getByRole('region', { name: 'Key facts of the record' });
    expect(facts.textContent).toContain('Record number№ 1 / 2026');
    expect(facts.textContent).toContain('National record ID101030020260000011');
    expect(screen.getByText('Registered')).toBeTruthy();
    expect(screen.getByText('Late registration')).toBeTruthy();
    const child = await screen.findByRole('region', { name: 'Child' });
    expect(within(child).getByText('Date of birth').nextElementSibling?.textContent).toBe('14.03.2025');
    expect(within(child).getByText('Sex').nextElementSibling?.textContent).toBe('Female');
    expect(within(child).getByText('District or city').nextElementSibling?.textContent).toBe('Firdavsi');

    await user.click(screen.getByRole('tab', { name: /Links and notations/ }));
    const links = await screen.findByRole('region', { name: 'Linked records' });
    expect(within(links).getByText("This person's death record")).toBeTruthy();
    expect(within(links).getByRole('link', { name: 'Death № 1 / 2026' }).getAttribute('href')).toBe(
      `/records/${DEATH_ID}`,
    );
    const notations = screen.getByRole('region', { name: 'Notations on this record' });
    expect(within(notations).getByText("The person's death was registered")).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: /Versions/ }));
    const diff = await screen.findByRole('table', { name: 'Changes in version 2' });
    const row = within(diff).getByRole('row', { name: /Mother › Surname/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Каримова', 'Каримзода']);
  });

  it('links a record made from an online application back to it, by its tracking code', async () => {
    await i18n.changeLanguage('en');
    const record = registeredBirth({
      onlineApplication: { id: '5d0c6f0e-8a2b-4c3d-9e4f-a1b2c3d4e5f6', trackingCode: '7KQ2MX9D4G' },
    });
    vi.stubGlobal('fetch', fakeApi(routesFor(record)).fetch);
    renderRecord();
    const facts = await screen.findByRole('region', { name: 'Key facts of the record' });
    const link = within(facts).getByRole('link', { name: '7KQ2M-X9D4G' });
    expect(link.getAttribute('href')).toBe('/online-applications/5d0c6f0e-8a2b-4c3d-9e4f-a1b2c3d4e5f6');
    expect(facts.textContent).toContain('From the online application');
  });

  it('tells on the earlier record what a court annulment of a later act undid', async () => {
    await i18n.changeLanguage('en');
    const record = registeredBirth({
      flags: ['certificate-reissue'],
      notations: [
        {
          at: '2026-11-20T09:00:00Z',
          type: 'death-annulled',
          kind: 'DEATH',
          recordId: DEATH_ID,
          number: 1,
          year: 2026,
          officeId: 'DU-03-00',
          markLifted: true,
        },
        {
          at: '2026-11-21T09:00:00Z',
          type: 'amendment-annulled',
          kind: 'PATERNITY',
          recordId: OTHER_ID,
          number: 4,
          year: 2026,
          officeId: 'DU-03-00',
          version: 3,
          changed: ['father.surname'],
          kept: ['child.surname'],
        },
      ],
    });
    vi.stubGlobal('fetch', fakeApi(routesFor(record)).fetch);
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('tab', { name: /Links and notations/ }));
    const notations = await screen.findByRole('region', { name: 'Notations on this record' });
    const [death, paternity] = within(notations).getAllByRole('listitem');
    expect(death!.textContent).toContain('The death record was annulled by a court');
    expect(death!.textContent).toContain('The death mark was taken off.');
    expect(within(death!).getByRole('link', { name: 'Death № 1 / 2026' })).toBeTruthy();
    expect(paternity!.textContent).toContain('The act that amended this record was annulled by a court');
    const cited = within(paternity!).getByRole('link', { name: /№ 4 \/ 2026/ });
    expect(cited.textContent).toMatch(/paternity/i);
    expect(cited.getAttribute('href')).toBe(`/records/${OTHER_ID}`);
    expect(paternity!.textContent).toContain('Restored: Father › Surname (New version: 3)');
    expect(paternity!.textContent).toContain('Later changes kept: Child › Surname');
  });

  it('offers only the actions the server lists', async () => {
    vi.stubGlobal('fetch', fakeApi(routesFor(registeredBirth())).fetch);
    renderRecord();
    const actions = await screen.findByRole('region', { name: 'Амалҳо' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Тағйирот дархост кардан', 'Сабтро бекор кардан']);
    expect(within(actions).queryByRole('link')).toBeNull();
    cleanup();

    // a rejected draft: "Edit" (to the form) and "Submit", the reason it came back, what is still missing
    const draft = registeredBirth({
      status: 'draft',
      flags: ['rejected', 'possible-duplicate'],
      number: null,
      year: null,
      nationalId: null,
      registeredAt: null,
      versions: [],
      links: [],
      notations: [],
      actions: ['edit', 'submit'],
      rejection: {
        reason: 'Насаби модар бо шиноснома мувофиқат намекунад',
        by: 'back',
        byName: 'Фирӯза Назарова',
        at: '2026-11-23T06:50:00Z',
      },
      check: {
        complete: false,
        errors: [
          {
            path: 'data.mother.idDocument',
            key: 'error.required',
            message: 'Ин майдон ҳатмист: онро пур кунед.',
          },
        ],
        warnings: [
          {
            path: 'data.child.birthDate',
            key: 'warning.lateBirth',
            message: 'Аз таваллуд зиёда аз 3 моҳ гузаштааст: бақайдгирии дер.',
          },
        ],
      },
    });
    vi.stubGlobal('fetch', fakeApi(routesFor(draft)).fetch);
    renderRecord();
    const draftActions = await screen.findByRole('region', { name: 'Амалҳо' });
    const edit = within(draftActions).getByRole('link', { name: 'Таҳрир кардан' });
    expect(edit.getAttribute('href')).toBe(`/records/${BIRTH_ID}/edit`);
    expect(
      within(draftActions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Барои санҷиш фиристодан']);
    const rejected = screen.getByRole('region', { name: 'Сабт баргардонида шуд' });
    expect(rejected.textContent).toContain('Насаби модар бо шиноснома мувофиқат намекунад');
    // staff are named as people, not by their logins
    expect(rejected.textContent).toContain('Баргардонид: Фирӯза Назарова');
    const duplicate = screen.getByRole('region', { name: 'Ин сабт метавонад такрорӣ бошад' });
    expect(within(duplicate).getByRole('link').getAttribute('href')).toBe(`/records/${BIRTH_ID}/duplicates`);
    const check = screen.getByRole('region', { name: 'Санҷиш пеш аз фиристодан' });
    expect(check.textContent).toContain('Модар › Ҳуҷҷати тасдиқкунандаи шахсият: Ин майдон ҳатмист');
    expect(check.textContent).toContain('Кӯдак › Санаи таваллуд: Аз таваллуд зиёда аз 3 моҳ');
    expect(screen.getByText('Ҳанӯз ба қайд гирифта нашудааст')).toBeTruthy();
    cleanup();

    // nothing to do: said in words
    vi.stubGlobal('fetch', fakeApi(routesFor(registeredBirth({ actions: [] }))).fetch);
    renderRecord();
    const none = await screen.findByRole('region', { name: 'Амалҳо' });
    expect(within(none).queryAllByRole('button')).toHaveLength(0);
    expect(none.textContent).toContain('Ҳоло барои шумо дар ин сабт амале нест.');
  });

  it('will not send a record back without a reason, then sends it with If-Match', async () => {
    const validated = registeredBirth({
      status: 'validated',
      flags: [],
      revision: 4,
      number: null,
      year: null,
      nationalId: null,
      versions: [],
      actions: ['reject', 'register'],
      check: { complete: true, errors: [], warnings: [] },
    });
    const api = fakeApi(routesFor(validated));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();

    const actions = await screen.findByRole('region', { name: 'Амалҳо' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ба қайд гирифтан', 'Баргардонидан']);
    await user.click(within(actions).getByRole('button', { name: 'Баргардонидан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Баргардонидан' });
    const reason = within(dialog).getByRole('textbox', { name: /Сабаб/ });
    await waitFor(() => expect(document.activeElement).toBe(reason));

    await user.click(within(dialog).getByRole('button', { name: 'Баргардонидан' }));
    expect(await within(dialog).findByText('Сабабро нависед.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(api.posts()).toHaveLength(0);

    await user.type(reason, 'Насаби модар бо шиноснома мувофиқат намекунад');
    await user.keyboard('{Tab}{Tab}{Enter}');
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    const [post] = api.posts();
    expect(post?.path).toBe(`/records/${BIRTH_ID}/reject`);
    expect(post?.body).toEqual({ reason: 'Насаби модар бо шиноснома мувофиқат намекунад' });
    expect(post?.headers.get('if-match')).toBe('"4"');
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("shows the server's refusal inside the dialog, in the user's language", async () => {
    const validated = registeredBirth({
      status: 'validated',
      flags: [],
      revision: 4,
      versions: [],
      actions: ['reject', 'register'],
    });
    const api = fakeApi(routesFor(validated), (path) =>
      path.endsWith('/register')
        ? jsonResponse(
            422,
            {
              type: 'https://sabt.tj/problems/incomplete',
              title: 'Сабт пурра нест',
              status: 422,
              errors: [
                { path: 'data.mother.birthDate', key: 'error.date.future', message: 'Сана дар оянда аст.' },
              ],
            },
            'application/problem+json',
          )
        : undefined,
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('button', { name: 'Ба қайд гирифтан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ба қайд гирифтан' });
    await user.click(within(dialog).getByRole('button', { name: 'Ба қайд гирифтан' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Сабт пурра нест');
    expect(alert.textContent).toContain('Модар › Санаи таваллуд: Сана дар оянда аст.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(api.posts()[0]?.body).toEqual({});
  });

  it('asks for an amendment with a field from the catalogue, its new value, a reason and a basis document', async () => {
    const api = fakeApi(routesFor(registeredBirth()));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('button', { name: 'Тағйирот дархост кардан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Дархости тағйирот' });

    const field = within(dialog).getByRole('combobox', { name: /^Майдон/ });
    // keyboard only: type to filter the catalogue, arrow down to the field, Enter
    await user.type(field, 'Падар › Номи');
    await user.keyboard('{ArrowDown}{Enter}');
    expect((field as HTMLInputElement).value).toBe('Падар › Номи падар');
    const value = within(dialog).getByRole('textbox', { name: /Қимати нав/ });
    expect((value as HTMLInputElement).value).toBe('Абдуллоевич');
    expect(within(dialog).getByText('Ҳозир: Абдуллоевич')).toBeTruthy();
    await user.clear(value);
    await user.type(value, 'Абдуллоҳович');
    await user.type(within(dialog).getByRole('textbox', { name: /Сабаби тағйирот/ }), 'Хатои имлоӣ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Рақами ҳуҷҷат' }), '45');
    const date = within(dialog).getByRole('textbox', { name: /Санаи ҳуҷҷат/ });
    await user.type(date, '31.02.2025');
    await user.click(within(dialog).getByRole('button', { name: 'Дархостро фиристодан' }));
    expect(await within(dialog).findByText(/Санаро дар шакли рр\.мм\.сссс нависед/)).toBeTruthy();
    expect(api.posts()).toHaveLength(0);
    await user.clear(date);
    await user.type(date, '12.05.2025');
    await user.click(within(dialog).getByRole('button', { name: 'Дархостро фиристодан' }));

    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]?.path).toBe(`/records/${BIRTH_ID}/amendments`);
    expect(api.posts()[0]?.body).toEqual({
      patch: { father: { patronymic: 'Абдуллоҳович' } },
      reason: 'Хатои имлоӣ',
      basis: { type: 'APPLICATION', number: '45', date: '2025-05-12' },
    });
  });

  it('puts the dots into the dialog dates as digits are typed, as the application forms do', async () => {
    const api = fakeApi(routesFor(registeredBirth()));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('button', { name: 'Тағйирот дархост кардан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Дархости тағйирот' });

    const field = within(dialog).getByRole('combobox', { name: /^Майдон/ });
    await user.type(field, 'Кӯдак › Санаи таваллуд');
    await user.keyboard('{ArrowDown}{Enter}');
    expect((field as HTMLInputElement).value).toBe('Кӯдак › Санаи таваллуд');
    const value = within(dialog).getByRole('textbox', { name: /Қимати нав/ }) as HTMLInputElement;
    expect(value.value).toBe('14.03.2025');
    await user.clear(value);
    await user.type(value, '15032025');
    expect(value.value).toBe('15.03.2025');
    await user.type(within(dialog).getByRole('textbox', { name: /Сабаби тағйирот/ }), 'Хатои рақам');
    const date = within(dialog).getByRole('textbox', { name: /Санаи ҳуҷҷат/ }) as HTMLInputElement;
    await user.type(date, '01012030');
    expect(date.value).toBe('01.01.2030');
    await user.click(within(dialog).getByRole('button', { name: 'Дархостро фиристодан' }));

    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]?.body).toEqual({
      patch: { child: { birthDate: '2025-03-15' } },
      reason: 'Хатои рақам',
      basis: { type: 'APPLICATION', date: '2030-01-01' },
    });
  });

  it('annuls on a court decision: required fields said so, dates typed as digits', async () => {
    const api = fakeApi(routesFor(registeredBirth()));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('button', { name: 'Сабтро бекор кардан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Сабтро бекор кардан' });
    await user.click(within(dialog).getByRole('button', { name: 'Сабтро бекор кардан' }));

    const court = within(dialog).getByRole('textbox', { name: /^Суд/ });
    const caseNumber = within(dialog).getByRole('textbox', { name: /^Рақами парванда/ });
    const date = within(dialog).getByRole('textbox', { name: /^Санаи қарор/ }) as HTMLInputElement;
    const inForce = within(dialog).getByRole('textbox', {
      name: /^Санаи эътибор пайдо кардан/,
    }) as HTMLInputElement;
    // each required field says it is required (not the amendment's "write the new value")
    expect(within(dialog).getAllByText('Ин майдон ҳатмист: онро пур кунед.')).toHaveLength(3);
    expect(within(dialog).queryByText('Қимати навро нависед ё интихоб кунед.')).toBeNull();
    for (const input of [court, caseNumber, date]) expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Сабабро нависед.')).toBeTruthy();
    expect(api.posts()).toHaveLength(0);

    await user.type(court, 'Суди ноҳияи Фирдавсӣ');
    await user.type(caseNumber, '2-77/2026');
    await user.type(date, '02032026');
    expect(date.value).toBe('02.03.2026');
    await user.type(inForce, '1.4.2026');
    expect(inForce.value).toBe('01.04.2026');
    await user.type(within(dialog).getByRole('textbox', { name: /Сабаби бекор кардан/ }), 'Қарори суд');
    await user.click(within(dialog).getByRole('button', { name: 'Сабтро бекор кардан' }));

    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]?.body).toEqual({
      reason: 'Қарори суд',
      basis: {
        type: 'COURT_DECISION',
        court: {
          court: 'Суди ноҳияи Фирдавсӣ',
          caseNumber: '2-77/2026',
          date: '2026-03-02',
          inForceDate: '2026-04-01',
        },
      },
    });
  });

  it('says so when the data is sealed for this user, in the record and in its old versions', async () => {
    await i18n.changeLanguage('en');
    const sealed = registeredBirth({
      data: null,
      sealed: true,
      flags: ['sealed'],
      versions: [
        { version: 1, at: '2026-11-23T06:46:23.174Z', sealed: true, href: '/api/v1/records/x/versions' },
      ],
      version: 1,
    });
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...routesFor(sealed),
        [`/records/${BIRTH_ID}/versions`]: {
          items: [{ ...VERSIONS[0], sealed: true, data: null }],
        },
      }).fetch,
    );
    const user = userEvent.setup();
    renderRecord();
    const banner = await screen.findByRole('region', { name: 'The data of this record is sealed' });
    expect(banner.textContent).toContain('secrecy of adoption');
    expect(screen.queryByRole('region', { name: 'Child' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: /Versions/ }));
    const v1 = await screen.findByRole('region', { name: 'Version 1' });
    expect(v1.textContent).toContain('This version is sealed: its data is not shown to you.');
  });

  it('shows the pending amendment with its difference to the registrar who approves it', async () => {
    const pending = registeredBirth({
      flags: ['amendment-requested'],
      actions: ['approve-amendment', 'reject-amendment', 'annul'],
    });
    const api = fakeApi({
      ...routesFor(pending),
      [`/records/${BIRTH_ID}/amendments`]: {
        items: [
          {
            id: 'a1',
            status: 'pending',
            baseVersion: 2,
            patch: { child: { birthTime: '06:45' } },
            sealed: false,
            reason: 'Вақт дар маълумотнома 06:45',
            basis: { type: 'OTHER_DOCUMENT', number: '12', date: '2025-07-01' },
            requestedBy: 'front',
            requestedByName: 'Мадина Раҳимова',
            requestedAt: '2026-11-23T07:00:00Z',
            decidedBy: null,
            decidedAt: null,
            decisionReason: null,
            resultVersion: null,
          },
        ],
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('button', { name: 'Тағйиротро рад кардан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Тағйиротро рад кардан' });
    const row = await within(dialog).findByRole('row', { name: /Кӯдак › Вақти таваллуд/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['06:40', '06:45']);
    expect(dialog.textContent).toContain('Ҳуҷҷати дигар, № 12, 01.07.2025');
    expect(dialog.textContent).toContain('Мадина Раҳимова');
    expect(dialog.textContent).not.toContain('front');
    await user.click(within(dialog).getByRole('button', { name: 'Рад кардан' }));
    expect(await within(dialog).findByText('Сабабро нависед.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Сабаб/ }), 'Ҳуҷҷат нодуруст');
    await user.click(within(dialog).getByRole('button', { name: 'Рад кардан' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]?.path).toBe(`/records/${BIRTH_ID}/amendments/reject`);
    expect(api.posts()[0]?.body).toEqual({ reason: 'Ҳуҷҷат нодуруст' });
  });

  it('gives a registered record the certificates the app composes in, on their own tab; a draft none', async () => {
    const api = fakeApi(routesFor(registeredBirth()));
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const certificates = vi.fn((record: RecordView, reload: () => void) => (
      <button type="button" onClick={reload}>
        certificates of {record.id}
      </button>
    ));
    const router = createMemoryRouter(
      [{ path: '/records/:id', Component: () => <RecordPage certificates={certificates} /> }],
      { initialEntries: [`/records/${BIRTH_ID}?tab=certificates`] },
    );
    renderWithProviders(<RouterProvider router={router} />);
    const tab = await screen.findByRole('tab', { name: 'Шаҳодатномаҳо' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const section = await screen.findByRole('button', { name: `certificates of ${BIRTH_ID}` });
    const reads = () =>
      api.fetch.mock.calls.filter(([u]) => String(u) === `/api/v1/records/${BIRTH_ID}`).length;
    const before = reads();
    await user.click(section);
    // after a print the record is read again (its history and revision changed)
    await waitFor(() => expect(reads()).toBe(before + 1));
    cleanup();

    const draft = registeredBirth({ status: 'draft', number: null, nationalId: null });
    vi.stubGlobal('fetch', fakeApi(routesFor(draft)).fetch);
    const again = createMemoryRouter(
      [{ path: '/records/:id', Component: () => <RecordPage certificates={certificates} /> }],
      { initialEntries: [`/records/${BIRTH_ID}?tab=certificates`] },
    );
    renderWithProviders(<RouterProvider router={again} />);
    expect(await screen.findByRole('tab', { name: 'Маълумот' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Шаҳодатномаҳо' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Маълумот' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('the record screen by the read matrix', () => {
  const session = (role: Role) => ({
    '/auth/session': {
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
    },
  });

  it.each([
    ['registrar', true],
    ['archivist', true],
    ['auditor', false],
  ] as const)('%s is offered the way back to the queues: %s', async (role, offered) => {
    vi.stubGlobal('fetch', fakeApi({ ...routesFor(registeredBirth()), ...session(role) }).fetch);
    renderRecord();
    await screen.findByRole('heading', { level: 1 });
    const back = () => screen.queryByRole('link', { name: /Ба навбатҳои кор/ });
    if (offered) await waitFor(() => expect(back()).toBeTruthy());
    else {
      await waitFor(() => expect(screen.queryAllByRole('link').length).toBeGreaterThan(0));
      await new Promise((r) => setTimeout(r, 50));
      expect(back()).toBeNull();
    }
  });

  it('shows a masked identity document as masked, not as a value', async () => {
    const rec = registeredBirth();
    const data = structuredClone(rec.data) as { mother: { idDocument?: Record<string, string> } };
    data.mother.idDocument = { type: 'PASSPORT', series: MASKED, number: MASKED };
    vi.stubGlobal('fetch', fakeApi({ ...routesFor({ ...rec, data }), ...session('archivist') }).fetch);
    renderRecord();
    const mother = await screen.findByRole('region', { name: 'Модар' });
    expect(within(mother).getAllByText(MASKED).length).toBeGreaterThan(0);
    expect(within(mother).getByText('Шиноснома')).toBeTruthy();
  });
});
