// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import type { RecordFees } from '../../lib/record-fees.ts';
import { renderWithProviders } from '../../testing/render.tsx';
import RecordPage from './index.tsx';
import { BIRTH_ID, fakeApi, registeredBirth, VERSIONS } from './testing/fixtures.ts';

/* An amendment is a paid service: its approval waits for the fee, and the screen says so. */

const fees = (settled: boolean): RecordFees => ({
  recordId: BIRTH_ID,
  applicationDate: '2026-03-02',
  eventDate: '2026-02-20',
  consular: false,
  charges: [],
  proposed: null,
  registrationSettled: true,
  onRequest: [
    {
      purpose: 'amendment',
      service: 'RECORD_AMEND',
      calculation: null,
      chargeId: '1c8d3a5f-6e7b-4f9c-8d2e-3f4a5b6c7d8e',
      settled,
      outstandingMinor: settled ? 0 : 3750,
    },
  ],
  may: ['charge', 'payment'],
});

function renderWith(settled: boolean) {
  const record = registeredBirth({
    flags: ['amendment-requested'],
    actions: ['approve-amendment', 'reject-amendment'],
  });
  const api = fakeApi({
    [`/records/${record.id}`]: record,
    [`/records/${record.id}/versions`]: { items: VERSIONS },
    [`/records/${record.id}/history`]: { items: [] },
    [`/records/${record.id}/amendments`]: { items: [] },
    [`/records/${record.id}/fees`]: fees(settled),
  });
  vi.stubGlobal('fetch', api.fetch);
  const router = createMemoryRouter([{ path: '/records/:id', Component: RecordPage }], {
    initialEntries: [`/records/${BIRTH_ID}`],
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('approving an amendment', () => {
  it('waits for its fee: the button says what is unpaid and links to the fees tab', async () => {
    renderWith(false);
    const blocked = await screen.findByTestId('approve-amendment-blocked');
    expect(blocked.textContent).toContain('The amendment waits for its fee: 37.50 somoni not paid.');
    expect(blocked.querySelector('a')?.getAttribute('href')).toBe(`/records/${BIRTH_ID}?tab=fees`);
    expect(blocked.previousElementSibling?.hasAttribute('disabled')).toBe(true);
  });

  it('is offered once the fee is paid or waived', async () => {
    renderWith(true);
    const approve = await screen.findByRole('button', { name: 'Approve the amendment' });
    expect(approve.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByTestId('approve-amendment-blocked')).toBeNull();
  });
});
