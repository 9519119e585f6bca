// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { renderWithProviders } from '../../testing/render.tsx';
import { parseSettings } from './lib/printers.ts';
import PrinterPage from './printer-page.tsx';
import { FRONT, fakeApi, HEAD, pdfResponse } from './testing/fixtures.ts';

function renderPrinter() {
  const router = createMemoryRouter([{ path: '/printer', Component: PrinterPage }], {
    initialEntries: ['/printer'],
  });
  return renderWithProviders(<RouterProvider router={router} />);
}
const stored = () => JSON.parse(localStorage.getItem('sabt.printers') ?? 'null');

beforeEach(async () => {
  await i18n.changeLanguage('tg');
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('printer calibration', () => {
  it("keeps each printer's offsets in this browser and opens the test page with the chosen printer's", async () => {
    const api = fakeApi(FRONT, { '/certificates/calibration-page': () => pdfResponse('calibration') });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderPrinter();

    expect(await screen.findByText('Ҳанӯз чопгар илова нашудааст.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Чопгар илова кардан' }));
    await user.click(screen.getByRole('button', { name: 'Чопгар илова кардан' }));
    const second = screen.getByRole('group', { name: 'Чопгари 2' });
    const name = within(second).getByLabelText('Номи чопгар');
    await user.clear(name);
    await user.type(name, 'Epson, тирезаи 3');
    const card = screen.getByRole('group', { name: 'Epson, тирезаи 3' });
    await user.clear(within(card).getByLabelText(/Ба рост/));
    await user.type(within(card).getByLabelText(/Ба рост/), '1.5');
    await user.clear(within(card).getByLabelText(/Ба поён/));
    await user.type(within(card).getByLabelText(/Ба поён/), '-0.75');
    await user.click(within(card).getByLabelText('Ба ин чопгар чоп кардан'));

    await waitFor(() =>
      expect(stored()).toMatchObject({
        printers: [
          { name: 'Чопгари 1', dxMm: 0, dyMm: 0 },
          { name: 'Epson, тирезаи 3', dxMm: 1.5, dyMm: -0.75 },
        ],
      }),
    );
    expect(stored().current).toBe(stored().printers[1].id);

    await user.selectOptions(screen.getByLabelText('Бланк'), 'DEATH_CERTIFICATE');
    await user.click(screen.getByRole('button', { name: 'Саҳифаи санҷиширо кушодан' }));
    const frame = await screen.findByTitle('Саҳифаи санҷишӣ: Epson, тирезаи 3');
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(Object.fromEntries(api.gets('/certificates/calibration-page')[0]!.query)).toEqual({
      document: 'DEATH_CERTIFICATE',
      dxMm: '1.5',
      dyMm: '-0.75',
    });

    // the settings outlive the page: open it again
    cleanup();
    renderPrinter();
    const again = await screen.findByRole('group', { name: 'Epson, тирезаи 3' });
    expect((within(again).getByLabelText(/Ба рост/) as HTMLInputElement).value).toBe('1.5');
    await user.click(
      within(screen.getByRole('group', { name: 'Чопгари 1' })).getByRole('button', { name: 'Нест кардан' }),
    );
    await waitFor(() => expect(stored().printers).toHaveLength(1));
  });

  it('is for those who print: the head of office is told who does', async () => {
    vi.stubGlobal('fetch', fakeApi(HEAD, {}).fetch);
    renderPrinter();
    expect(
      await screen.findByText('Шаҳодатномаҳоро кормандони қабул, бэк-офис ва бақайдгирандагон чоп мекунанд.'),
    ).toBeTruthy();
  });
});

describe('stored printer settings', () => {
  it('drop what is broken and keep offsets within ±30 mm', () => {
    expect(parseSettings('not json')).toEqual({ printers: [], current: null });
    expect(
      parseSettings(
        JSON.stringify({
          printers: [{ id: 'a', name: 'A', dxMm: 99, dyMm: -1.234 }, { id: 5 }, null],
          current: 'gone',
        }),
      ),
    ).toEqual({ printers: [{ id: 'a', name: 'A', dxMm: 30, dyMm: -1.23 }], current: 'a' });
  });
});
