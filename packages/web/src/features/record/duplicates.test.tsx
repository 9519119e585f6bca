// @vitest-environment happy-dom
import { birthKind } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import type { RecordView } from '../../lib/records.ts';
import { renderWithProviders } from '../../testing/render.tsx';
import type { DuplicateCandidate } from './api/record.ts';
import DuplicatesPage from './duplicates.tsx';
import { BIRTH_ID, fakeApi, OTHER_ID, registeredBirth } from './testing/fixtures.ts';

const baby = (surname: string, birthDate: string) => ({
  ...structuredClone(birthKind.example),
  child: { ...birthKind.example.child, surname, birthDate },
});

function submitted(actions: RecordView['actions']): RecordView {
  return registeredBirth({
    status: 'validated',
    flags: ['possible-duplicate'],
    revision: 3,
    number: null,
    year: null,
    nationalId: null,
    registeredAt: null,
    versions: [],
    links: [],
    notations: [],
    data: baby('Рахимзода', '2025-03-16'),
    actions,
  });
}

const candidate = (status: DuplicateCandidate['status'] = 'open'): DuplicateCandidate => ({
  candidateId: OTHER_ID,
  score: 0.934,
  reasons: ['name:exact', 'surname:loose', 'birth-date:2d', 'mother:exact'],
  status,
  foundAt: '2026-11-23T07:10:00.000Z',
  decidedBy: status === 'open' ? null : 'back',
  decidedAt: status === 'open' ? null : '2026-11-23T08:00:00.000Z',
  decisionReason: status === 'open' ? null : 'Дугоникҳо',
  record: registeredBirth({ id: OTHER_ID, number: 5, year: 2025, data: baby('Раҳимзода', '2025-03-14') }),
});

function renderDuplicates(record: RecordView, candidates: DuplicateCandidate[]) {
  const api = fakeApi({ [`/records/${BIRTH_ID}/duplicates`]: { record, candidates } });
  vi.stubGlobal('fetch', api.fetch);
  const router = createMemoryRouter(
    [
      { path: '/records/:id/duplicates', Component: DuplicatesPage },
      { path: '/records/:id', Component: () => <p>record page</p> },
    ],
    { initialEntries: [`/records/${BIRTH_ID}/duplicates`] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  return api;
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('possible duplicates side by side', () => {
  it('compares the record with each candidate, marking what differs, and explains the score', async () => {
    renderDuplicates(submitted(['reject', 'resolve-duplicate']), [candidate()]);
    const card = await screen.findByRole('region', { name: 'Сабти монанд 1' });
    expect(card.textContent).toContain('Дараҷаи монандӣ: 93%');
    expect(card.textContent).toContain(
      'Ном: якхела; Насаб: шакли дигари навишт; Санаи таваллуд: 2 рӯз фарқ; Модар: якхела',
    );
    const table = within(card).getByRole('table', { name: 'Муқоисаи сабт бо сабти монанди 1' });
    const cells = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(/^Кӯдак › Насаб/)).toEqual(['Рахимзода (фарқ мекунад)', 'Раҳимзода (фарқ мекунад)']);
    expect(cells(/^Кӯдак › Санаи таваллуд/)).toEqual([
      '16.03.2025 (фарқ мекунад)',
      '14.03.2025 (фарқ мекунад)',
    ]);
    expect(cells(/^Кӯдак › Ном /)).toEqual(['Фарзона', 'Фарзона']);
    expect(cells(/^Модар › Насаб/)).toEqual(['Каримова', 'Каримова']);
    expect(cells(/^Рақами сабт/)).toEqual(['—', '№ 5 / 2025']);
    expect(within(table).getByRole('link', { name: '№ 5 / 2025' }).getAttribute('href')).toBe(
      `/records/${OTHER_ID}`,
    );
  });

  it('sends "duplicate" only with a reason, and "not a duplicate" at once', async () => {
    const api = renderDuplicates(submitted(['reject', 'resolve-duplicate']), [candidate()]);
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Сабти монанд 1' });

    await user.click(within(card).getByRole('button', { name: 'Такрорӣ аст' }));
    let dialog = await screen.findByRole('dialog', { name: 'Такрорӣ аст' });
    await user.click(within(dialog).getByRole('button', { name: 'Такрорӣ аст' }));
    expect(await within(dialog).findByText('Сабабро нависед.')).toBeTruthy();
    expect(api.posts()).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox', { name: /Сабаб/ }), 'Як кӯдак ду бор');
    await user.click(within(dialog).getByRole('button', { name: 'Такрорӣ аст' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]?.path).toBe(`/records/${BIRTH_ID}/duplicates/${OTHER_ID}`);
    expect(api.posts()[0]?.body).toEqual({ verdict: 'duplicate', reason: 'Як кӯдак ду бор' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(within(card).getByRole('button', { name: 'Такрорӣ нест' }));
    dialog = await screen.findByRole('dialog', { name: 'Такрорӣ нест' });
    await user.click(within(dialog).getByRole('button', { name: 'Такрорӣ нест' }));
    await waitFor(() => expect(api.posts()).toHaveLength(2));
    expect(api.posts()[1]?.body).toEqual({ verdict: 'not-duplicate' });
  });

  it('shows decisions, and no buttons to a user who may not resolve', async () => {
    renderDuplicates(submitted(['edit']), [candidate('not-duplicate')]);
    const card = await screen.findByRole('region', { name: 'Сабти монанд 1' });
    expect(card.textContent).toContain('Такрорӣ нест');
    expect(card.textContent).toContain('Қарор: back');
    expect(card.textContent).toContain('Дугоникҳо');
    expect(within(card).queryAllByRole('button')).toHaveLength(0);
  });
});
