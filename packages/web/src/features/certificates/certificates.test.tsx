// @vitest-environment happy-dom

import { divorceKind } from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import type { Certificate, CertificateRecord } from './api/certificates.ts';
import { CertificatesSection } from './components/certificates-section.tsx';
import { savePrinterSettings } from './lib/printers.ts';
import {
  birthRecord,
  certificate,
  FRONT,
  fakeApi,
  HEAD,
  pdfResponse,
  problem,
  RECORD_ID,
} from './testing/fixtures.ts';

function renderSection(record: CertificateRecord, onChanged = vi.fn()) {
  const router = createMemoryRouter(
    [
      {
        path: '/records/:id',
        Component: () => <CertificatesSection record={record} onChanged={onChanged} />,
      },
      { path: '/printer', Component: () => <p>printer page</p> },
    ],
    { initialEntries: [`/records/${record.id}`] },
  );
  return { onChanged, ...renderWithProviders(<RouterProvider router={router} />) };
}

const FIRST = certificate({
  id: 'c0000000-0000-4000-8000-000000000001',
  recordVersion: 1,
  current: false,
  status: 'superseded',
  supersededAt: '2026-11-23T07:00:00.000Z',
});
const REISSUED = certificate({
  id: 'c0000000-0000-4000-8000-000000000002',
  number: '000007',
  blankId: 7,
  issue: 'reissue',
  mode: 'full',
  issuedBy: { login: 'registrar', name: 'Шералӣ Қодиров' },
  receipt: {
    name: 'Каримова Нигина Саидовна',
    idDocument: { type: 'PASSPORT', series: 'A', number: '01234567' },
    receivedAt: '2026-11-23T07:10:00.000Z',
    recordedBy: { login: 'front', name: 'Мадина Раҳимова' },
  },
});

const certificatesPath = `/records/${RECORD_ID}/certificates`;

beforeEach(async () => {
  await i18n.changeLanguage('tg');
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("a record's certificates", () => {
  it('lists every print: number, first or new, superseded or valid, who issued it and who collected it', async () => {
    const api = fakeApi(HEAD, { [certificatesPath]: { items: [FIRST, REISSUED] } });
    vi.stubGlobal('fetch', api.fetch);
    renderSection(birthRecord());

    const table = await screen.findByRole('table', { name: 'Шаҳодатномаҳои сабт' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first?.textContent).toContain('I-ДУ № 000001');
    expect(first?.textContent).toContain('Шаҳодатнома дар бораи таваллуд');
    expect(first?.textContent).toContain('Аввалин');
    expect(first?.textContent).toContain('Иваз карда шуд');
    expect(first?.textContent).toContain('Ҳанӯз супорида нашудааст');
    expect(second?.textContent).toContain('I-ДУ № 000007');
    expect(second?.textContent).toContain('Нав, пас аз тағйир');
    expect(second?.textContent).toContain('Эътибор дорад');
    expect(second?.textContent).toContain('23.11.2026');
    expect(second?.textContent).toContain('Шералӣ Қодиров');
    expect(second?.textContent).toContain('Гирифт: Каримова Нигина Саидовна');
    expect(second?.textContent).toContain('Шиноснома A 01234567');
    // staff by their names, never their logins
    expect(second?.textContent).toContain('супорид: Мадина Раҳимова');
    expect(table.textContent).not.toMatch(/\bfront\b|registrar/);
    // the head of office does not print certificates nor hand them over
    expect(screen.queryByRole('button', { name: /додан/ })).toBeNull();
    expect(within(table).queryByRole('button', { name: /Супоридани шаҳодатнома/ })).toBeNull();
  });

  it('says so in Russian when nothing has been issued yet, and offers the first certificate', async () => {
    await i18n.changeLanguage('ru');
    vi.stubGlobal('fetch', fakeApi(FRONT, { [certificatesPath]: { items: [] } }).fetch);
    renderSection(birthRecord());
    expect(await screen.findByText('Свидетельств по этой записи ещё не выдавали.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Выдать свидетельство' })).toBeTruthy();
  });

  it('issues a repeat on the blank shown, with the printer offsets, after a preview; then records the hand-over', async () => {
    savePrinterSettings({
      printers: [{ id: 'p1', name: 'HP LaserJet, тиреза 2', dxMm: 1.5, dyMm: -0.5 }],
      current: 'p1',
    });
    let items: Certificate[] = [REISSUED];
    const issued = certificate({
      id: 'c0000000-0000-4000-8000-000000000003',
      number: '000012',
      blankId: 12,
      issue: 'repeat',
    });
    const api = fakeApi(
      FRONT,
      {
        [certificatesPath]: () => ({ items }),
        '/blanks/next': {
          document: 'BIRTH_CERTIFICATE',
          blank: { id: 12, series: 'I-ДУ', number: '000012' },
        },
        [`/records/${RECORD_ID}/certificates/preview`]: () => pdfResponse('preview'),
        [`/certificates/${issued.id}/pdf`]: () => pdfResponse('signed'),
        [`/certificates/${issued.id}/receipt-slip`]: () => pdfResponse('slip'),
      },
      (path, body) => {
        if (path === certificatesPath) {
          items = [...items, issued];
          return jsonResponse(201, issued);
        }
        if (path === `/certificates/${issued.id}/receipt`) {
          const done = {
            ...issued,
            receipt: {
              ...(body as object),
              receivedAt: '2026-11-23T08:00:00Z',
              recordedBy: { login: 'front', name: 'Мадина Раҳимова' },
            },
          };
          items = items.map((c) => (c.id === issued.id ? (done as Certificate) : c));
          return jsonResponse(200, done);
        }
        return undefined;
      },
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { onChanged } = renderSection(birthRecord());

    await user.click(await screen.findByRole('button', { name: 'Шаҳодатномаи такрорӣ додан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Додани шаҳодатнома' });
    expect(dialog.textContent).toContain('Шаҳодатномаи I-ДУ № 000007 аллакай дода шудааст');
    expect(await within(dialog).findByLabelText('Бланки навбатии холӣ: I-ДУ № 000012')).toBeTruthy();
    expect(dialog.textContent).toContain('Чопгар: HP LaserJet, тиреза 2');
    expect(dialog.textContent).toContain('Ислоҳ: X +1,5 мм, Y −0,5 мм');
    // the birth record may also get an archive extract: two documents to choose from
    expect(within(dialog).getByLabelText('Иқтибос аз бойгонӣ')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Пешнамоиш' }));
    const preview = await within(dialog).findByTitle('Пешнамоиши шаҳодатнома (намуна, ҳуҷҷат нест)');
    expect(preview.getAttribute('src')).toMatch(/^blob:/);
    const asked = api.gets(`/records/${RECORD_ID}/certificates/preview`)[0]!.query;
    expect(Object.fromEntries(asked)).toEqual({
      mode: 'overlay',
      document: 'BIRTH_CERTIFICATE',
      blankNumber: '000012',
      blankSeries: 'I-ДУ',
      dxMm: '1.5',
      dyMm: '-0.5',
    });
    expect(api.writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Додан ва чоп кардан' }));
    const done = await screen.findByRole('dialog', {
      name: 'Шаҳодатнома дар бораи таваллуд I-ДУ № 000012 дода шуд',
    });
    const [post] = api.writes();
    expect(post?.body).toEqual({
      mode: 'overlay',
      document: 'BIRTH_CERTIFICATE',
      blankNumber: '000012',
      blankSeries: 'I-ДУ',
      calibration: { dxMm: 1.5, dyMm: -0.5 },
      issue: 'repeat',
    });
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const signed = await within(done).findByTitle(
      'Шаҳодатнома дар бораи таваллуд I-ДУ № 000012 (PDF-и имзошуда)',
    );
    expect(signed.getAttribute('src')).toMatch(/^blob:/);
    expect(api.gets(`/certificates/${issued.id}/pdf`)).toHaveLength(1);
    expect(within(done).getByRole('button', { name: 'Чоп кардан' })).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();

    await user.click(within(done).getByRole('button', { name: 'Супоридани шаҳодатномаро қайд кардан' }));
    const receipt = await screen.findByRole('dialog', { name: 'Қайди супоридани шаҳодатнома' });
    await user.click(within(receipt).getByRole('button', { name: 'Қайд кардан' }));
    expect(within(receipt).getAllByText('Ин майдонро пур кунед.')).toHaveLength(2);
    await user.type(
      within(receipt).getByLabelText(/Насаб, ном ва номи падари гиранда/),
      'Каримова Нигина Саидовна',
    );
    await user.selectOptions(within(receipt).getByLabelText('Ҳуҷҷати тасдиқкунандаи шахсият'), 'ID_CARD');
    await user.type(within(receipt).getByLabelText(/Рақами ҳуҷҷат/), '400123456');
    await user.click(within(receipt).getByRole('button', { name: 'Қайд кардан' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Қайди супоридани шаҳодатнома' })).toBeNull(),
    );
    expect(api.writes()[1]).toMatchObject({
      path: `/certificates/${issued.id}/receipt`,
      body: { name: 'Каримова Нигина Саидовна', idDocument: { type: 'ID_CARD', number: '400123456' } },
    });
    // the hand-over recorded: its receipt slip, to print for the signatures
    const slip = await screen.findByRole('dialog', {
      name: 'Тилхати супоридан: Шаҳодатнома дар бораи таваллуд I-ДУ № 000012',
    });
    expect(
      (
        await within(slip).findByTitle('Тилхати супоридани Шаҳодатнома дар бораи таваллуд I-ДУ № 000012')
      ).getAttribute('src'),
    ).toMatch(/^blob:/);
    expect(api.gets(`/certificates/${issued.id}/receipt-slip`)).toHaveLength(1);
    await user.click(within(slip).getByRole('button', { name: 'Пӯшидан' }));
    const table = await screen.findByRole('table', { name: 'Шаҳодатномаҳои сабт' });
    await waitFor(() => expect(table.textContent).toContain('Корти шахсият 400123456'));
    expect(table.textContent).toContain('супорид: Мадина Раҳимова');
    expect(within(table).getByRole('button', { name: 'Тилхат: I-ДУ № 000012' })).toBeTruthy();
    expect(table.textContent).toContain('I-ДУ № 000012');
    expect(table.textContent).toContain('Такрорӣ');
  });

  it('fills the hand-over from the applicant, editable, or empty for someone else', async () => {
    const cert = certificate({
      id: 'c0000000-0000-4000-8000-000000000031',
      applicant: {
        name: 'Раҳимова Нигина Абдуллоевна',
        idDocument: { type: 'PASSPORT', series: 'A', number: '402543058', issuer: 'ШВКД ноҳияи Фирдавсӣ' },
      },
    });
    const api = fakeApi(
      FRONT,
      {
        [certificatesPath]: { items: [cert] },
        [`/certificates/${cert.id}/receipt-slip`]: () => pdfResponse('slip'),
      },
      (path, body) =>
        path === `/certificates/${cert.id}/receipt`
          ? jsonResponse(200, {
              ...cert,
              receipt: {
                ...(body as object),
                receivedAt: '2026-11-23T08:00:00Z',
                recordedBy: { login: 'front', name: 'Мадина Раҳимова' },
              },
            })
          : undefined,
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderSection(birthRecord());

    await user.click(await screen.findByRole('button', { name: 'Супоридан: I-ДУ № 000001' }));
    const dialog = await screen.findByRole('dialog', { name: 'Қайди супоридани шаҳодатнома' });
    const name = within(dialog).getByLabelText<HTMLInputElement>(/Насаб, ном ва номи падари гиранда/);
    const number = within(dialog).getByLabelText<HTMLInputElement>(/Рақами ҳуҷҷат/);
    const series = within(dialog).getByLabelText<HTMLInputElement>('Силсила');
    const applicant = within(dialog).getByRole<HTMLInputElement>('radio', {
      name: 'Аризадиҳанда: Раҳимова Нигина Абдуллоевна',
    });
    expect(applicant.checked).toBe(true);
    expect(name.value).toBe('Раҳимова Нигина Абдуллоевна');
    expect(series.value).toBe('A');
    expect(number.value).toBe('402543058');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Кӣ додааст').value).toBe('ШВКД ноҳияи Фирдавсӣ');

    // someone else: nothing of the applicant's is left in the fields
    await user.click(within(dialog).getByRole('radio', { name: 'Шахси дигар' }));
    expect(name.value).toBe('');
    expect(number.value).toBe('');
    // back to the applicant, and a correction of the number before recording
    await user.click(applicant);
    expect(name.value).toBe('Раҳимова Нигина Абдуллоевна');
    await user.clear(number);
    await user.type(number, '402543059');
    await user.click(within(dialog).getByRole('button', { name: 'Қайд кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({
      path: `/certificates/${cert.id}/receipt`,
      body: {
        name: 'Раҳимова Нигина Абдуллоевна',
        idDocument: { type: 'PASSPORT', series: 'A', number: '402543059', issuer: 'ШВКД ноҳияи Фирдавсӣ' },
      },
    });
    expect(await screen.findByRole('dialog', { name: /^Тилхати супоридан/ })).toBeTruthy();
  });

  it("shows the server's refusal in the user's language and retries the same print with the same key", async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi(
      FRONT,
      {
        [certificatesPath]: { items: [] },
        '/blanks/next': { document: 'BIRTH_CERTIFICATE', blank: { id: 1, series: 'I-ДУ', number: '000001' } },
      },
      () =>
        problem(409, 'Blank I-ДУ 000001 is not in your office’s stock, or it has been used.', {
          key: 'problem.blank.notInStock',
        }),
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderSection(birthRecord());
    await user.click(await screen.findByRole('button', { name: 'Issue certificate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Issue a certificate' });
    expect(dialog.textContent).toContain("This will be the record's first certificate.");
    expect(dialog.textContent).toContain('No printer set up: printing without offsets.');
    await within(dialog).findByLabelText('Next free blank: I-ДУ № 000001');
    await user.click(within(dialog).getByRole('button', { name: 'Issue and print' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Blank I-ДУ 000001 is not in your office’s stock');
    await user.click(within(dialog).getByRole('button', { name: 'Issue and print' }));
    await waitFor(() => expect(api.writes()).toHaveLength(2));
    const [a, b] = api.writes();
    expect(a?.headers.get('idempotency-key')).toBe(b?.headers.get('idempotency-key'));
    expect(a?.body).toMatchObject({ mode: 'overlay', issue: 'first', blankNumber: '000001' });
    expect(a?.body).not.toHaveProperty('calibration');
  });

  it('asks for the number of another blank; an extract and a stillbirth reference go on plain paper only', async () => {
    const extract = certificate({
      id: 'c1a2b3c4-0000-4000-8000-0000000000e1',
      document: 'ARCHIVE_EXTRACT',
      series: 'DU-03-00',
      number: '2026/000001',
      onBlank: false,
      blankId: null,
      mode: 'full',
    });
    const api = fakeApi(
      FRONT,
      {
        [certificatesPath]: { items: [] },
        '/blanks/next': { document: 'BIRTH_CERTIFICATE', blank: null },
        [`/records/${RECORD_ID}/certificates/preview`]: () => pdfResponse('sample'),
        [`/certificates/${extract.id}/pdf`]: () => pdfResponse('extract'),
      },
      (path) => (path === certificatesPath ? jsonResponse(201, extract) : undefined),
    );
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderSection(birthRecord());
    await user.click(await screen.findByRole('button', { name: 'Шаҳодатнома додан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Додани шаҳодатнома' });
    // none in stock: the clerk is told whom to ask, and cannot print on the "next" blank
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Аз роҳбари идора хоҳиш кунед');
    const print = within(dialog).getByRole('button', { name: 'Додан ва чоп кардан' });
    expect(print.hasAttribute('disabled')).toBe(true);
    // both ways of printing a certificate use a numbered blank, and say so
    expect(
      within(dialog).getByLabelText('Тамоми шакл: шакл ва маълумот дар бланки рақамдор чоп мешаванд'),
    ).toBeTruthy();
    expect(dialog.textContent).toContain(
      'шаҳодатнома дар бланки рақамдор чоп мешавад ва бланк аз анбор истифода мешавад',
    );
    expect(dialog.textContent).not.toContain('коғази оддӣ');
    // a preview needs no blank in stock
    const previewButton = within(dialog).getByRole('button', { name: 'Пешнамоиш' });
    expect(previewButton.hasAttribute('disabled')).toBe(false);
    await user.click(previewButton);
    await waitFor(() => expect(api.gets(`/records/${RECORD_ID}/certificates/preview`)).toHaveLength(1));

    await user.click(within(dialog).getByLabelText('Бланки дигар, ки дар чопгар аст'));
    await user.click(within(dialog).getByRole('button', { name: 'Додан ва чоп кардан' }));
    expect(within(dialog).getByText('Рақами бланкро нависед.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    await user.click(within(dialog).getByLabelText('Иқтибос аз бойгонӣ'));
    expect(dialog.textContent).toContain('Ин ҳуҷҷат бе бланк, дар коғази оддӣ, бо тамоми шакл чоп мешавад');
    expect(dialog.textContent).toContain('бланк истифода намешавад');
    expect(within(dialog).queryByLabelText(/Танҳо маълумот/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Додан ва чоп кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ mode: 'full', document: 'ARCHIVE_EXTRACT', issue: 'first' });
    // issued: named as the extract it is, by its own number, printed on plain paper
    const issuedExtract = await screen.findByRole('dialog', {
      name: 'Иқтибос аз бойгонӣ № 2026/000001 дода шуд',
    });
    expect(issuedExtract.textContent).toContain('Коғази оддиро ба чопгар гузоред');
    expect(issuedExtract.textContent).not.toContain('DU-03-00');
    cleanup();

    const data = structuredClone(birthRecord().data) as { child: Record<string, unknown> };
    data.child.liveBorn = false;
    renderSection(birthRecord({ data }));
    await user.click(await screen.findByRole('button', { name: 'Шаҳодатнома додан' }));
    const stillborn = await screen.findByRole('dialog', { name: 'Додани шаҳодатнома' });
    expect(
      within(stillborn).getByLabelText('Маълумотнома дар бораи мурда таваллуд шудани кӯдак'),
    ).toBeTruthy();
    expect(stillborn.textContent).toContain(
      'Ин ҳуҷҷат бе бланк, дар коғази оддӣ, бо тамоми шакл чоп мешавад',
    );
  });

  it('asks which former spouse a divorce certificate is for; the second spouse gets a first one too', async () => {
    const toHusband = certificate({
      document: 'DIVORCE_CERTIFICATE',
      series: 'I-БН',
      holder: 'husband',
      recordVersion: 1,
    });
    const api = fakeApi(FRONT, {
      [certificatesPath]: { items: [toHusband] },
      '/blanks/next': { document: 'DIVORCE_CERTIFICATE', blank: { id: 3, series: 'I-БН', number: '000002' } },
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderSection({
      ...birthRecord(),
      kind: 'DIVORCE',
      version: 1,
      data: structuredClone(divorceKind.example),
    });
    const table = await screen.findByRole('table', { name: 'Шаҳодатномаҳои сабт' });
    expect(table.textContent).toContain('Ба шавҳар');
    // the wife has none yet: the button offers a first certificate, not a repeat
    await user.click(await screen.findByRole('button', { name: 'Шаҳодатнома додан' }));
    const dialog = await screen.findByRole('dialog', { name: 'Додани шаҳодатнома' });
    expect(within(dialog).getByRole('radiogroup', { name: /Барои кӣ/ })).toBeTruthy();
    expect(dialog.textContent).toContain('Такрорӣ'); // for the husband, preselected
    await user.click(within(dialog).getByLabelText('Ба зан'));
    expect(within(dialog).getByRole('note').textContent).toContain('Аввалин');
    await user.click(await within(dialog).findByLabelText('Бланки навбатии холӣ: I-БН № 000002'));
    await user.click(within(dialog).getByRole('button', { name: 'Додан ва чоп кардан' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toMatchObject({
      document: 'DIVORCE_CERTIFICATE',
      holder: 'wife',
      issue: 'first',
      blankNumber: '000002',
    });
  });

  it('prints only for registered records of the own office', async () => {
    vi.stubGlobal('fetch', fakeApi(FRONT, { [certificatesPath]: { items: [] } }).fetch);
    renderSection(birthRecord({ office: 'RA-13-01' }));
    expect(
      await screen.findByText('Шаҳодатномаро идорае медиҳад, ки сабтро ба қайд гирифтааст.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Шаҳодатнома додан' })).toBeNull();
    cleanup();
    renderSection(birthRecord({ status: 'annulled', flags: ['certificate-reissue'] }));
    expect(
      await screen.findByText('Шаҳодатнома танҳо барои сабти ба қайд гирифташуда дода мешавад.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /додан/ })).toBeNull();
  });
});
