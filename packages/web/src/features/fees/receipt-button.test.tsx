// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import { ReceiptButton } from './receipt-button.tsx';

const ENTRY = '5f0c1a2e-8b7d-4c3e-9a1f-2b3c4d5e6f70';
const PDF = '%PDF-1.7\n%receipt\n';

function stubFetch(answer: () => Response) {
  const asked: { path: string; accept: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      asked.push({ path: url.pathname, accept: new Headers(init?.headers).get('accept') });
      return answer();
    }),
  );
  return asked;
}

beforeEach(async () => {
  await i18n.changeLanguage('ru');
  URL.createObjectURL = vi.fn(() => 'blob:receipt');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ReceiptButton', () => {
  it("opens the entry's receipt PDF in a new window", async () => {
    const asked = stubFetch(
      () => new Response(PDF, { status: 200, headers: { 'content-type': 'application/pdf' } }),
    );
    const opened = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    renderWithProviders(<ReceiptButton entryId={ENTRY} receiptNumber="0301-2026-17" />);
    await userEvent.click(screen.getByRole('button', { name: 'Открыть квитанцию 0301-2026-17 (PDF)' }));
    await waitFor(() => expect(opened).toHaveBeenCalledWith('blob:receipt', '_blank', 'noopener'));
    expect(asked).toEqual([
      {
        path: `/api/v1/fees/entries/${ENTRY}/receipt.pdf`,
        accept: expect.stringContaining('application/pdf'),
      },
    ]);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(await blob.text()).toBe(PDF);
    expect(await screen.findByText('Квитанция открыта в новом окне.')).toBeTruthy();
  });

  it('saves the file when the browser blocks the new window', async () => {
    stubFetch(() => new Response(PDF, { status: 200, headers: { 'content-type': 'application/pdf' } }));
    vi.spyOn(window, 'open').mockReturnValue(null);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWithProviders(<ReceiptButton entryId={ENTRY} receiptNumber="0301-2026-17" />);
    await userEvent.click(screen.getByRole('button', { name: /0301-2026-17/ }));
    expect(await screen.findByText('Квитанция загружена.')).toBeTruthy();
    expect(clicked).toEqual(['receipt-0301-2026-17.pdf']);
  });

  it("shows the server's refusal in the user's language", async () => {
    stubFetch(() =>
      jsonResponse(
        403,
        {
          title: 'Ваша роль не принимает платежи и не печатает квитанции.',
          status: 403,
          key: 'problem.read.receipts',
        },
        'application/problem+json',
      ),
    );
    const opened = vi.spyOn(window, 'open');
    renderWithProviders(<ReceiptButton entryId={ENTRY} />);
    await userEvent.click(screen.getByRole('button', { name: 'Квитанция (PDF)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Квитанция не открылась');
    expect(alert.textContent).toContain('Ваша роль не принимает платежи и не печатает квитанции.');
    expect(opened).not.toHaveBeenCalled();
  });
});
